import { standaloneHost } from './HostAdapter.ts';
import type { HostAdapter } from './HostAdapter.ts';

/**
 * Waits for Office.js and reports whether we run inside Outlook. Outside Office, `Office.onReady`
 * resolves with `host: null` and the task pane runs in its standalone demo mode. If Office.js did not
 * load at all (blocked, offline) we also fall back rather than hang.
 */
export async function detectOutlookHost(timeoutMs = 5000): Promise<HostAdapter> {
  const office = (globalThis as { Office?: typeof Office }).Office;
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
