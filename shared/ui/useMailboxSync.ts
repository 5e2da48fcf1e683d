import { useEffect, useMemo } from 'react';
import type { RegisterEntry } from '../domain/index.ts';
import type { SyncStore } from '../graph/index.ts';
import { useAppServices } from './AppContext.tsx';
import { keyOf, refreshIntervalMs, sessionMailboxSync } from './mailboxSession.ts';
import { useAutoRefresh } from './sync/useSyncStore.ts';

/**
 * The sync store for the mailboxes the user covers: shows the persisted snapshot at once, then
 * refreshes through delta on open and every few minutes while the pane is visible. One store per
 * session and set of mailboxes: the one `startMailboxSync` began, if it did.
 */
export function useMailboxSync(entries: readonly RegisterEntry[]): SyncStore {
  const { graph, tokens, persistence, config, userPrincipalName, host } = useAppServices();
  const key = keyOf(entries);
  const sync = useMemo(
    () => sessionMailboxSync({ graph, tokens, persistence, config, userPrincipalName }, entries),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the entries that matter
    [graph, tokens, persistence, config, userPrincipalName, key],
  );
  const { store } = sync;
  // The first refresh on open is the round the start-up already began, if any: not a second one.
  const refresher = useMemo(() => ({ refresh: () => sync.refresh() }), [sync]);
  useEffect(() => void store.restore(), [store]);
  useAutoRefresh(refresher, { intervalMs: refreshIntervalMs, isVisible: host.isVisible });
  return store;
}
