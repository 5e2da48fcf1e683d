import type { Weekday, WorkCalendarOptions } from './WorkCalendarOptions.ts';

/**
 * A mailbox's own calendar: the organisation's options with the mailbox's override on top. The
 * override's opening hours replace the organisation's per weekday (`{ fri: '08:00-12:00' }` changes
 * Fridays only; `{ sat: null }` closes Saturdays); its closed dates are added to the organisation's;
 * its short days replace the organisation's for the same date; `timeZone` and `evesAreWorkingDays`
 * replace the organisation's when given.
 */
export function mergeCalendarOptions(
  org: WorkCalendarOptions,
  mailboxOverride?: WorkCalendarOptions | null,
): WorkCalendarOptions {
  if (!mailboxOverride) return { ...org };
  const merged: WorkCalendarOptions = { ...org };
  if (mailboxOverride.timeZone !== undefined) merged.timeZone = mailboxOverride.timeZone;
  if (mailboxOverride.evesAreWorkingDays !== undefined)
    merged.evesAreWorkingDays = mailboxOverride.evesAreWorkingDays;
  if (mailboxOverride.openingHours) {
    const hours: Partial<Record<Weekday, string | null>> = { ...org.openingHours };
    for (const [day, value] of Object.entries(mailboxOverride.openingHours)) {
      if (value !== undefined) hours[day as Weekday] = value;
    }
    merged.openingHours = hours;
  }
  if (mailboxOverride.closedDates) {
    merged.closedDates = [...new Set([...(org.closedDates ?? []), ...mailboxOverride.closedDates])];
  }
  if (mailboxOverride.shortDays) merged.shortDays = { ...org.shortDays, ...mailboxOverride.shortDays };
  return merged;
}
