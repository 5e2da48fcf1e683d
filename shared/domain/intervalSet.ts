/** A half-open interval [start, end) of epoch milliseconds; ±Infinity for an open end. */
export type Interval = readonly [start: number, end: number];

/** The union of intervals, sorted and merged (touching intervals join); empty intervals dropped. */
export function unionIntervals(intervals: Iterable<Interval>): Interval[] {
  const sorted = [...intervals].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The intersection of two sorted, merged interval lists (as unionIntervals returns them). */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i]!;
    const [bStart, bEnd] = b[j]!;
    const start = Math.max(aStart, bStart);
    const end = Math.min(aEnd, bEnd);
    if (end > start) result.push([start, end]);
    if (aEnd < bEnd) i++;
    else j++;
  }
  return result;
}

/** Whether any interval of the list overlaps [start, end) for a positive length. */
export function overlapsAny(intervals: readonly Interval[], start: number, end: number): boolean {
  return intervals.some(([s, e]) => Math.min(e, end) > Math.max(s, start));
}
