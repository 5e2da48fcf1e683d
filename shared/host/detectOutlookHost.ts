import { standaloneHost } from './HostAdapter.ts';
import type { HostAdapter } from './HostAdapter.ts';
import { plainBrowserTab } from './plainBrowserTab.ts';

/**
 * Waits for Office.js and reports whether we run inside Outlook. Outside Office, `Office.onReady`
 * resolves with `host: null` and the task pane runs in its standalone demo mode. A plain browser tab
 * never loads Office.js (see officeJs.ts); elsewhere, if the head script did not load it, it is loaded
 * now. If Office.js does not load at all (blocked, offline) we also fall back rather than hang.
 */
export async function detectOutlookHost(timeoutMs = 5000): Promise<HostAdapter> {
  if (plainBrowserTab(globalThis)) return standaloneHost();
  const scope = globalThis as { Office?: typeof Office };
  if (!scope.Office && globalThis.document) {
    // Rare (the head script loads it): loaded on demand, so it is not in the initial JavaScript.
    const { loadOfficeJs, officeJsUrl } = await import('./officeJs.ts');
    const url = officeJsUrl(globalThis.document);
    if (url) await loadOfficeJs(globalThis.document, url, timeoutMs);
  }
  const office = scope.Office;
  if (!office?.onReady) return standaloneHost();
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
