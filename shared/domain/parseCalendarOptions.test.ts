import { describe, expect, it } from 'vitest';
import { parseCalendarOptions } from './parseCalendarOptions.ts';

describe('parseCalendarOptions', () => {
  it('accepts the calendar of config.json as it is', () => {
    const json = {
      timeZone: 'Europe/Stockholm',
      openingHours: {
        mon: '08:00-17:00',
        tue: '08:00-17:00',
        wed: '08:00-17:00',
        thu: '08:00-17:00',
        fri: '08:00-16:00',
        sat: null,
        sun: null,
      },
      closedDates: ['2026-05-15', '2027-05-07'],
      shortDays: { '2026-01-05': '12:00', '2026-04-30': '12:00' },
      evesAreWorkingDays: false,
    };
    expect(parseCalendarOptions(json)).toEqual({ ok: true, value: json });
  });

  it('accepts an empty object: every field has a default', () => {
    expect(parseCalendarOptions({})).toEqual({ ok: true, value: {} });
  });

  it('reports every problem with its path, the expectation and what was found', () => {
    const result = parseCalendarOptions({
      timeZone: 'Stockholm',
      openingHours: { mon: '8-17', tue: '17:00-08:00', funday: '08:00-17:00', sat: 9 },
      closedDates: ['2026-05-15', '15/5/2026', '1850-01-01'],
      shortDays: { '2026-01-05': '12.00', tomorrow: '12:00' },
      evesAreWorkingDays: 'no',
      opening: {},
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        path: 'opening',
        expected:
          'one of the known fields timeZone, openingHours, closedDates, shortDays, evesAreWorkingDays',
        found: '"opening"',
      },
      { path: 'timeZone', expected: 'an IANA time zone such as "Europe/Stockholm"', found: '"Stockholm"' },
      { path: 'openingHours.mon', expected: 'HH:MM-HH:MM with open before close, or null', found: '"8-17"' },
      {
        path: 'openingHours.tue',
        expected: 'HH:MM-HH:MM with open before close, or null',
        found: '"17:00-08:00"',
      },
      {
        path: 'openingHours.funday',
        expected: 'a weekday: mon, tue, wed, thu, fri, sat, sun',
        found: '"funday"',
      },
      { path: 'openingHours.sat', expected: 'HH:MM-HH:MM with open before close, or null', found: '9' },
      { path: 'closedDates[1]', expected: 'a date YYYY-MM-DD from 1900 to 2200', found: '"15/5/2026"' },
      { path: 'closedDates[2]', expected: 'a date YYYY-MM-DD from 1900 to 2200', found: '"1850-01-01"' },
      { path: 'shortDays.2026-01-05', expected: 'a closing time HH:MM such as "12:00"', found: '"12.00"' },
      {
        path: 'shortDays.tomorrow',
        expected: 'a date YYYY-MM-DD from 1900 to 2200 as the key',
        found: '"tomorrow"',
      },
      { path: 'evesAreWorkingDays', expected: 'true or false', found: '"no"' },
    ]);
  });

  it.each([null, 'Europe/Stockholm', [], 42])(
    'refuses %j, which is not an object, at the top level',
    (json) => {
      const result = parseCalendarOptions(json);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatchObject({ path: '' });
    },
  );

  it('refuses fields of the wrong shape', () => {
    const result = parseCalendarOptions({
      openingHours: '08:00-17:00',
      closedDates: '2026-05-15',
      shortDays: [],
    });
    expect(result.ok ? [] : result.errors.map((issue) => issue.path)).toEqual([
      'openingHours',
      'closedDates',
      'shortDays',
    ]);
  });

  it('shows a null value as null', () => {
    const result = parseCalendarOptions({ timeZone: null });
    expect(result.ok ? undefined : result.errors[0]?.found).toBe('null');
  });
});
