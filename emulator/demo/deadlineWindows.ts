import { deadlineStateMs } from '../../shared/domain/index.ts';
import type { DeadlinePolicy, DeadlineStatus, WorkCalendar } from '../../shared/domain/index.ts';

const MINUTE = 60_000;

/**
 * For a mailbox's policy and calendar at `nowMs`, the received instants that make an unhandled
 * message overdue, approaching or ok. The due time never decreases as the received time grows, so
 * each state is one interval of received times: overdue up to `lastOverdue`, ok from `firstOk`,
 * approaching in between. Found by bisection at minute resolution over the domain's own rules.
 */
export interface DeadlineWindows {
  /** Latest received minute that is overdue, or `null` when none in the searched range. */
  lastOverdueMs: number | null;
  /** Earliest received minute that is ok, or `null` when none. */
  firstOkMs: number | null;
  /** Whether some received minute in between is approaching. */
  hasApproaching: boolean;
}

export function deadlineWindows(
  calendar: WorkCalendar,
  policy: DeadlinePolicy,
  nowMs: number,
  fromMs: number,
): DeadlineWindows {
  const to = Math.floor((nowMs - MINUTE) / MINUTE) * MINUTE;
  const from = Math.ceil(fromMs / MINUTE) * MINUTE;
  const state = (receivedMs: number): DeadlineStatus =>
    deadlineStateMs(receivedMs, nowMs, policy, calendar).state;

  // Largest minute in [from, to] satisfying a predicate that holds on a prefix of the range.
  const lastWhere = (holds: (ms: number) => boolean): number | null => {
    if (!holds(from)) return null;
    let lo = from;
    let hi = to;
    if (holds(hi)) return hi;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
      if (holds(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  };

  const lastOverdueMs = from <= to ? lastWhere((ms) => state(ms) === 'overdue') : null;
  const lastNotOk = from <= to ? lastWhere((ms) => state(ms) !== 'ok') : null;
  let firstOkMs: number | null;
  if (from > to || state(to) !== 'ok') firstOkMs = null;
  else firstOkMs = lastNotOk === null ? from : lastNotOk + MINUTE;
  const approachStart = (lastOverdueMs ?? from - MINUTE) + MINUTE;
  const approachEnd = firstOkMs === null ? to : firstOkMs - MINUTE;
  return {
    lastOverdueMs,
    firstOkMs,
    hasApproaching: approachStart <= approachEnd && state(approachStart) === 'approaching',
  };
}
