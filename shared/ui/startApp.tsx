import { createRoot } from 'react-dom/client';
import type { ComponentType } from 'react';
import { createI18n, loadMessages, pickLanguage } from '../i18n/index.ts';
import { AppRoot } from './AppRoot.tsx';
import { dismissBootView } from './boot/bootHandOver.ts';
import { ConfigErrorView } from './ConfigErrorView.tsx';
import { syncPersistence } from './earlyStart.ts';
import { mark } from './mark.ts';
import type { PageStart } from './pageStart.ts';
import { loadTheme, themeNameFor } from './themes.ts';

export interface StartOptions {
  container: HTMLElement;
  /** The page's start, begun before this code was evaluated (pageStart.ts `beginPageStart`). */
  start: PageStart;
  View: ComponentType;
}

/** The promise's value if it has settled (or does within a task), else null. */
function settledNow<T>(promise: Promise<T>): Promise<T | null> {
  return Promise.race([promise.catch(() => null), new Promise<null>((resolve) => setTimeout(() => resolve(null), 0))]);
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
  // In the demo the user is known at once and the sync cache is open by now (the head script began
  // opening it): the views then render in the first render. Otherwise (a real tenant's /me) the first
  // render shows the app loading and AppRoot waits.
  // (The demo's user list too, if it is back: the persona chooser then needs no second render.)
  const [signedIn, personas] = await Promise.all([
    first?.started ? settledNow(Promise.all([first.started.who, syncPersistence()])) : null,
    first?.personas ? settledNow(first.personas) : null,
  ]);
  if (signedIn?.[0].ok) mark('session');
  root.render(
    <AppRoot
      host={host}
      config={loaded.config}
      i18n={i18n}
      View={View}
      initialTheme={theme}
      first={first}
      firstSignedIn={signedIn ? { user: signedIn[0], persistence: signedIn[1] } : null}
      firstPersonas={personas}
    />,
  );
}
