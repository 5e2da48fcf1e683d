import { describe, expect, it } from 'vitest';
import { intersectIntervals, overlapsAny, unionIntervals } from './intervalSet.ts';

describe('unionIntervals', () => {
  it('sorts, joins overlapping and touching intervals, and drops empty ones', () => {
    expect(
      unionIntervals([
        [5, 7],
        [1, 3],
        [3, 4],
        [6, 9],
        [10, 10],
        [12, 11],
      ]),
    ).toEqual([
      [1, 4],
      [5, 9],
    ]);
  });

  it('keeps open ends', () => {
    expect(
      unionIntervals([
        [-Infinity, 2],
        [1, Infinity],
      ]),
    ).toEqual([[-Infinity, Infinity]]);
  });
});

describe('intersectIntervals', () => {
  it('returns the times both lists cover', () => {
    expect(
      intersectIntervals(
        [
          [8, 12],
          [14, 18],
        ],
        [[10, 15]],
      ),
    ).toEqual([
      [10, 12],
      [14, 15],
    ]);
  });

  it('returns nothing for intervals that only touch', () => {
    expect(intersectIntervals([[8, 12]], [[12, 15]])).toEqual([]);
  });

  it('intersects with an interval without ends', () => {
    expect(intersectIntervals([[-Infinity, Infinity]], [[3, 4]])).toEqual([[3, 4]]);
  });
});

describe('overlapsAny', () => {
  it('needs an overlap of positive length', () => {
    expect(overlapsAny([[8, 12]], 12, 17)).toBe(false);
    expect(overlapsAny([[8, 12]], 11, 17)).toBe(true);
    expect(overlapsAny([], 0, 1)).toBe(false);
  });
});
