import { createRoot } from 'react-dom/client';
import type { ComponentType } from 'react';
import { createI18n, pickLanguage } from '../i18n/index.ts';
import type { HostAdapter } from '../host/index.ts';
import { AppRoot } from './AppRoot.tsx';
import { ConfigErrorView } from './ConfigErrorView.tsx';
import { loadConfig } from './loadConfig.ts';

export interface StartOptions {
  container: HTMLElement;
  detectHost: () => Promise<HostAdapter>;
  View: ComponentType;
  /** Where the organisation's configuration is deployed; the app's own origin by default. */
  configUrl?: string;
}

/** Entry point shared by the task pane and the Teams tab. */
export async function startApp({ container, detectHost, View, configUrl = '/config.json' }: StartOptions): Promise<void> {
  const [host, loaded] = await Promise.all([detectHost(), loadConfig(configUrl)]);
  const i18n = createI18n(pickLanguage(host.locale));
  container.ownerDocument.documentElement.lang = i18n.language;
  const root = createRoot(container);
  if (!loaded.ok) {
    root.render(<ConfigErrorView message={loaded.message} i18n={i18n} />);
    return;
  }
  root.render(<AppRoot host={host} config={loaded.config} i18n={i18n} View={View} />);
}
