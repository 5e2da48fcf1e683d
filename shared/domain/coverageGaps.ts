import type { WorkCalendar } from './createWorkCalendar.ts';
import type { Interval } from './intervalSet.ts';

/**
 * Coverage gaps: the times both are away, clipped to [nowMs, horizonEndMs], keeping those that take
 * opening hours, and joining those separated only by closed time (a night, a weekend).
 */
export function coverageGaps(
  bothAway: readonly Interval[],
  calendar: WorkCalendar,
  nowMs: number,
  horizonEndMs: number,
): Array<{ start: number; end: number; endsAfterHorizon: boolean }> {
  const gaps: Array<{ start: number; end: number; endsAfterHorizon: boolean }> = [];
  for (const [awayStart, awayEnd] of bothAway) {
    const start = Math.max(awayStart, nowMs);
    const end = Math.min(awayEnd, horizonEndMs);
    if (!(end > start) || calendar.openDurationMs(start, end) === 0) continue;
    const last = gaps[gaps.length - 1];
    if (last && calendar.openDurationMs(last.end, start) === 0) {
      last.end = end;
      last.endsAfterHorizon = awayEnd > horizonEndMs;
    } else {
      gaps.push({ start, end, endsAfterHorizon: awayEnd > horizonEndMs });
    }
  }
  return gaps;
}
