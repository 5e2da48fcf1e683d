import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { TIMEOUT } from './calendarArbitraries.fixture.ts';
import { canonicalTimeZoneId, intlOffsetMs } from './intlZone.ts';

// The Intl-based zone data must be exactly what Temporal (temporal-polyfill, the reference the property
// tests use) answers: offsets to the second, and zone ids spelt the same way.

const FROM_1900 = Date.UTC(1900, 0, 1);
const TO_2201 = Date.UTC(2201, 0, 1);

function temporalOffsetMs(timeZone: string, epochMs: number): number {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;
}

function temporalId(timeZone: string): string | undefined {
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId;
  } catch {
    return undefined;
  }
}

/** mulberry32: the same instants on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('intlOffsetMs', () => {
  it(
    'gives the offsets of well-known zones',
    () => {
      expect(intlOffsetMs('Europe/Stockholm', Date.UTC(2026, 0, 15))).toBe(3_600_000);
      expect(intlOffsetMs('Europe/Stockholm', Date.UTC(2026, 6, 15))).toBe(7_200_000);
      expect(intlOffsetMs('America/Los_Angeles', Date.UTC(2026, 0, 15))).toBe(-8 * 3_600_000);
      expect(intlOffsetMs('Pacific/Auckland', Date.UTC(2026, 0, 15))).toBe(13 * 3_600_000);
      expect(intlOffsetMs('Australia/Lord_Howe', Date.UTC(2026, 0, 15))).toBe(11 * 3_600_000);
      expect(intlOffsetMs('Australia/Lord_Howe', Date.UTC(2026, 6, 15))).toBe(10.5 * 3_600_000);
      expect(intlOffsetMs('Asia/Kolkata', Date.UTC(2026, 6, 15))).toBe(5.5 * 3_600_000);
      expect(intlOffsetMs('UTC', Date.UTC(2026, 6, 15))).toBe(0);
      expect(intlOffsetMs('+01:00', Date.UTC(2026, 6, 15))).toBe(3_600_000);
      expect(intlOffsetMs('-05:30', Date.UTC(2026, 6, 15))).toBe(-5.5 * 3_600_000);
    },
    TIMEOUT,
  );

  it(
    'changes exactly at the second of a transition (Stockholm, 2026-03-29 01:00 UTC)',
    () => {
      const change = Date.UTC(2026, 2, 29, 1);
      expect(intlOffsetMs('Europe/Stockholm', change - 1)).toBe(3_600_000);
      expect(intlOffsetMs('Europe/Stockholm', change)).toBe(7_200_000);
    },
    TIMEOUT,
  );

  it(
    'keeps the seconds of local-mean-time offsets',
    () => {
      expect(intlOffsetMs('Africa/Monrovia', Date.UTC(1950, 0, 1))).toBe(-(44 * 60 + 30) * 1000);
      expect(intlOffsetMs('Europe/Dublin', Date.UTC(1910, 5, 1))).toBe(-(25 * 60 + 21) * 1000);
      expect(intlOffsetMs('Asia/Kolkata', Date.UTC(1900, 5, 1))).toBe((5 * 3600 + 21 * 60 + 10) * 1000);
    },
    TIMEOUT,
  );

  it(
    'reads midnight as hour 0 and years around 1900 and 2200 correctly',
    () => {
      expect(intlOffsetMs('UTC', Date.UTC(1900, 0, 1))).toBe(0);
      expect(intlOffsetMs('UTC', Date.UTC(2200, 11, 31, 23, 59, 59, 999))).toBe(0);
      expect(intlOffsetMs('Europe/Stockholm', Date.UTC(1899, 11, 31, 23))).toBe(3_600_000);
      expect(intlOffsetMs('Asia/Kolkata', Date.UTC(2026, 0, 1, 18, 30))).toBe(5.5 * 3_600_000);
    },
    TIMEOUT,
  );

  it(
    'agrees with Temporal on random instants 1900–2200 in every zone the platform knows',
    () => {
      const next = random(20_260_329);
      const zones = Intl.supportedValuesOf('timeZone');
      expect(zones.length).toBeGreaterThan(300);
      const mismatches: string[] = [];
      for (const zone of zones) {
        for (let n = 0; n < 20; n++) {
          const epochMs = FROM_1900 + Math.floor(next() * (TO_2201 - FROM_1900));
          const expected = temporalOffsetMs(zone, epochMs);
          const actual = intlOffsetMs(zone, epochMs);
          if (actual !== expected)
            mismatches.push(`${zone} ${new Date(epochMs).toISOString()}: ${actual} ≠ ${expected}`);
        }
      }
      expect(mismatches).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('canonicalTimeZoneId', () => {
  it(
    'spells ids canonically and rejects unknown zones',
    () => {
      expect(canonicalTimeZoneId('europe/stockholm')).toBe('Europe/Stockholm');
      expect(canonicalTimeZoneId('EUROPE/STOCKHOLM')).toBe('Europe/Stockholm');
      expect(canonicalTimeZoneId('america/port-au-prince')).toBe('America/Port-au-Prince');
      expect(canonicalTimeZoneId('etc/gmt+5')).toBe('Etc/GMT+5');
      expect(canonicalTimeZoneId('utc')).toBe('UTC');
      expect(canonicalTimeZoneId('+0100')).toBe('+01:00');
      // Links stay links, whatever the engine's resolvedOptions() would say.
      expect(canonicalTimeZoneId('asia/kolkata')).toBe('Asia/Kolkata');
      expect(canonicalTimeZoneId('Asia/Calcutta')).toBe('Asia/Calcutta');
      for (const unknown of [
        'Stockholm',
        'Nope/Zone',
        'Europe/Stockholm ',
        '',
        'Z',
        'AST',
        '+24:00',
        'Factory',
      ])
        expect(canonicalTimeZoneId(unknown)).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    'agrees with Temporal on every zone the platform knows, in any case, and on links and odd ids',
    () => {
      const ids = [
        ...Intl.supportedValuesOf('timeZone'),
        ...['Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires', 'US/Pacific', 'Etc/UTC', 'GMT'],
        ...[
          'EST5EDT',
          'CET',
          'NZ',
          'ROK',
          'Australia/LHI',
          'America/Argentina/ComodRivadavia',
          'Antarctica/McMurdo',
        ],
        ...[
          'Antarctica/DumontDUrville',
          'Asia/Ho_Chi_Minh',
          'Etc/GMT-14',
          'Europe/Isle_of_Man',
          'Africa/Dar_es_Salaam',
        ],
      ];
      const odd = [
        'ast',
        'AST',
        'PST',
        'Z',
        '+01:00',
        '+01',
        '+0100',
        '-00:00',
        '+01:00:00',
        '+23:59',
        '−01:00',
        '',
        ' UTC',
      ];
      const mismatches: string[] = [];
      for (const id of [...ids.flatMap((id) => [id, id.toLowerCase(), id.toUpperCase()]), ...odd]) {
        const expected = temporalId(id);
        const actual = canonicalTimeZoneId(id);
        if (actual !== expected)
          mismatches.push(`${JSON.stringify(id)}: ${String(actual)} ≠ ${String(expected)}`);
      }
      expect(mismatches).toEqual([]);
    },
    TIMEOUT,
  );
});
