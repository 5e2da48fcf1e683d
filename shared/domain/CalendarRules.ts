import { parseEpochDay } from './epochDays.ts';
import { formatIssue } from './formatIssue.ts';
import { canonicalTimeZone, parseCalendarOptions, parseHours, parseTime } from './parseCalendarOptions.ts';
import { DEFAULT_CALENDAR_OPTIONS, WEEKDAYS } from './WorkCalendarOptions.ts';
import type { ResolvedCalendarOptions, Weekday, WorkCalendarOptions } from './WorkCalendarOptions.ts';

/** Calendar options validated and turned into numbers, as the day table and the reference use them. */
export interface CalendarRules {
  /** Canonical IANA id. */
  timeZone: string;
  /** Opening and closing minute since midnight per weekday (0 = Monday), `null` when closed. */
  week: ReadonlyArray<{ open: number; close: number } | null>;
  closedDays: ReadonlySet<number>;
  /** Epoch day → closing minute since midnight. */
  shortDays: ReadonlyMap<number, number>;
  evesAreWorkingDays: boolean;
  options: ResolvedCalendarOptions;
}

/**
 * Validates `options` (the same checks as `parseCalendarOptions`) and fills in the defaults. Invalid
 * options are a programmer error here — configuration is validated with `parseCalendarOptions` when it is
 * read — so they throw a RangeError naming each field, the expectation and the value found.
 */
export function resolveCalendarRules(options: WorkCalendarOptions, caller: string): CalendarRules {
  const parsed = parseCalendarOptions(options);
  if (!parsed.ok) {
    throw new RangeError(
      `${caller}: invalid calendar options — ${parsed.errors.map((issue) => formatIssue(issue)).join('; ')}. ` +
        'Fix these values, or leave a field out to use its default.',
    );
  }
  const given = parsed.value;
  const openingHours = { ...DEFAULT_CALENDAR_OPTIONS.openingHours } as Record<Weekday, string | null>;
  for (const day of WEEKDAYS) {
    const hours = given.openingHours?.[day];
    if (hours !== undefined) openingHours[day] = hours;
  }
  // Frozen: `calendar.options` is for reading; changing it could not change the calendar anyway.
  const resolved: ResolvedCalendarOptions = Object.freeze({
    timeZone: given.timeZone ?? DEFAULT_CALENDAR_OPTIONS.timeZone,
    openingHours: Object.freeze(openingHours),
    closedDates: Object.freeze([...(given.closedDates ?? [])]) as string[],
    shortDays: Object.freeze({ ...given.shortDays }),
    evesAreWorkingDays: given.evesAreWorkingDays ?? DEFAULT_CALENDAR_OPTIONS.evesAreWorkingDays,
  });
  const shortDays = new Map<number, number>();
  for (const [date, time] of Object.entries(resolved.shortDays))
    shortDays.set(parseEpochDay(date)!, parseTime(time)!);
  return {
    timeZone: canonicalTimeZone(resolved.timeZone)!,
    week: WEEKDAYS.map((day) => {
      const hours = openingHours[day];
      return hours === null ? null : parseHours(hours)!;
    }),
    closedDays: new Set(resolved.closedDates.map((date) => parseEpochDay(date)!)),
    shortDays,
    evesAreWorkingDays: resolved.evesAreWorkingDays,
    options: resolved,
  };
}
