import { createContext, useContext, useEffect, useState } from 'react';
import type { OutlookHostApi } from './OutlookHostApi.ts';

const OutlookContext = createContext<OutlookHostApi | null>(null);

/** Office.js (in Outlook) or the demo harness's implementation of the same shapes. */
export const OutlookProvider = OutlookContext.Provider;

export function useOutlook(): OutlookHostApi | null {
  return useContext(OutlookContext);
}

/**
 * The current item and a number that changes whenever Outlook selects another one (`ItemChanged`,
 * which a pinned task pane receives).
 */
export function useCurrentItem(outlook: OutlookHostApi | null) {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const mailbox = outlook?.context.mailbox;
    if (!mailbox?.addHandlerAsync) return;
    const type = outlook?.EventType?.ItemChanged ?? 'olkItemSelectedChanged';
    mailbox.addHandlerAsync(type, () => setVersion((v) => v + 1));
    return () => mailbox.removeHandlerAsync?.(type);
  }, [outlook]);
  return { item: outlook?.context.mailbox.item ?? null, version };
}
