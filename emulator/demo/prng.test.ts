import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.ts';

describe('createPrng', () => {
  it('returns the same sequence for the same seed', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('returns a different sequence for a different seed', () => {
    expect(createPrng(1).next()).not.toBe(createPrng(2).next());
  });

  it('keeps integers within the bounds, both included', () => {
    const prng = createPrng(7);
    const values = new Set(Array.from({ length: 500 }, () => prng.int(1, 3)));
    expect([...values].sort()).toEqual([1, 2, 3]);
  });
});
