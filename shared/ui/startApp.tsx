import { createRoot } from 'react-dom/client';
import type { ComponentType } from 'react';
import { createI18n, loadMessages, pickLanguage } from '../i18n/index.ts';
import type { HostAdapter } from '../host/index.ts';
import { AppRoot, beginFirstSession } from './AppRoot.tsx';
import { dismissBootView } from './boot/bootHandOver.ts';
import { ConfigErrorView } from './ConfigErrorView.tsx';
import { loadGraphModule, syncPersistence } from './earlyStart.ts';
import { loadConfig } from './loadConfig.ts';
import { mark } from './mark.ts';
import { loadTheme, themeNameFor } from './themes.ts';

export interface StartOptions {
  container: HTMLElement;
  detectHost: () => Promise<HostAdapter>;
  View: ComponentType;
  /** Where the organisation's configuration is deployed; the app's own origin by default. */
  configUrl?: string;
}

/** Entry point shared by the task pane and the Teams tab. */
export async function startApp({
  container,
  detectHost,
  View,
  configUrl = '/config.json',
}: StartOptions): Promise<void> {
  const config = loadConfig(configUrl);
  // Fetched and opened now, while the host and configuration are worked out: the first render needs them.
  loadGraphModule().catch(() => undefined); // AppRoot reports a failure (and retries)
  void syncPersistence();
  const host = await detectHost();
  mark('host');
  // The host's language and theme are fetched (when not Swedish and web light, which are built in)
  // while the configuration loads.
  const language = pickLanguage(host.locale);
  const [loaded, messages, theme] = await Promise.all([
    config,
    loadMessages(language),
    loadTheme(themeNameFor(host)),
  ]);
  mark('config');
  const i18n = createI18n(language, messages);
  container.ownerDocument.documentElement.lang = i18n.language;
  const root = createRoot(container);
  if (!loaded.ok) {
    root.render(<ConfigErrorView message={loaded.message} i18n={i18n} />);
    dismissBootView();
    return;
  }
  // The session's first requests go out now, before React's first render (a while, on a cold start).
  const first = beginFirstSession(loaded.config, host);
  root.render(
    <AppRoot host={host} config={loaded.config} i18n={i18n} View={View} initialTheme={theme} first={first} />,
  );
}
