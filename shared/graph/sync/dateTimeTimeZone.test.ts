import { describe, expect, it } from 'vitest';
import { instantOfDateTimeTimeZone, utcDateTimeTimeZone } from './dateTimeTimeZone.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('instantOfDateTimeTimeZone', () => {
  it('reads a UTC time with Graph’s seven fractional digits', () => {
    expect(iso(instantOfDateTimeTimeZone({ dateTime: '2026-11-17T09:00:00.0000000', timeZone: 'UTC' }))).toBe(
      '2026-11-17T09:00:00.000Z',
    );
  });

  it('reads W. Europe Standard Time in winter as +01:00', () => {
    expect(
      iso(
        instantOfDateTimeTimeZone({
          dateTime: '2026-11-17T10:00:00.0000000',
          timeZone: 'W. Europe Standard Time',
        }),
      ),
    ).toBe('2026-11-17T09:00:00.000Z');
  });

  it('reads W. Europe Standard Time in summer as +02:00', () => {
    expect(
      iso(
        instantOfDateTimeTimeZone({ dateTime: '2026-06-18T10:00:00', timeZone: 'W. Europe Standard Time' }),
      ),
    ).toBe('2026-06-18T08:00:00.000Z');
  });

  it('reads an IANA zone name', () => {
    expect(
      iso(instantOfDateTimeTimeZone({ dateTime: '2026-03-29T03:30:00', timeZone: 'Europe/Stockholm' })),
    ).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads a time the spring change skips with the offset before it, and a repeated autumn time as the earlier one', () => {
    // 02:30 does not exist in Stockholm on 29 March 2026: read at +01:00, it is 03:30 CEST.
    expect(iso(instantOfDateTimeTimeZone({ dateTime: '2026-03-29T02:30:00', timeZone: 'Europe/Stockholm' }))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 happens twice on 25 October 2026: the first, still CEST (+02:00).
    expect(
      iso(instantOfDateTimeTimeZone({ dateTime: '2026-10-25T02:30:00', timeZone: 'W. Europe Standard Time' })),
    ).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives NaN for an unknown zone or a malformed time', () => {
    expect(
      instantOfDateTimeTimeZone({ dateTime: '2026-11-17T10:00:00', timeZone: 'Mars Standard Time' }),
    ).toBeNaN();
    expect(instantOfDateTimeTimeZone({ dateTime: 'tomorrow', timeZone: 'UTC' })).toBeNaN();
  });
});

describe('utcDateTimeTimeZone', () => {
  it('writes an instant as a UTC wall time', () => {
    expect(utcDateTimeTimeZone(Date.UTC(2026, 10, 17, 9, 0, 0))).toEqual({
      dateTime: '2026-11-17T09:00:00',
      timeZone: 'UTC',
    });
  });
});
