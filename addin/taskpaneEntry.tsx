// The task pane's entry. The app's code is in modules of its own so that a saved start view (see
// shared/ui/boot) is painted before that code runs: evaluating it holds the main thread for a while.
// The page names them in <link rel="modulepreload" data-start-code> and <link … data-app-code>
// (scripts/vitePlugins.ts `bootScript`), so they are fetched and compiled alongside and nothing waits
// for the network here:
// - the start (taskpaneStart.ts, no React) is evaluated first and begins the session's requests;
// - the views (taskpaneApp.tsx) once those are under way (pageStart.ts `underWay`), so their long
//   evaluation does not hold the responses the requests wait for.
// The Graph SDK's chunk (named in <meta name="brevladevakten-graph-code">) is requested at the same
// moment, so the first Graph request does not wait for the app's code to ask for it (earlyStart.ts gets
// the same module); and in a plain browser tab, the demo host's code (<meta
// name="brevladevakten-demo-host-code">), which the views would otherwise ask for only once evaluated.
import { afterBootViewPainted } from '../shared/ui/boot/afterBootViewPainted.ts';
import type { PageStart } from '../shared/ui/pageStart.ts';

const code = (name: string) => document.querySelector<HTMLLinkElement>(`link[data-${name}-code]`)?.href;
const startCode = code('start');
const appCode = code('app');
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="brevladevakten-${name}-code"]`)?.content;
const graphCode = meta('graph');

/** Fetches (and compiles) modules without running them, as the page's own <link rel="modulepreload"> do. */
function preload(urls: readonly string[]) {
  for (const url of urls) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = url;
    document.head.appendChild(link);
  }
}

afterBootViewPainted()
  .then(async () => {
    // A failure here shows where the app asks for the module itself (and retries).
    if (graphCode) import(/* @vite-ignore */ graphCode).catch(() => undefined);
    if (window.__brevladevaktenBoot?.plainTab) preload(meta('demo-host')?.split(' ').filter(Boolean) ?? []);
    if (!startCode || !appCode) throw new Error('The page names no app code (link[data-start-code], link[data-app-code]).');
    const start = (await import(/* @vite-ignore */ startCode)) as { pageStart: PageStart };
    await start.pageStart.underWay;
    // Evaluating the module starts the app.
    return import(/* @vite-ignore */ appCode);
  })
  .catch((error: unknown) => {
    // The app's code did not load: leave the saved picture no longer than this.
    window.__brevladevaktenBoot?.dismiss();
    throw error;
  });
