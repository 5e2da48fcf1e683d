import { standaloneHost } from './HostAdapter.ts';
import type { HostAdapter } from './HostAdapter.ts';

/**
 * Waits for Office.js and reports whether we run inside Outlook. Outside Office, `Office.onReady`
 * resolves with `host: null` and the task pane runs in its standalone demo mode. If Office.js did not
 * load at all (blocked, offline) we also fall back rather than hang.
 */
export async function detectOutlookHost(timeoutMs = 5000): Promise<HostAdapter> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady || plainBrowserTab(globalThis)) return standaloneHost();
  const info = await Promise.race([
    office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (!info || info.host !== office.HostType.Outlook) return standaloneHost();
  return standaloneHost({
    kind: 'outlook',
    locale: office.context.displayLanguage || 'sv-SE',
    theme: 'light',
    supportsNestedAppAuth: office.context.requirements.isSetSupported('NestedAppAuth', '1.1'),
  });
}

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
 * to wait for: outside Office, `Office.onReady` takes a few hundred milliseconds only to say `null`.
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
