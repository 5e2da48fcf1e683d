import { describe, expect, it } from 'vitest';
import { createLimiter } from './concurrency.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('never runs more than the given number of tasks at once', async () => {
    const limiter = createLimiter(4);
    const gates = Array.from({ length: 10 }, deferred);
    let running = 0;
    let most = 0;
    const done = gates.map((gate) =>
      limiter.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await gate.promise;
        running -= 1;
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(limiter.active).toBe(4);
    expect(limiter.waiting).toBe(6);
    for (const gate of gates) gate.resolve();
    await Promise.all(done);
    expect(most).toBe(4);
    expect(limiter.peak).toBe(4);
    expect(limiter.active).toBe(0);
  });

  it('starts waiting tasks in the order they came', async () => {
    const limiter = createLimiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.run(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit that is not a whole number of slots', () => {
    expect(() => createLimiter(0)).toThrow(/≥ 1/);
  });
});
