import { useEffect, useRef } from 'react';
import type { SyncState, SyncStore } from '../shared/graph/index.ts';
import { useDismissBootView } from '../shared/ui/boot/bootHandOver.ts';
import { useAppServices, useSyncStore } from '../shared/ui/index.ts';
import { mark } from '../shared/ui/mark.ts';

// Saving runs a while after start-up, so its code (capture, validity search) is not in the initial bundle.
const loadSaver = () => import('./saveQueueBootView.ts');

/** How long the queue must stay unchanged before it is saved (a burst of updates saves once). */
const saveDelayMs = 800;

const hasData = (state: SyncState) =>
  state.restored || state.lastUpdated !== null || (state.mailboxes.length > 0 && state.mailboxes.every((m) => m.error));
const settled = (state: SyncState) =>
  !state.refreshing && state.lastUpdated !== null && state.mailboxes.every((m) => m.pending.size === 0);

/**
 * The queue as the pane's start view (see shared/ui/boot): once the queue shows data (restored or
 * fresh), the saved picture shown before the app loaded is taken away; and while it is the pane's
 * opening view (`isStartView`: no message selected) and settled (no refresh or action running), what it
 * shows is saved with the instant until which every state and day word on it stays true.
 */
export function useQueueBootView(store: SyncStore, nowMs: number, timeZone: string, isStartView: boolean): void {
  const { host, userPrincipalName } = useAppServices();
  const state = useSyncStore(store);
  useDismissBootView(hasData(state));

  const user = userPrincipalName;
  const ready = isStartView && settled(state) && user !== null;
  // What was saved last: the clock's ticks re-render the queue, but while the state is the same and the
  // saved view still true, saving again would store the same picture.
  const saved = useRef<{ state: SyncState; user: string; validUntil: number } | null>(null);
  useEffect(() => {
    if (!ready || !user) return;
    const last = saved.current;
    if (last && last.state === state && last.user === user && nowMs < last.validUntil) return;
    let current = true;
    const handle = setTimeout(() => {
      void loadSaver().then(
        ({ saveQueueBootView }) => {
          const root = globalThis.document?.getElementById('root');
          if (!current || !root) return;
          const hostKind = host.kind === 'outlook' ? 'outlook' : 'harness';
          const validUntil = saveQueueBootView({ state, nowMs, timeZone, user, host: hostKind, root });
          if (validUntil === null) return;
          saved.current = { state, user, validUntil };
          mark('bootViewSaved');
        },
        () => undefined, // not saved this time; the next settled state tries again
      );
    }, saveDelayMs);
    return () => {
      current = false;
      clearTimeout(handle);
    };
  }, [ready, user, host, state, nowMs, timeZone]);
}
