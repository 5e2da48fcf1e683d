/**
 * The platform's timers behind a swappable provider (as TanStack Query does for focus and timers),
 * so tests control time: retry waits, auto-refresh intervals and the clock all come through here.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A clock in epoch milliseconds. */
export type Clock = () => number;

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export const systemClock: Clock = () => Date.now();

export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise((resolve) => {
    timers.setTimeout(resolve, Math.max(0, ms));
  });
}
