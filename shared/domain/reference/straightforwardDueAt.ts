import { Temporal } from 'temporal-polyfill';
import { resolveCalendarRules } from '../CalendarRules.ts';
import type { DeadlinePolicy } from '../DeadlinePolicy.ts';
import type { DeadlineState } from '../deadlineState.ts';
import { swedishHolidays } from '../swedishHolidays.ts';
import { WEEKDAYS } from '../WorkCalendarOptions.ts';
import type { ResolvedCalendarOptions, WorkCalendarOptions } from '../WorkCalendarOptions.ts';

// The straightforward implementation of rules.md §2 and §5: for every question it walks the calendar day
// by day with Temporal, with no precomputation. It is the oracle the property tests hold the fast day
// table against, and the baseline of `bench/deadlines.bench.ts`. Keep it obviously correct, not fast.

export interface StraightforwardCalendar {
  timeZone: string;
  options: ResolvedCalendarOptions;
  holidays: Map<number, Map<string, 'public' | 'eve'>>;
}

export interface Opening {
  open: Temporal.Instant;
  close: Temporal.Instant;
}

type Instant = Temporal.Instant;
const { Instant, PlainTime } = Temporal;

export function createStraightforwardCalendar(options: WorkCalendarOptions = {}): StraightforwardCalendar {
  const rules = resolveCalendarRules(options, 'createStraightforwardCalendar');
  return { timeZone: rules.timeZone, options: rules.options, holidays: new Map() };
}

function holidayOn(
  calendar: StraightforwardCalendar,
  date: Temporal.PlainDate,
): 'public' | 'eve' | undefined {
  let year = calendar.holidays.get(date.year);
  if (!year) {
    year = new Map();
    for (const holiday of swedishHolidays(date.year))
      if (year.get(holiday.date) !== 'public') year.set(holiday.date, holiday.kind);
    calendar.holidays.set(date.year, year);
  }
  return year.get(date.toString());
}

const earlier = (a: Instant, b: Instant) => (Instant.compare(a, b) <= 0 ? a : b);
const later = (a: Instant, b: Instant) => (Instant.compare(a, b) >= 0 ? a : b);

/** Opening hours of a date: null on a weekday without hours, a holiday, an eve, a closed date. */
export function straightforwardOpeningOn(
  calendar: StraightforwardCalendar,
  date: Temporal.PlainDate,
): Opening | null {
  const { options, timeZone } = calendar;
  const hours = options.openingHours[WEEKDAYS[date.dayOfWeek - 1]!];
  if (hours === null || options.closedDates.includes(date.toString())) return null;
  const holiday = holidayOn(calendar, date);
  if (holiday === 'public' || (holiday === 'eve' && !options.evesAreWorkingDays)) return null;
  const [openText, closeText] = hours.split('-') as [string, string];
  const open = PlainTime.from(openText);
  let close = PlainTime.from(closeText);
  const short = options.shortDays[date.toString()];
  if (short !== undefined && PlainTime.compare(PlainTime.from(short), close) < 0)
    close = PlainTime.from(short);
  if (PlainTime.compare(close, open) <= 0) return null;
  const dayStart = date.toZonedDateTime({ timeZone }).toInstant();
  const nextDayStart = date.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  const opening = {
    open: later(dayStart, date.toZonedDateTime({ timeZone, plainTime: open }).toInstant()),
    close: earlier(nextDayStart, date.toZonedDateTime({ timeZone, plainTime: close }).toInstant()),
  };
  return Instant.compare(opening.open, opening.close) < 0 ? opening : null;
}

function localDate(calendar: StraightforwardCalendar, instant: Instant): Temporal.PlainDate {
  return instant.toZonedDateTimeISO(calendar.timeZone).toPlainDate();
}

