// Whether the page is a plain browser tab, where no Office host can be (the demo harness): shared by the
// inline head script (which then loads no Office.js) and `detectOutlookHost`.
type Globals = {
  window?: { parent?: unknown };
  location?: { search?: string; hash?: string };
  name?: string;
  external?: { GetContext?: unknown };
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: unknown };
};

/**
 * Strong signs that no Office host is there: a top-level page (Outlook on the web frames add-ins), no
 * host-info handshake in the URL or window name (classic Outlook passes `_host_Info`), no desktop
 * bridge (`external.GetContext`), no WebView2 (new Outlook, classic Outlook) and no WKWebView bridge
 * (Outlook on Mac). Then there is nothing
 * to wait for (and no Office.js to load): outside Office, `Office.onReady` takes a few hundred
 * milliseconds only to say `null`.
 */
export function plainBrowserTab(scope: unknown): boolean {
  const g = scope as Globals;
  if (!g.window || g.window.parent !== g.window) return false;
  const hint = `${g.location?.search ?? ''}${g.location?.hash ?? ''}${g.name ?? ''}`;
  if (/_host_Info/i.test(hint)) return false;
  if (typeof g.external?.GetContext === 'function') return false;
  if (g.chrome?.webview) return false;
  // Outlook on Mac and mobile talk to the add-in through WKWebView message handlers.
  if (g.webkit?.messageHandlers) return false;
  return true;
}
