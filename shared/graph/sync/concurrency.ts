/**
 * At most `max` tasks at a time; the rest wait in order. Outlook serves about 4 concurrent requests
 * per app and mailbox and throttles beyond that, so the sync layer shares one limiter of 4 for every
 * HTTP request it sends.
 * Docs: https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
  /** The most tasks that ever ran at once (for tests and the benchmark). */
  readonly peak: number;
}

export function createLimiter(max: number): Limiter {
  if (!(Number.isInteger(max) && max >= 1)) {
    throw new RangeError(`createLimiter: expected a whole number of slots ≥ 1; got ${max}.`);
  }
  let active = 0;
  let peak = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    active -= 1;
    const next = queue.shift();
    if (next) next();
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active += 1;
          peak = Math.max(peak, active);
          // Start on a later microtask, never inside `run`: callers that queue work synchronously
          // (a batch planner adding parts) see it all before the task looks at it.
          Promise.resolve().then(task).then(resolve, reject).finally(release);
        };
        if (active < max) start();
        else queue.push(start);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    get peak() {
      return peak;
    },
  };
}
