import { useEffect, useMemo } from 'react';
import type { RegisterEntry } from '../domain/index.ts';
import { createSyncStore } from '../graph/index.ts';
import type { SyncStore } from '../graph/index.ts';
import { useAppServices } from './AppContext.tsx';
import { useAutoRefresh } from './sync/useSyncStore.ts';

/** How often an open, visible pane asks Graph for changes (delta rounds are cheap: ≤ 5 requests). */
export const refreshIntervalMs = 3 * 60_000;

/**
 * The sync store for the mailboxes the user covers: shows the persisted snapshot at once, then
 * refreshes through delta on open and every few minutes while the pane is visible.
 */
export function useMailboxSync(entries: readonly RegisterEntry[]): SyncStore {
  const { graph, tokens, persistence, config, userPrincipalName, host } = useAppServices();
  const key = entries.map((entry) => `${entry.address}|${entry.etag ?? ''}`).join();
  const store = useMemo(
    () =>
      createSyncStore({
        client: graph,
        tokens,
        user: userPrincipalName ?? 'unknown',
        mailboxes: entries,
        organisation: {
          calendar: config.organisation.calendar,
          handledCategories: config.organisation.handledCategories,
          citizenServiceAddress: config.organisation.citizenServiceAddress,
        },
        persistence,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the entries that matter
    [graph, tokens, persistence, config, userPrincipalName, key],
  );
  useEffect(() => void store.restore(), [store]);
  useAutoRefresh(store, { intervalMs: refreshIntervalMs, isVisible: host.isVisible });
  return store;
}
