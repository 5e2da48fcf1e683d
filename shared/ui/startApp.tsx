import { createRoot } from 'react-dom/client';
import type { ComponentType } from 'react';
import { createI18n, loadMessages, pickLanguage } from '../i18n/index.ts';
import { AppRoot } from './AppRoot.tsx';
import { dismissBootView } from './boot/bootHandOver.ts';
import { ConfigErrorView } from './ConfigErrorView.tsx';
import { mark } from './mark.ts';
import type { PageStart } from './pageStart.ts';
import { loadTheme, themeNameFor } from './themes.ts';

export interface StartOptions {
  container: HTMLElement;
  /** The page's start, begun before this code was evaluated (pageStart.ts `beginPageStart`). */
  start: PageStart;
  View: ComponentType;
}

/** Renders the page: shared by the task pane and the Teams tab. */
export async function startApp({ container, start, View }: StartOptions): Promise<void> {
  const host = await start.host;
  mark('host');
  // The host's language and theme are fetched (when not Swedish and web light, which are built in)
  // while the configuration loads.
  const language = pickLanguage(host.locale);
  const [loaded, first, messages, theme] = await Promise.all([
    start.config,
    start.first,
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
  root.render(
    <AppRoot host={host} config={loaded.config} i18n={i18n} View={View} initialTheme={theme} first={first} />,
  );
}
