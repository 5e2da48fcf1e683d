/**
 * Where the task pane gets Office.js. The page names the library's URL in
 * `<meta name="brevladevakten-office-js">` (scripts/vitePlugins.ts fills in the local copy or Microsoft's
 * CDN) rather than in a `<script>` tag, because a plain browser tab (the demo harness) has no Office host
 * and no use for it: there, Office.js would only hold up the page (about 50 ms on a cold start) before
 * saying "no host". Anywhere an Office host may be (a frame, a desktop or Mac webview, a URL with host
 * info: see `plainBrowserTab`), the inline head script writes the `<script>` tag into the head as the
 * page is parsed (`writeOfficeJs`), so Office.js loads exactly as from a static tag: in the head,
 * blocking the parser, before the body and the app. Should that script not run (a Content-Security-Policy
 * without its hash) or the browser refuse the written tag, the app loads the library itself before it
 * asks Office who the host is (`loadOfficeJs`, from `detectOutlookHost`).
 */
import { plainBrowserTab } from './plainBrowserTab.ts';

export const officeJsMetaName = 'brevladevakten-office-js';

type OfficeScope = { Office?: unknown };

/** The Office.js URL the page names, or null when it names none (a page that never runs in Office). */
export function officeJsUrl(doc: Pick<Document, 'querySelector'>): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${officeJsMetaName}"]`)?.content || null;
}

/**
 * From the inline head script, while the parser is still in the head: writes Office.js's `<script>` tag
 * after the script, unless this is a plain browser tab or the page names no Office.js. Returns whether
 * it did.
 */
export function writeOfficeJs(win: Window): boolean {
  const url = officeJsUrl(win.document);
  if (!url || plainBrowserTab(win) || (win as unknown as OfficeScope).Office) return false;
  // A parser-blocking script written by a parser-inserted one runs before the parser goes on.
  win.document.write(`<script src="${url.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"></script>`);
  return true;
}

/**
 * Makes sure Office.js has run: at once when it has, otherwise adds its `<script>` to the head and waits
 * for it to load or fail (at most `timeoutMs`). Resolves with whether `Office` is there.
 */
export function loadOfficeJs(doc: Document, url: string, timeoutMs: number): Promise<boolean> {
  const scope = (doc.defaultView ?? globalThis) as unknown as OfficeScope;
  if (scope.Office) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const script = doc.createElement('script');
    const done = () => {
      clearTimeout(timer);
      resolve(Boolean(scope.Office));
    };
    const timer = setTimeout(done, timeoutMs);
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    script.src = url;
    doc.head.appendChild(script);
  });
}
