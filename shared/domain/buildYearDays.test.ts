import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { TIMEOUT } from './calendarArbitraries.fixture.ts';
import { buildYearDays, startOfDayEpochMs, wallTimeToEpochMs } from './buildYearDays.ts';
import { resolveCalendarRules } from './CalendarRules.ts';
import { createWorkCalendar } from './createWorkCalendar.ts';
import { MS_PER_DAY, civilFromDays, daysFromCivil } from './epochDays.ts';
import { ZoneOffsets } from './ZoneOffsets.ts';

// Wall-clock conversions without Temporal must give Temporal's answers (`disambiguation: 'compatible'`,
// `startOfDay`): at every Stockholm change 1900–2200 and at a sample of changes in other zones.

const HOUR = 3_600_000;
const MINUTE = 60_000;

function temporalWallTime(epochDay: number, msOfDay: number, timeZone: string): number {
  const { year, month, day } = civilFromDays(epochDay);
  const seconds = Math.floor(msOfDay / 1000);
  return Temporal.PlainDateTime.from({
    year,
    month,
    day,
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    millisecond: msOfDay - seconds * 1000,
  }).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

function temporalStartOfDay(epochDay: number, timeZone: string): number {
  const { year, month, day } = civilFromDays(epochDay);
  return Temporal.PlainDate.from({ year, month, day }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** Each transition (epoch ms) in [from, to] with the offsets before and after it, from Temporal. */
function transitions(timeZone: string, fromMs: number, toMs: number): Array<[number, number, number]> {
  const found: Array<[number, number, number]> = [];
  let cursor: Temporal.ZonedDateTime | null =
    Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone);
  for (;;) {
    const before = cursor.offsetNanoseconds / 1e6;
    cursor = cursor.getTimeZoneTransition('next');
    if (cursor === null || cursor.epochMilliseconds > toMs) return found;
    found.push([cursor.epochMilliseconds, before, cursor.offsetNanoseconds / 1e6]);
  }
}

const AROUND = [-HOUR, -1, 0, 1, 15 * MINUTE, 30 * MINUTE, HOUR - 1, HOUR];

/** Every wall time near a transition (on either side of the jump) and every day start near it. */
function mismatchesAround(timeZone: string, fromMs: number, toMs: number): string[] {
  const mismatches: string[] = [];
  for (const [at, before, after] of transitions(timeZone, fromMs, toMs)) {
    for (const wall of [at + before, at + after]) {
      for (const delta of AROUND) {
        const epochDay = Math.floor((wall + delta) / MS_PER_DAY);
        const msOfDay = wall + delta - epochDay * MS_PER_DAY;
        const expected = temporalWallTime(epochDay, msOfDay, timeZone);
        const actual = wallTimeToEpochMs(epochDay, msOfDay, timeZone);
        if (actual !== expected)
          mismatches.push(
            `${timeZone} wall ${new Date(wall + delta).toISOString()}: ${actual} ≠ ${expected}`,
          );
      }
    }
    const day = Math.floor((at + before) / MS_PER_DAY);
    for (const epochDay of [day - 1, day, day + 1]) {
      const expected = temporalStartOfDay(epochDay, timeZone);
      const actual = startOfDayEpochMs(epochDay, timeZone);
      if (actual !== expected)
        mismatches.push(`${timeZone} start of day ${epochDay}: ${actual} ≠ ${expected}`);
    }
  }
  return mismatches;
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

describe('wallTimeToEpochMs', () => {
  const stockholm = 'Europe/Stockholm';

  it(
    'moves a time skipped by spring-forward on by the gap: 02:30 on 2026-03-29 is 03:30 CEST',
    () => {
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 3, 29), 2.5 * HOUR, stockholm))).toBe(
        '2026-03-29T01:30:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 3, 29), 2 * HOUR, stockholm))).toBe(
        '2026-03-29T01:00:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 3, 29), 3 * HOUR, stockholm))).toBe(
        '2026-03-29T01:00:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 3, 29), 2 * HOUR - 1, stockholm))).toBe(
        '2026-03-29T00:59:59.999Z',
      );
    },
    TIMEOUT,
  );

  it(
    'takes the earlier (CEST) instant of a repeated time: 02:30 on 2026-10-25',
    () => {
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 10, 25), 2.5 * HOUR, stockholm))).toBe(
        '2026-10-25T00:30:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 10, 25), 3 * HOUR, stockholm))).toBe(
        '2026-10-25T02:00:00.000Z',
      );
    },
    TIMEOUT,
  );

  it(
    'handles gaps and overlaps in other zones',
    () => {
      // Lord Howe: 30-minute DST, 02:00 → 02:30 on 2026-10-04 and 02:00 → 01:30 on 2026-04-05.
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 10, 4), 2.25 * HOUR, 'Australia/Lord_Howe'))).toBe(
        '2026-10-03T15:45:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 4, 5), 1.75 * HOUR, 'Australia/Lord_Howe'))).toBe(
        '2026-04-04T14:45:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 3, 8), 2.5 * HOUR, 'America/Los_Angeles'))).toBe(
        '2026-03-08T10:30:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 11, 1), 1.5 * HOUR, 'America/Los_Angeles'))).toBe(
        '2026-11-01T08:30:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 9, 27), 2.5 * HOUR, 'Pacific/Auckland'))).toBe(
        '2026-09-26T14:30:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 4, 5), 2.5 * HOUR, 'Pacific/Auckland'))).toBe(
        '2026-04-04T13:30:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 7, 1), 9 * HOUR, 'Asia/Kolkata'))).toBe(
        '2026-07-01T03:30:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 7, 1), 9 * HOUR, 'UTC'))).toBe(
        '2026-07-01T09:00:00.000Z',
      );
      expect(iso(wallTimeToEpochMs(daysFromCivil(2026, 7, 1), 9 * HOUR, '+01:00'))).toBe(
        '2026-07-01T08:00:00.000Z',
      );
    },
    TIMEOUT,
  );

  it(
    'agrees with Temporal around every Stockholm change 1900–2200',
    () => {
      const stockholmChanges = transitions(stockholm, Date.UTC(1900, 0, 1), Date.UTC(2201, 0, 1));
      expect(stockholmChanges.length).toBeGreaterThan(400);
      expect(mismatchesAround(stockholm, Date.UTC(1900, 0, 1), Date.UTC(2201, 0, 1))).toEqual([]);
    },
    TIMEOUT,
  );

  it.each([
    'America/Los_Angeles',
    'Pacific/Auckland',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'UTC',
    'Europe/Helsinki',
    'America/St_Johns',
    'America/Sao_Paulo', // DST began at midnight
    'America/Havana',
    'Pacific/Apia', // skipped 2011-12-30
    'Africa/Casablanca',
    'Europe/Dublin',
    'Antarctica/Troll',
  ])(
    'agrees with Temporal around the changes in %s (1900–1950, 2020–2030, 2195–2200)',
    (timeZone) => {
      expect([
        ...mismatchesAround(timeZone, Date.UTC(1900, 0, 1), Date.UTC(1950, 0, 1)),
        ...mismatchesAround(timeZone, Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1)),
        ...mismatchesAround(timeZone, Date.UTC(2195, 0, 1), Date.UTC(2201, 0, 1)),
      ]).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('startOfDayEpochMs', () => {
  it(
    'is midnight on ordinary days and on change days with the change at night',
    () => {
      expect(iso(startOfDayEpochMs(daysFromCivil(2026, 3, 29), 'Europe/Stockholm'))).toBe(
        '2026-03-28T23:00:00.000Z',
      );
      expect(iso(startOfDayEpochMs(daysFromCivil(2026, 10, 25), 'Europe/Stockholm'))).toBe(
        '2026-10-24T22:00:00.000Z',
      );
    },
    TIMEOUT,
  );

  it(
    'is the change itself when midnight was skipped (São Paulo 2018-11-04 started at 01:00)',
    () => {
      expect(iso(startOfDayEpochMs(daysFromCivil(2018, 11, 4), 'America/Sao_Paulo'))).toBe(
        '2018-11-04T03:00:00.000Z',
      );
    },
    TIMEOUT,
  );

  it(
    'gives the first instant after a skipped day (Apia skipped 2011-12-30) as Temporal does',
    () => {
      const skipped = daysFromCivil(2011, 12, 30);
      expect(startOfDayEpochMs(skipped, 'Pacific/Apia')).toBe(temporalStartOfDay(skipped, 'Pacific/Apia'));
      expect(iso(startOfDayEpochMs(skipped + 1, 'Pacific/Apia'))).toBe('2011-12-30T10:00:00.000Z');
    },
    TIMEOUT,
  );
});

describe('buildYearDays', () => {
  it.each(['Europe/Stockholm', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Apia'])(
    'starts every day of the year where Temporal does (%s)',
    (timeZone) => {
      const rules = resolveCalendarRules({ timeZone }, 'test');
      for (const year of [1918, 2011, 2018, 2026]) {
        const days = buildYearDays(year, rules, new ZoneOffsets(rules.timeZone));
        const expected = Array.from({ length: days.count + 1 }, (_, j) =>
          temporalStartOfDay(days.firstDay + j, timeZone),
        );
        expect(Array.from(days.dayStart)).toEqual(expected);
      }
    },
    TIMEOUT,
  );

  it(
    'builds calendars in a fixed-offset zone',
    () => {
      expect(createWorkCalendar({ timeZone: '+01:00' }).openingOn('2026-07-01')).toEqual({
        open: '2026-07-01T08:00:00+01:00',
        close: '2026-07-01T17:00:00+01:00',
      });
    },
    TIMEOUT,
  );
});
