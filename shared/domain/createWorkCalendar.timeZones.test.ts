import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './createWorkCalendar.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { dueAt } from './dueAt.ts';

const sameOrNextWorkingDay: DeadlinePolicy = { kind: 'sameOrNextWorkingDay' };
const workingDay: DeadlinePolicy = { kind: 'workingDays', days: 1 };
const hour: DeadlinePolicy = { kind: 'openingHours', minutes: 60 };

describe('createWorkCalendar in another time zone', () => {
  const helsinki = createWorkCalendar({ timeZone: 'Europe/Helsinki' });

  it('keeps office hours in Helsinki time and answers with Helsinki offsets', () => {
    expect(helsinki.openingOn('2026-11-17')).toEqual({
      open: '2026-11-17T08:00:00+02:00',
      close: '2026-11-17T17:00:00+02:00',
    });
    expect(dueAt('2026-11-17T10:00:00+01:00', hour, helsinki)).toBe('2026-11-17T12:00:00+02:00');
    expect(dueAt('2026-10-22T09:30:00+03:00', { kind: 'workingDays', days: 2 }, helsinki)).toBe(
      '2026-10-26T09:30:00+02:00',
    );
  });

  it('takes the local date in Helsinki: 23:30 Stockholm time is already the next day there', () => {
    expect(dueAt('2026-11-17T23:30:00+01:00', sameOrNextWorkingDay, helsinki)).toBe(
      '2026-11-19T17:00:00+02:00',
    );
    expect(dueAt('2026-11-17T23:30:00+01:00', sameOrNextWorkingDay, createWorkCalendar())).toBe(
      '2026-11-18T17:00:00+01:00',
    );
  });

  it('accepts a time zone id in any case and reports it canonically', () => {
    expect(createWorkCalendar({ timeZone: 'europe/helsinki' }).timeZone).toBe('Europe/Helsinki');
  });

  it('works in a zone west of UTC with a half-hour offset', () => {
    const stJohns = createWorkCalendar({ timeZone: 'America/St_Johns' });
    expect(stJohns.openingOn('2026-11-17')).toEqual({
      open: '2026-11-17T08:00:00-03:30',
      close: '2026-11-17T17:00:00-03:30',
    });
  });
});

describe('createWorkCalendar on the days summer time starts and ends', () => {
  // Sunday opening hours across 02:00–03:00, when Stockholm changes its clocks (last Sundays of March and October).
  const sundays = createWorkCalendar({ openingHours: { sun: '01:00-05:00' } });

  it('has an hour less of opening on the day summer time starts', () => {
    expect(sundays.openingOn('2026-03-29')).toEqual({
      open: '2026-03-29T01:00:00+01:00',
      close: '2026-03-29T05:00:00+02:00',
    });
    expect(sundays.openMinutesBetween('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toBe(180);
  });

  it('has an hour more of opening on the day summer time ends', () => {
    expect(sundays.openingOn('2026-10-25')).toEqual({
      open: '2026-10-25T01:00:00+02:00',
      close: '2026-10-25T05:00:00+01:00',
    });
    expect(sundays.openMinutesBetween('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toBe(300);
  });

  it('moves an opening time skipped by the change forward by the gap, and takes the earlier of a repeated one', () => {
    const halfPastTwo = createWorkCalendar({ openingHours: { sun: '02:30-06:00' } });
    expect(halfPastTwo.openingOn('2026-03-29')?.open).toBe('2026-03-29T03:30:00+02:00');
    expect(halfPastTwo.openingOn('2026-10-25')?.open).toBe('2026-10-25T02:30:00+02:00');
  });

  it('counts opening-hours minutes across the change in real elapsed time', () => {
    expect(dueAt('2026-03-29T01:30:00+01:00', hour, sundays)).toBe('2026-03-29T03:30:00+02:00');
    expect(dueAt('2026-10-25T02:30:00+02:00', hour, sundays)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('keeps the clock time for workingDays when the target day is the day of the change', () => {
    expect(
      dueAt(
        '2026-03-22T04:00:00+01:00',
        { kind: 'workingDays', days: 1 },
        createWorkCalendar({
          openingHours: { mon: null, tue: null, wed: null, thu: null, fri: null, sun: '01:00-05:00' },
        }),
      ),
    ).toBe('2026-03-29T04:00:00+02:00');
  });
});

describe('createWorkCalendar in a zone that skipped a whole day', () => {
  // Samoa moved across the date line: 29 December 2011 (UTC−10) was followed by 31 December (UTC+14).
  const apia = createWorkCalendar({
    timeZone: 'Pacific/Apia',
    openingHours: { sat: '08:00-17:00', sun: '08:00-17:00' },
    evesAreWorkingDays: true,
  });

  it('treats the day that did not exist as no working day', () => {
    expect(apia.isWorkingDay('2011-12-30')).toBe(false);
    expect(apia.openingOn('2011-12-31')).toEqual({
      open: '2011-12-31T08:00:00+14:00',
      close: '2011-12-31T17:00:00+14:00',
    });
  });

  it('goes from 29 to 31 December for every policy', () => {
    expect(dueAt('2011-12-29T10:00:00-10:00', sameOrNextWorkingDay, apia)).toBe('2011-12-31T17:00:00+14:00');
    expect(dueAt('2011-12-29T10:00:00-10:00', workingDay, apia)).toBe('2011-12-31T10:00:00+14:00');
    expect(dueAt('2011-12-29T16:30:00-10:00', hour, apia)).toBe('2011-12-31T08:30:00+14:00');
  });
});
