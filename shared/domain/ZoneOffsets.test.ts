import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { TIMEOUT } from './calendarArbitraries.fixture.ts';
import { intlOffsetMs } from './intlZone.ts';
import { SAMPLE_DAYS, ZoneOffsets, localEpochDay } from './ZoneOffsets.ts';

// The transitions found by sampling Intl and bisecting must be exactly Temporal's
// (`getTimeZoneTransition`): the same instants, to the millisecond, with the same offsets after them.

const FROM_1900 = Date.UTC(1900, 0, 1);
const TO_2201 = Date.UTC(2201, 0, 1);
const HOUR = 3_600_000;

type Transition = [at: string, offsetMs: number];

function temporalTransitions(timeZone: string, fromMs: number, toMs: number): Transition[] {
  const found: Transition[] = [];
  let cursor: Temporal.ZonedDateTime | null =
    Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone);
  for (;;) {
    cursor = cursor.getTimeZoneTransition('next');
    if (cursor === null || cursor.epochMilliseconds > toMs) return found;
    found.push([new Date(cursor.epochMilliseconds).toISOString(), cursor.offsetNanoseconds / 1e6]);
  }
}

function transitionsOf(zone: ZoneOffsets, fromMs: number, toMs: number): Transition[] {
  const found: Transition[] = [];
  for (
    let at = zone.nextTransitionAfter(fromMs, toMs);
    at !== undefined;
    at = zone.nextTransitionAfter(at, toMs)
  )
    found.push([new Date(at).toISOString(), zone.offsetAt(at)]);
  return found;
}

/** Zones with something special (see the brief of intlZone.ts) and Temporal's six-day sampling zones. */
const ZONES = [
  'Europe/Stockholm',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kolkata',
  'UTC',
  'Africa/Casablanca', // DST suspended for Ramadan
  'Asia/Gaza', // transitions seven days apart
  'America/Recife',
  'Pacific/Apia', // skipped 2011-12-30
  'Europe/Dublin', // negative DST, LMT with seconds until 1916
  'Africa/Monrovia', // −00:44:30 until 1972
  'Antarctica/Troll', // two-hour DST
  'Pacific/Chatham', // +12:45
  'America/St_Johns', // −03:30, double summer time 1988
  'Europe/Moscow',
];

describe('ZoneOffsets', () => {
  it(
    'finds every Stockholm transition 1900–2200 exactly where Temporal does',
    () => {
      const expected = temporalTransitions('Europe/Stockholm', FROM_1900, TO_2201);
      expect(expected.length).toBeGreaterThan(400);
      expect(transitionsOf(new ZoneOffsets('Europe/Stockholm'), FROM_1900, TO_2201)).toEqual(expected);
      expect(expected).toContainEqual(['2026-03-29T01:00:00.000Z', 2 * HOUR]);
      expect(expected).toContainEqual(['2026-10-25T01:00:00.000Z', HOUR]);
    },
    TIMEOUT,
  );

  // A sample of the range for the other zones (the whole range is the opt-in scan below): the early
  // years with local mean time and wartime changes, the present, and the end of the supported range.
  const SAMPLE_RANGES: Array<[number, number]> = [
    [FROM_1900, Date.UTC(1990, 0, 1)],
    [Date.UTC(2020, 0, 1), Date.UTC(2040, 0, 1)],
    [Date.UTC(2190, 0, 1), TO_2201],
  ];

  it.each(ZONES)(
    'finds the transitions of %s exactly where Temporal does',
    (timeZone) => {
      const zone = new ZoneOffsets(timeZone);
      for (const [from, to] of SAMPLE_RANGES)
        expect(transitionsOf(zone, from, to)).toEqual(temporalTransitions(timeZone, from, to));
    },
    TIMEOUT,
  );

  it(
    'gives the offset just before and at each transition, as Temporal does',
    () => {
      for (const timeZone of ZONES) {
        const zone = new ZoneOffsets(timeZone);
        for (const [iso] of temporalTransitions(timeZone, Date.UTC(2000, 0, 1), Date.UTC(2030, 0, 1))) {
          const at = Date.parse(iso);
          for (const epochMs of [at - 1000, at - 1, at, at + 1])
            expect([timeZone, epochMs, zone.offsetAt(epochMs)]).toEqual([
              timeZone,
              epochMs,
              Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).offsetNanoseconds /
                1e6,
            ]);
        }
      }
    },
    TIMEOUT,
  );

  it(
    'answers the same whatever order the ranges are covered in',
    () => {
      const whole = new ZoneOffsets('Europe/Stockholm');
      whole.cover(Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1));
      const pieces = new ZoneOffsets('Europe/Stockholm');
      pieces.cover(Date.UTC(2026, 2, 29, 0, 59, 59, 999), Date.UTC(2026, 2, 29, 1)); // just the change
      pieces.cover(Date.UTC(2028, 4, 3, 7), Date.UTC(2030, 0, 1));
      pieces.cover(Date.UTC(2020, 0, 1), Date.UTC(2024, 1, 1));
      const from = Date.UTC(2020, 0, 1);
      const to = Date.UTC(2030, 0, 1);
      expect(transitionsOf(pieces, from, to)).toEqual(transitionsOf(whole, from, to));
      expect(transitionsOf(whole, from, to)).toHaveLength(20);
      expect(pieces.hasTransitionIn(Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30))).toBe(true);
      expect(pieces.hasTransitionIn(Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'samples often enough for the closest transitions in the tz data (Asia/Gaza 2040, seven days apart)',
    () => {
      const gaza = temporalTransitions('Asia/Gaza', Date.UTC(2040, 9, 1), Date.UTC(2040, 10, 1));
      expect(gaza).toHaveLength(2);
      expect(Date.parse(gaza[1]![0]) - Date.parse(gaza[0]![0])).toBeLessThan(7 * 24 * HOUR);
      expect(SAMPLE_DAYS * 24 * HOUR).toBeLessThan(Date.parse(gaza[1]![0]) - Date.parse(gaza[0]![0]));
      expect(
        transitionsOf(new ZoneOffsets('Asia/Gaza'), Date.UTC(2040, 9, 1), Date.UTC(2040, 10, 1)),
      ).toEqual(gaza);
    },
    TIMEOUT,
  );
});

