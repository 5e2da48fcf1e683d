// The task pane's entry. The app's code is a module of its own so that a saved start view (see
// shared/ui/boot) is painted before that code runs: evaluating it holds the main thread for a while.
// The page names that module in a <link rel="modulepreload" data-app-code> (scripts/vitePlugins.ts
// `bootScript`), so it is fetched and compiled alongside and nothing waits for the network here. The
// Graph SDK's chunk (named in <meta name="brevladevakten-graph-code">) is requested at the same moment,
// so the first Graph request does not wait for the app's code to ask for it (earlyStart.ts gets the same
// module).
import { afterBootViewPainted } from '../shared/ui/boot/afterBootViewPainted.ts';

const appCode = document.querySelector<HTMLLinkElement>('link[data-app-code]')?.href;
const graphCode = document.querySelector<HTMLMetaElement>('meta[name="brevladevakten-graph-code"]')?.content;

afterBootViewPainted()
  .then(() => {
    // A failure here shows where the app asks for the module itself (and retries).
    if (graphCode) import(/* @vite-ignore */ graphCode).catch(() => undefined);
    // Evaluating the module starts the app.
    return appCode
      ? import(/* @vite-ignore */ appCode)
      : Promise.reject(new Error('The page names no app code (link[data-app-code]).'));
  })
  .catch((error: unknown) => {
    // The app's code did not load: leave the saved picture no longer than this.
    window.__brevladevaktenBoot?.dismiss();
    throw error;
  });
