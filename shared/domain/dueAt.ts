import type { WorkCalendar } from './createWorkCalendar.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { parseInstantMs } from './parseInstantMs.ts';

/**
 * When a message received at `receivedAt` (ISO 8601 with offset or `Z`) must be handled under `policy`
 * (rules.md §5), as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the calendar's zone, e.g. `2026-11-18T17:00:00+01:00`.
 * Milliseconds are appended only when the due instant has them (a received time with fractions and an
 * `openingHours` policy). With epoch milliseconds at hand, use `calendar.dueAtMs`.
 */
export function dueAt(receivedAt: string, policy: DeadlinePolicy, calendar: WorkCalendar): string {
  return calendar.formatInstant(calendar.dueAtMs(parseInstantMs(receivedAt), policy));
}
