import { describe, expect, it } from 'vitest';
import { mergeCalendarOptions } from './mergeCalendarOptions.ts';
import type { WorkCalendarOptions } from './WorkCalendarOptions.ts';

const org: WorkCalendarOptions = {
  timeZone: 'Europe/Stockholm',
  openingHours: { mon: '08:00-17:00', fri: '08:00-16:00' },
  closedDates: ['2026-05-15'],
  shortDays: { '2026-01-05': '12:00' },
};

describe('mergeCalendarOptions', () => {
  it('replaces the organisation opening hours per weekday with the mailbox override', () => {
    expect(
      mergeCalendarOptions(org, { openingHours: { fri: '08:00-12:00', sat: '10:00-14:00' } }).openingHours,
    ).toEqual({
      mon: '08:00-17:00',
      fri: '08:00-12:00',
      sat: '10:00-14:00',
    });
  });

  it('lets a mailbox close a weekday the organisation keeps open', () => {
    expect(mergeCalendarOptions(org, { openingHours: { mon: null } }).openingHours?.mon).toBeNull();
  });

  it('ignores weekdays the override leaves undefined', () => {
    expect(mergeCalendarOptions(org, { openingHours: { mon: undefined } }).openingHours?.mon).toBe(
      '08:00-17:00',
    );
  });

  it('adds the mailbox closed dates to the organisation ones, without duplicates', () => {
    expect(mergeCalendarOptions(org, { closedDates: ['2026-05-15', '2026-11-20'] }).closedDates).toEqual([
      '2026-05-15',
      '2026-11-20',
    ]);
  });

  it('lets the mailbox short days win on the same date', () => {
    expect(
      mergeCalendarOptions(org, { shortDays: { '2026-01-05': '13:00', '2026-04-30': '12:00' } }).shortDays,
    ).toEqual({
      '2026-01-05': '13:00',
      '2026-04-30': '12:00',
    });
  });

  it('returns the organisation options when there is no override', () => {
    expect(mergeCalendarOptions(org, null)).toEqual(org);
    expect(mergeCalendarOptions(org)).toEqual(org);
  });

  it('does not change the organisation options', () => {
    const before = structuredClone(org);
    mergeCalendarOptions(org, { openingHours: { mon: null }, closedDates: ['2026-11-20'] });
    expect(org).toEqual(before);
  });
});
