import type { WorkCalendar } from './createWorkCalendar.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { parseInstantMs } from './parseInstantMs.ts';

export type DeadlineStatus = 'ok' | 'approaching' | 'overdue';

export interface DeadlineState {
  /** The due instant, as `dueAt` returns it. */
  due: string;
  state: DeadlineStatus;
  /** Opening-hours minutes in [now, due); 0 when overdue. */
  openMinutesLeft: number;
}

export interface DeadlineStateMs {
  dueMs: number;
  state: DeadlineStatus;
  openMinutesLeft: number;
}

const MS_PER_MINUTE = 60_000;

/**
 * The state of an unhandled message at `nowMs` (rules.md §5), on epoch milliseconds: `overdue` when
 * now ≥ due; `approaching` when the opening-hours minutes in [now, due) are ≤ `warnBefore` (default
 * `defaultWarnBefore(policy)`); `ok` otherwise. The hot path of the sync layer and the benchmark.
 */
export function deadlineStateMs(
  receivedMs: number,
  nowMs: number,
  policy: DeadlinePolicy,
  calendar: WorkCalendar,
): DeadlineStateMs {
  const dueMs = calendar.dueAtMs(receivedMs, policy);
  let warnBefore = policy.warnBefore;
  if (warnBefore === undefined) warnBefore = policy.kind === 'openingHours' ? 15 : 120;
  else if (!(warnBefore >= 0 && warnBefore !== Infinity)) {
    throw new RangeError(
      `Invalid deadline policy ${JSON.stringify(policy)}: expected \`warnBefore\` to be a number of minutes ≥ 0.`,
    );
  }
  if (nowMs >= dueMs) return { dueMs, state: 'overdue', openMinutesLeft: 0 };
  if (Number.isNaN(nowMs))
    throw new RangeError('deadlineStateMs: expected `nowMs` as finite epoch milliseconds; got NaN.');
  const leftMs = calendar.openDurationMs(nowMs, dueMs);
  return {
    dueMs,
    state: leftMs <= warnBefore * MS_PER_MINUTE ? 'approaching' : 'ok',
    openMinutesLeft: leftMs / MS_PER_MINUTE,
  };
}

/**
 * The state of an unhandled message received at `receivedAt`, at `now` (both ISO 8601 with offset or
 * `Z`): its due time, `ok` / `approaching` / `overdue` and the opening-hours minutes left (rules.md §5).
 */
export function deadlineState(
  receivedAt: string,
  now: string,
  policy: DeadlinePolicy,
  calendar: WorkCalendar,
): DeadlineState {
  const result = deadlineStateMs(parseInstantMs(receivedAt), parseInstantMs(now), policy, calendar);
  return {
    due: calendar.formatInstant(result.dueMs),
    state: result.state,
    openMinutesLeft: result.openMinutesLeft,
  };
}