/** `instant` when within opening hours, else the next opening. */
export function straightforwardNextOpening(calendar: StraightforwardCalendar, instant: Instant): Instant {
  for (let date = localDate(calendar, instant); ; date = date.add({ days: 1 })) {
    const opening = straightforwardOpeningOn(calendar, date);
    if (opening && Instant.compare(instant, opening.close) < 0) return later(instant, opening.open);
  }
}

/** Milliseconds of opening hours in [from, to). */
export function straightforwardOpenMs(calendar: StraightforwardCalendar, from: Instant, to: Instant): number {
  let total = 0;
  const last = localDate(calendar, to);
  for (
    let date = localDate(calendar, from);
    Temporal.PlainDate.compare(date, last) <= 0;
    date = date.add({ days: 1 })
  ) {
    const opening = straightforwardOpeningOn(calendar, date);
    if (!opening) continue;
    const start = later(from, opening.open);
    const end = earlier(to, opening.close);
    if (Instant.compare(start, end) < 0) total += end.epochMilliseconds - start.epochMilliseconds;
  }
  return total;
}

/** rules.md §5, literally. */
export function straightforwardDueInstant(
  calendar: StraightforwardCalendar,
  received: Instant,
  policy: DeadlinePolicy,
): Instant {
  const { timeZone } = calendar;
  switch (policy.kind) {
    case 'sameOrNextWorkingDay': {
      for (let date = localDate(calendar, received).add({ days: 1 }); ; date = date.add({ days: 1 })) {
        const opening = straightforwardOpeningOn(calendar, date);
        if (opening) return opening.close;
      }
    }
    case 'workingDays': {
      const start = straightforwardNextOpening(calendar, received).toZonedDateTimeISO(timeZone);
      let date = start.toPlainDate();
      for (let left = policy.days; left > 0;) {
        date = date.add({ days: 1 });
        if (straightforwardOpeningOn(calendar, date)) left--;
      }
      const opening = straightforwardOpeningOn(calendar, date)!;
      const sameClock = date.toZonedDateTime({ timeZone, plainTime: start.toPlainTime() }).toInstant();
      return earlier(later(sameClock, opening.open), opening.close);
    }
    case 'openingHours': {
      let remaining = policy.minutes * 60_000;
      for (let date = localDate(calendar, received); ; date = date.add({ days: 1 })) {
        const opening = straightforwardOpeningOn(calendar, date);
        if (!opening) continue;
        const start = later(received, opening.open);
        if (Instant.compare(start, opening.close) >= 0) continue;
        const available = opening.close.epochMilliseconds - start.epochMilliseconds;
        if (remaining <= available) return start.add({ milliseconds: remaining });
        remaining -= available;
      }
    }
  }
}

function format(calendar: StraightforwardCalendar, instant: Instant): string {
  return instant.toZonedDateTimeISO(calendar.timeZone).toString({ timeZoneName: 'never' });
}

/** `dueAt`, straightforwardly: ISO in, ISO with the zone's offset out. */
export function straightforwardDueAt(
  receivedAt: string,
  policy: DeadlinePolicy,
  calendar: StraightforwardCalendar,
): string {
  return format(calendar, straightforwardDueInstant(calendar, Instant.from(receivedAt), policy));
}

/** `deadlineState`, straightforwardly. */
export function straightforwardDeadlineState(
  receivedAt: string,
  now: string,
  policy: DeadlinePolicy,
  calendar: StraightforwardCalendar,
): DeadlineState {
  const due = straightforwardDueInstant(calendar, Instant.from(receivedAt), policy);
  const nowInstant = Instant.from(now);
  if (Instant.compare(nowInstant, due) >= 0)
    return { due: format(calendar, due), state: 'overdue', openMinutesLeft: 0 };
  const left = straightforwardOpenMs(calendar, nowInstant, due);
  const warnBefore = policy.warnBefore ?? (policy.kind === 'openingHours' ? 15 : 120);
  return {
    due: format(calendar, due),
    state: left <= warnBefore * 60_000 ? 'approaching' : 'ok',
    openMinutesLeft: left / 60_000,
  };
}
