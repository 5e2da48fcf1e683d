import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { startAutoRefresh, unhandledWithDeadlines } from '../../graph/index.ts';
import type { SyncState, SyncStore, Timers, UnhandledGroups } from '../../graph/index.ts';

type Observable = Pick<SyncStore, 'subscribe' | 'getSnapshot'>;

const identity = (state: SyncState) => state;

/** A getter that calls `select` once per state object and otherwise gives the last answer. */
function memoizedSelection<T>(store: Observable, select: (state: SyncState) => T): () => T {
  let last: { state: SyncState; value: T } | null = null;
  return () => {
    const state = store.getSnapshot();
    if (last?.state !== state) last = { state, value: select(state) };
    return last.value;
  };
}

/**
 * The sync store's state, or a part of it, for React. The selector's answer is kept per state object,
 * so a selector that builds a new object each time still gives a stable value between changes (which
 * `useSyncExternalStore` requires).
 */
export function useSyncStore<T = SyncState>(store: Observable, selector?: (state: SyncState) => T): T {
  const select = (selector ?? identity) as (state: SyncState) => T;
  const getSelection = useMemo(() => memoizedSelection(store, select), [store, select]);
  return useSyncExternalStore(store.subscribe, getSelection, getSelection);
}

const refreshInfo = (state: SyncState) => ({
  refreshing: state.refreshing,
  progress: state.progress,
  lastUpdated: state.lastUpdated,
});

/** What a refresh indicator shows: whether a round runs, how far it is, and when data was last updated. */
export function useRefreshStatus(store: Observable): ReturnType<typeof refreshInfo> {
  const status = useSyncStore(store, refreshInfo);
  // One object per distinct value, so consumers can depend on it.
  return useMemo(
    () => status,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parts are the identity
    [status.refreshing, status.progress, status.lastUpdated],
  );
}

const mailboxesOf = (state: SyncState) => state.mailboxes;

/** The open messages of every mailbox, grouped overdue / approaching / ok, for `nowMs`. */
export function useUnhandledWithDeadlines(store: Observable, nowMs: number): UnhandledGroups {
  const mailboxes = useSyncStore(store, mailboxesOf);
  return useMemo(() => unhandledWithDeadlines({ mailboxes }, nowMs), [mailboxes, nowMs]);
}

/**
 * Refreshes when mounted and every `intervalMs` while `isVisible()` says the pane is on screen;
 * stops when unmounted. `timers` lets tests drive time.
 */
export function useAutoRefresh(
  store: Pick<SyncStore, 'refresh'>,
  options: { intervalMs: number; isVisible: () => boolean; timers?: Timers },
): void {
  const { intervalMs, isVisible, timers } = options;
  useEffect(
    () => startAutoRefresh(store, { intervalMs, isVisible, ...(timers ? { timers } : {}) }),
    [store, intervalMs, isVisible, timers],
  );
}
