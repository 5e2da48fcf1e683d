import { easterSunday } from './easterSunday.ts';
import { daysFromCivil, formatEpochDay, weekdayOfDays } from './epochDays.ts';

export interface SwedishHoliday {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The Swedish name, e.g. "Kristi himmelsfärdsdag". */
  name: string;
  /** `public`: a public holiday of SFS 1989:253; `eve`: an eve municipal staff do not work. */
  kind: 'public' | 'eve';
}

export const FIRST_SUPPORTED_YEAR = 1900;
export const LAST_SUPPORTED_YEAR = 2200;

const SATURDAY = 5;
const FRIDAY = 4;

function firstWeekdayFrom(epochDay: number, weekday: number): number {
  return epochDay + ((weekday - weekdayOfDays(epochDay) + 7) % 7);
}

export function assertSupportedYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `${what}: the year must be a whole number from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR} (the supported range of the working-day calendar); got ${String(year)}.`,
    );
  }
}

interface HolidayDay {
  epochDay: number;
  name: string;
  kind: 'public' | 'eve';
}

const cache = new Map<number, readonly HolidayDay[]>();

/**
 * The holidays of `year` as epoch days, sorted. Memoised: the calendar asks once per year it builds.
 *
 * History: the current rules of SFS 1989:253 are applied to every year. Two changes are modelled because
 * they matter for dates a register may still contain: annandag pingst was a public holiday through 2004
 * and was replaced by Sveriges nationaldag (6 June) from 2005 (an amendment of SFS 1989:253 in force
 * 1 January 2005). Before 2005, 6 June was a flag day only (named Sveriges nationaldag since 1983), never
 * a day off, so it is listed from 2005. The 1953 reform
 * (midsommardagen fixed on 24 June and alla helgons dag on 1 November before it, and several holidays
 * abolished then) is not modelled: no deadline of this product lies before 1953.
 */
export function swedishHolidayDays(year: number): readonly HolidayDay[] {
  const cached = cache.get(year);
  if (cached) return cached;
  assertSupportedYear(year, 'swedishHolidays');
  const easter = easterSunday(year);
  const midsommardagen = firstWeekdayFrom(daysFromCivil(year, 6, 20), SATURDAY);
  const days: HolidayDay[] = [
    { epochDay: daysFromCivil(year, 1, 1), name: 'Nyårsdagen', kind: 'public' },
    { epochDay: daysFromCivil(year, 1, 6), name: 'Trettondedag jul', kind: 'public' },
    { epochDay: easter - 2, name: 'Långfredagen', kind: 'public' },
    { epochDay: easter, name: 'Påskdagen', kind: 'public' },
    { epochDay: easter + 1, name: 'Annandag påsk', kind: 'public' },
    { epochDay: daysFromCivil(year, 5, 1), name: 'Första maj', kind: 'public' },
    { epochDay: easter + 39, name: 'Kristi himmelsfärdsdag', kind: 'public' },
    { epochDay: easter + 49, name: 'Pingstdagen', kind: 'public' },
    ...(year <= 2004 ? [{ epochDay: easter + 50, name: 'Annandag pingst', kind: 'public' as const }] : []),
    ...(year >= 2005
      ? [{ epochDay: daysFromCivil(year, 6, 6), name: 'Sveriges nationaldag', kind: 'public' as const }]
      : []),
    { epochDay: firstWeekdayFrom(daysFromCivil(year, 6, 19), FRIDAY), name: 'Midsommarafton', kind: 'eve' },
    { epochDay: midsommardagen, name: 'Midsommardagen', kind: 'public' },
    {
      epochDay: firstWeekdayFrom(daysFromCivil(year, 10, 31), SATURDAY),
      name: 'Alla helgons dag',
      kind: 'public',
    },
    { epochDay: daysFromCivil(year, 12, 24), name: 'Julafton', kind: 'eve' },
    { epochDay: daysFromCivil(year, 12, 25), name: 'Juldagen', kind: 'public' },
    { epochDay: daysFromCivil(year, 12, 26), name: 'Annandag jul', kind: 'public' },
    { epochDay: daysFromCivil(year, 12, 31), name: 'Nyårsafton', kind: 'eve' },
  ];
  // Stable sort: when two holidays share a date (Kristi himmelsfärdsdag on 1 May, as in 2008) both stay.
  days.sort((a, b) => a.epochDay - b.epochDay);
  Object.freeze(days);
  cache.set(year, days);
  return days;
}

/**
 * The public holidays of the Swedish law on public holidays (SFS 1989:253) and the eves municipal staff
 * do not work (midsommarafton, julafton, nyårsafton) in `year`, sorted by date. Years 1900–2200;
 * any other year throws a RangeError.
 */
export function swedishHolidays(year: number): SwedishHoliday[] {
  return swedishHolidayDays(year).map(({ epochDay, name, kind }) => ({
    date: formatEpochDay(epochDay),
    name,
    kind,
  }));
}
