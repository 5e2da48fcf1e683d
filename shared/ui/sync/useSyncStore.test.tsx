// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import type { SyncState } from '../../graph/index.ts';
import { useRefreshStatus, useSyncStore } from './useSyncStore.ts';

afterEach(cleanup);

/** A store with hand-set state: the hooks need only subscribe and getSnapshot. */
function manualStore(initial: SyncState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    set(changes: Partial<SyncState>) {
      state = { ...state, ...changes };
      for (const listener of listeners) listener();
    },
  };
}

const idle: SyncState = {
  mailboxes: [],
  refreshing: false,
  progress: { done: 0, total: 3 },
  lastUpdated: null,
  restored: false,
};

function Progress({ store }: { store: ReturnType<typeof manualStore> }) {
  const { refreshing, progress, lastUpdated } = useRefreshStatus(store);
  return (
    <p>
      {refreshing ? `Uppdaterar ${progress.done} av ${progress.total}` : 'Klar'} · {lastUpdated ?? 'aldrig'}
    </p>
  );
}

describe('useSyncStore', () => {
  it('shows refresh progress and the last-updated time as the store changes', () => {
    const store = manualStore(idle);
    render(<Progress store={store} />);
    expect(screen.getByText('Klar · aldrig')).toBeTruthy();
    act(() => store.set({ refreshing: true, progress: { done: 1, total: 3 } }));
    expect(screen.getByText('Uppdaterar 1 av 3 · aldrig')).toBeTruthy();
    act(() =>
      store.set({
        refreshing: false,
        progress: { done: 3, total: 3 },
        lastUpdated: '2026-11-17T09:30:00.000Z',
      }),
    );
    expect(screen.getByText('Klar · 2026-11-17T09:30:00.000Z')).toBeTruthy();
  });

  it('works with a selector that builds a new object on every call, without rendering in a loop', () => {
    const store = manualStore(idle);
    const seen: unknown[] = [];
    function Probe() {
      seen.push(useSyncStore(store, (s) => ({ total: s.progress.total })));
      return null;
    }
    const { rerender } = render(<Probe />);
    rerender(<Probe />);
    expect(seen[0]).toEqual({ total: 3 });
    expect(seen.length).toBeLessThan(5);
    act(() => store.set({ progress: { done: 0, total: 4 } }));
    expect(seen.at(-1)).toEqual({ total: 4 });
  });
});
