/**
 * How long a mailbox has to handle a message (rules.md §5), plus `warnBefore`: how many opening-hours
 * minutes before the deadline a message counts as `approaching` (default: `defaultWarnBefore`).
 */
export type DeadlinePolicy = (
  | { kind: 'sameOrNextWorkingDay' }
  | { kind: 'workingDays'; days: number }
  | { kind: 'openingHours'; minutes: number }
) & { warnBefore?: number };

/** 120 opening-hours minutes for the day-based policies, 15 for `openingHours` (rules.md §5). */
export function defaultWarnBefore(policy: DeadlinePolicy): number {
  return policy.kind === 'openingHours' ? 15 : 120;
}
