import { describe, expect, it } from 'vitest';
import { startAutoRefresh } from './autoRefresh.ts';
import type { Timers } from './timers.ts';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    setTimeout(callback, ms) {
      pending.set(++next, { callback, ms });
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    pending,
    async fire() {
      const [id, timer] = [...pending.entries()][0] ?? [];
      if (id === undefined || !timer) throw new Error('no timer pending');
      pending.delete(id);
      timer.callback();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function countingStore() {
  return {
    refreshes: 0,
    async refresh() {
      this.refreshes += 1;
    },
  };
}

describe('startAutoRefresh', () => {
  it('refreshes at once and then every interval while visible', async () => {
    const clock = manualTimers();
    const store = countingStore();
    startAutoRefresh(store, { intervalMs: 180_000, isVisible: () => true, timers: clock.timers });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.refreshes).toBe(1);
    expect([...clock.pending.values()].map((t) => t.ms)).toEqual([180_000]);
    await clock.fire();
    await clock.fire();
    expect(store.refreshes).toBe(3);
  });

  it('skips rounds while hidden and resumes when visible again', async () => {
    const clock = manualTimers();
    const store = countingStore();
    let visible = false;
    startAutoRefresh(store, { intervalMs: 1000, isVisible: () => visible, timers: clock.timers });
    await clock.fire();
    expect(store.refreshes).toBe(0);
    visible = true;
    await clock.fire();
    expect(store.refreshes).toBe(1);
  });

  it('stops polling when stopped', async () => {
    const clock = manualTimers();
    const store = countingStore();
    const stop = startAutoRefresh(store, { intervalMs: 1000, isVisible: () => true, timers: clock.timers });
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    expect(clock.pending.size).toBe(0);
    expect(store.refreshes).toBe(1);
  });
});
