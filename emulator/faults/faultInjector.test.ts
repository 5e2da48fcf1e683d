import { describe, expect, it } from 'vitest';
import { FaultInjector, parseFaultSpec } from './faultInjector.ts';

describe('FaultInjector', () => {
  it('decides the same faults for the same seed, at about the configured rates', () => {
    const run = (seed: number) => {
      const faults = new FaultInjector({ throttleRate: 0.2, unavailableRate: 0.05, seed });
      return Array.from({ length: 2000 }, () => faults.decide());
    };
    const a = run(1);
    expect(run(1)).toEqual(a);
    expect(run(2)).not.toEqual(a);
    const throttled = a.filter((d) => d === 'throttle').length;
    const unavailable = a.filter((d) => d === 'unavailable').length;
    expect(throttled).toBeGreaterThan(340);
    expect(throttled).toBeLessThan(460);
    expect(unavailable).toBeGreaterThan(60);
    expect(unavailable).toBeLessThan(140);
  });

  it('restarts its streams on set(), and decides nothing when cleared', () => {
    const faults = new FaultInjector({ dropRate: 0.5, seed: 4 });
    const first = Array.from({ length: 50 }, () => faults.shouldDrop());
    faults.set({ dropRate: 0.5, seed: 4 });
    expect(Array.from({ length: 50 }, () => faults.shouldDrop())).toEqual(first);
    faults.clear();
    expect(Array.from({ length: 50 }, () => faults.decide() ?? faults.shouldDrop())).toEqual(
      Array(50).fill(false),
    );
    expect(faults.counters).toEqual({
      decided: 0,
      throttled: 0,
      unavailable: 0,
      dropCandidates: 0,
      dropped: 0,
    });
  });

  it('writes Retry-After as seconds or as an HTTP date rounded up to the next second', () => {
    const faults = new FaultInjector({ retryAfterSeconds: 0.25 });
    expect(faults.retryAfter()).toBe('0.25');
    faults.set({ retryAfterSeconds: 1.5, retryAfterFormat: 'date' });
    expect(faults.retryAfter(Date.parse('2026-11-17T09:00:00.200Z'))).toBe('Tue, 17 Nov 2026 09:00:02 GMT');
  });

  it('orders batch responses as a seeded shuffle, or with adjacent pairs swapped', () => {
    const faults = new FaultInjector();
    expect(faults.batchOrder(5)).toEqual([1, 0, 3, 2, 4]);
    faults.set({ seed: 3 });
    const order = faults.batchOrder(20);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(order).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('refuses impossible settings', () => {
    for (const bad of [
      { throttleRate: 1.5 },
      { throttleRate: 0.6, unavailableRate: 0.6 },
      { latencyMs: -1 },
      { retryAfterSeconds: Number.NaN },
      { seed: 1.5 },
      { retryAfterFormat: 'minutes' as 'date' },
    ]) {
      expect(() => new FaultInjector(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });

  it('moves the token epoch on with expireTokens()', () => {
    const faults = new FaultInjector();
    expect(faults.tokenEpoch).toBe(0);
    faults.expireTokens();
    faults.clear();
    expect(faults.tokenEpoch).toBe(1);
  });
});

describe('parseFaultSpec (GRAPH_FAULTS)', () => {
  it('reads the short names', () => {
    expect(parseFaultSpec('throttle=0.2,unavailable=0.05,drop=0.02,latency=150,retryAfter=1')).toEqual({
      throttleRate: 0.2,
      unavailableRate: 0.05,
      dropRate: 0.02,
      latencyMs: 150,
      retryAfterSeconds: 1,
      retryAfterFormat: 'seconds',
      refuseDeltaExpand: false,
      seed: null,
    });
    expect(parseFaultSpec(' refuseDeltaExpand , retryAfterFormat=date, seed=7 ')).toMatchObject({
      refuseDeltaExpand: true,
      retryAfterFormat: 'date',
      seed: 7,
    });
    expect(parseFaultSpec('')).toMatchObject({ throttleRate: 0 });
  });

  it('names the problem in a bad specification', () => {
    expect(() => parseFaultSpec('throttel=0.2')).toThrow(/Unknown fault 'throttel'/);
    expect(() => parseFaultSpec('throttle=lots')).toThrow(/needs a number/);
    expect(() => parseFaultSpec('throttle=2')).toThrow(/share from 0 to 1/);
  });
});
