import { describe, expect, it } from 'vitest';
import {
  instantOfDateTimeTimeZone,
  localParts,
  toDateTimeTimeZone,
  toGraphInstant,
  zonedInstant,
} from './time.ts';

describe('time helpers', () => {
  it('writes instants as Graph does, without milliseconds', () => {
    expect(toGraphInstant('2026-11-17T10:00:00.123+01:00')).toBe('2026-11-17T09:00:00Z');
  });

  it('writes dateTimeTimeZone values in UTC with seven decimals', () => {
    expect(toDateTimeTimeZone('2026-11-17T09:00:00Z')).toEqual({
      dateTime: '2026-11-17T09:00:00.0000000',
      timeZone: 'UTC',
    });
  });

  it('finds Stockholm midnight on both sides of the summer-time change', () => {
    expect(zonedInstant('2026-03-29', '00:00', 'Europe/Stockholm')).toBe('2026-03-28T23:00:00Z');
    expect(zonedInstant('2026-03-30', '00:00', 'Europe/Stockholm')).toBe('2026-03-29T22:00:00Z');
  });

  it('gives the local date, hour and ISO weekday of an instant', () => {
    expect(localParts('2026-11-21T23:30:00Z', 'Europe/Stockholm')).toEqual({
      date: '2026-11-22',
      hour: 0,
      minute: 30,
      isoWeekday: 7,
    });
  });

  it('reads dateTimeTimeZone values in UTC, IANA and Windows zones, and rejects unknown zones', () => {
    expect(instantOfDateTimeTimeZone({ dateTime: '2026-11-17T10:00:00', timeZone: 'UTC' })).toBe(
      '2026-11-17T10:00:00Z',
    );
    expect(
      instantOfDateTimeTimeZone({ dateTime: '2026-11-17T10:00:00.0000000', timeZone: 'Europe/Stockholm' }),
    ).toBe('2026-11-17T09:00:00Z');
    expect(
      instantOfDateTimeTimeZone({ dateTime: '2026-07-01T10:00:00', timeZone: 'W. Europe Standard Time' }),
    ).toBe('2026-07-01T08:00:00Z');
    expect(
      instantOfDateTimeTimeZone({ dateTime: '2026-07-01T10:00:00', timeZone: 'Mars/Olympus' }),
    ).toBeNull();
    expect(instantOfDateTimeTimeZone({ dateTime: 'tomorrow', timeZone: 'UTC' })).toBeNull();
  });
});
