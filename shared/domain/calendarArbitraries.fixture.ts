import fc from 'fast-check';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { WEEKDAYS } from './WorkCalendarOptions.ts';
import type { Weekday, WorkCalendarOptions } from './WorkCalendarOptions.ts';

// fast-check arbitraries for the property tests of the deadline engine: random calendars, policies and
// instants (2024–2027).

export const DAY = 86_400_000;
export const FROM = Date.UTC(2024, 0, 1);
export const TO = Date.UTC(2028, 0, 1);

export const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const isoDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
export const utc = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * Opening hours between `earliest` and `latest` minutes. Ordinary calendars keep 05:00–23:00, clear of
 * the DST changes of the zones below (00:00–03:00 local): there the rules are monotonic by construction.
 * The oracle comparison also uses the whole day, DST changes included.
 */
function hoursArbitrary(earliest: number, latest: number): fc.Arbitrary<string | null> {
  return fc.option(
    fc
      .tuple(fc.integer({ min: earliest, max: latest - 1 }), fc.integer({ min: 1, max: latest - earliest }))
      .map(([open, length]) => `${hhmm(open)}-${hhmm(Math.min(latest, open + length))}`),
    { freq: 4 },
  );
}

export function calendarArbitrary(
  zones: readonly string[],
  earliest: number,
  latest: number,
): fc.Arbitrary<WorkCalendarOptions> {
  const dateInRange = fc.integer({ min: FROM / DAY, max: TO / DAY - 1 }).map((day) => isoDate(day * DAY));
  return fc
    .record({
      timeZone: fc.constantFrom(...zones),
      openingHours: fc.tuple(...WEEKDAYS.map(() => hoursArbitrary(earliest, latest))),
      closedDates: fc.array(dateInRange, { maxLength: 20 }),
      shortDays: fc.dictionary(dateInRange, fc.integer({ min: 0, max: 1439 }).map(hhmm), { maxKeys: 10 }),
      evesAreWorkingDays: fc.boolean(),
    })
    .filter(({ openingHours }) => openingHours.some((hours) => hours !== null))
    .map(({ openingHours, ...rest }) => ({
      ...rest,
      openingHours: Object.fromEntries(WEEKDAYS.map((day, i) => [day, openingHours[i]])) as Record<
        Weekday,
        string | null
      >,
    }));
}

export const policyArbitrary: fc.Arbitrary<DeadlinePolicy> = fc
  .tuple(
    fc.oneof(
      fc.constant<DeadlinePolicy>({ kind: 'sameOrNextWorkingDay' }),
      fc.integer({ min: 1, max: 10 }).map((days): DeadlinePolicy => ({ kind: 'workingDays', days })),
      fc.integer({ min: 1, max: 3000 }).map((minutes): DeadlinePolicy => ({ kind: 'openingHours', minutes })),
    ),
    fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  )
  .map(([policy, warnBefore]) => (warnBefore === undefined ? policy : { ...policy, warnBefore }));

/** Instants in 2024–2027, mostly on whole seconds (as Graph sends them), sometimes with milliseconds. */
export const instantArbitrary = fc.oneof(
  fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((seconds) => seconds * 1000),
  fc.integer({ min: FROM, max: TO }),
);

export const ordinaryZones = [
  'Europe/Stockholm',
  'Europe/Helsinki',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
];
export const ordinaryCalendar = calendarArbitrary(ordinaryZones, 5 * 60, 23 * 60);
export const RUNS = { numRuns: 150 };
export const TIMEOUT = 60_000;

// Zones with offset changes at midnight (São Paulo until 2019), at 24:00 (Santiago), of 30 minutes
// (Lord Howe), on weekdays (Cairo, Tehran until 2022) — with opening hours over the whole day, so DST
// changes fall inside opening hours.
export const trickyZones = [
  ...ordinaryZones,
  'America/Sao_Paulo',
  'America/Santiago',
  'Africa/Cairo',
  'Asia/Tehran',
  'Pacific/Apia',
  'America/St_Johns',
];
export const anyCalendar = calendarArbitrary(trickyZones, 0, 24 * 60 - 1);