describe('localEpochDay', () => {
  it('names the local date Temporal does, around midnight and every offset change 2020–2030', () => {
    const epochDay = (ms: number, zone: string) =>
      Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().since('1970-01-01').days;
    const zoneMinute = 60_000;
    for (const zone of ZONES) {
      const instants: number[] = [];
      // Each side of every transition, and each side of local midnight on the days around it.
      for (const [at] of temporalTransitions(zone, Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1))) {
        const ms = Date.parse(at);
        instants.push(ms - 1, ms, ms + zoneMinute);
        const midnight = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).startOfDay().epochMilliseconds;
        instants.push(midnight - 1, midnight, midnight + 86_400_000 - 1);
      }
      // And a spread of ordinary instants (a fixed pseudo-random walk, every hour of the day).
      for (let ms = Date.UTC(2024, 0, 1, 0, 7), i = 0; i < 400; i++, ms += 29 * 3_600_000 + 61_001) instants.push(ms);
      for (const ms of instants) expect([zone, new Date(ms).toISOString(), localEpochDay(ms, zone)]).toEqual([zone, new Date(ms).toISOString(), epochDay(ms, zone)]);
    }
  });
});

// Opt-in (INTL_ZONE_SCAN=1, a few minutes): every zone the platform knows, 1900–2200, against Temporal and
// against a day-by-day scan, which would reveal transitions closer together than SAMPLE_DAYS.
describe.runIf(process.env.INTL_ZONE_SCAN === '1')('ZoneOffsets in every zone (INTL_ZONE_SCAN=1)', () => {
  it('finds Temporal’s transitions in every zone, and no two are closer than SAMPLE_DAYS', () => {
    const mismatches: string[] = [];
    for (const timeZone of Intl.supportedValuesOf('timeZone')) {
      const expected = temporalTransitions(timeZone, FROM_1900, TO_2201);
      const actual = transitionsOf(new ZoneOffsets(timeZone), FROM_1900, TO_2201);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(timeZone);
      for (let i = 1; i < actual.length; i++) {
        if (Date.parse(actual[i]![0]) - Date.parse(actual[i - 1]![0]) <= SAMPLE_DAYS * 24 * HOUR)
          mismatches.push(`${timeZone}: ${actual[i - 1]![0]} and ${actual[i]![0]} closer than SAMPLE_DAYS`);
      }
      let previous = intlOffsetMs(timeZone, FROM_1900);
      for (let day = FROM_1900 + 24 * HOUR; day <= TO_2201; day += 24 * HOUR) {
        const offset = intlOffsetMs(timeZone, day);
        if (
          offset !== previous &&
          !actual.some(([iso]) => Date.parse(iso) > day - 24 * HOUR && Date.parse(iso) <= day)
        )
          mismatches.push(`${timeZone}: offset change before ${new Date(day).toISOString()} not found`);
        previous = offset;
      }
    }
    expect(mismatches).toEqual([]);
  }, 3_600_000);
});
