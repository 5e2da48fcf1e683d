import { describe, expect, it } from 'vitest';
import { resolveCalendarRules } from './CalendarRules.ts';
import { SHARED_DAY_TABLES, createWorkCalendar, sharedDayTable } from './createWorkCalendar.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { dueAt } from './dueAt.ts';
import { mergeCalendarOptions } from './mergeCalendarOptions.ts';

const sameOrNextWorkingDay: DeadlinePolicy = { kind: 'sameOrNextWorkingDay' };
const workingDay: DeadlinePolicy = { kind: 'workingDays', days: 1 };
const hour: DeadlinePolicy = { kind: 'openingHours', minutes: 60 };

describe('createWorkCalendar with the defaults', () => {
  const calendar = createWorkCalendar();

  it('does not let a caller change the options it uses', () => {
    expect(Object.isFrozen(calendar.options)).toBe(true);
    expect(Object.isFrozen(calendar.options.openingHours)).toBe(true);
  });

  it('uses Europe/Stockholm, Monday–Friday 08:00–17:00 and closed eves', () => {
    expect(calendar.timeZone).toBe('Europe/Stockholm');
    expect(calendar.options).toEqual({
      timeZone: 'Europe/Stockholm',
      openingHours: {
        mon: '08:00-17:00',
        tue: '08:00-17:00',
        wed: '08:00-17:00',
        thu: '08:00-17:00',
        fri: '08:00-17:00',
        sat: null,
        sun: null,
      },
      closedDates: [],
      shortDays: {},
      evesAreWorkingDays: false,
    });
  });

  it.each([
    ['2026-11-17', true, 'an ordinary Tuesday'],
    ['2026-11-21', false, 'a Saturday'],
    ['2026-11-22', false, 'a Sunday'],
    ['2026-04-03', false, 'långfredagen'],
    ['2026-04-06', false, 'annandag påsk'],
    ['2026-05-14', false, 'Kristi himmelsfärdsdag'],
    ['2026-06-19', false, 'midsommarafton (an eve)'],
    ['2026-12-24', false, 'julafton (an eve)'],
    ['2026-12-31', false, 'nyårsafton (an eve)'],
    ['2026-01-05', true, 'trettondagsafton (not an eve of the rules)'],
    ['2004-05-31', false, 'annandag pingst 2004'],
    ['2007-05-28', true, 'annandag pingst 2007, no longer a holiday'],
    ['2028-06-06', false, 'Sveriges nationaldag on a Tuesday'],
  ])('says %s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('gives the opening hours of a working day with the zone offset of that day', () => {
    expect(calendar.openingOn('2026-03-30')).toEqual({
      open: '2026-03-30T08:00:00+02:00',
      close: '2026-03-30T17:00:00+02:00',
    });
    expect(calendar.openingOn('2026-03-27')).toEqual({
      open: '2026-03-27T08:00:00+01:00',
      close: '2026-03-27T17:00:00+01:00',
    });
    expect(calendar.openingOn('2026-03-28')).toBeNull();
  });

  it('returns an instant within opening hours from nextOpening unchanged, in the zone offset', () => {
    expect(calendar.nextOpening('2026-11-17T09:15:30Z')).toBe('2026-11-17T10:15:30+01:00');
    expect(calendar.nextOpening('2026-11-17T08:00:00+01:00')).toBe('2026-11-17T08:00:00+01:00');
  });

  it('moves an instant outside opening hours to the next opening', () => {
    expect(calendar.nextOpening('2026-11-17T17:00:00+01:00')).toBe('2026-11-18T08:00:00+01:00');
    expect(calendar.nextOpening('2026-11-17T07:59:59+01:00')).toBe('2026-11-17T08:00:00+01:00');
    expect(calendar.nextOpening('2026-12-23T18:00:00+01:00')).toBe('2026-12-28T08:00:00+01:00');
  });

  it('counts opening-hours minutes in [from, to)', () => {
    expect(calendar.openMinutesBetween('2026-11-16T00:00:00+01:00', '2026-11-23T00:00:00+01:00')).toBe(
      5 * 9 * 60,
    );
    expect(calendar.openMinutesBetween('2026-11-17T16:30:00+01:00', '2026-11-18T08:30:00+01:00')).toBe(60);
    expect(calendar.openMinutesBetween('2026-11-21T00:00:00+01:00', '2026-11-23T00:00:00+01:00')).toBe(0);
    expect(calendar.openMinutesBetween('2026-11-17T10:00:30+01:00', '2026-11-17T10:01:00+01:00')).toBe(0.5);
  });

  it('counts 0 minutes when to is not after from', () => {
    expect(calendar.openMinutesBetween('2026-11-18T10:00:00+01:00', '2026-11-17T10:00:00+01:00')).toBe(0);
    expect(calendar.openMinutesBetween('2026-11-17T10:00:00+01:00', '2026-11-17T10:00:00+01:00')).toBe(0);
  });

  it.each(['17 Nov 2026', '2026-11-31', '2026-1-5'])(
    'refuses the date %j with a RangeError showing a good one',
    (date) => {
      expect(() => calendar.isWorkingDay(date)).toThrow(/YYYY-MM-DD such as "2026-11-17"/);
    },
  );
});

describe('createWorkCalendar with organisation options', () => {
  it('makes a closed date (klämdag) a non-working day that deadlines skip', () => {
    const calendar = createWorkCalendar({ closedDates: ['2026-05-15'] });
    expect(calendar.isWorkingDay('2026-05-15')).toBe(false);
    // Received on Kristi himmelsfärdsdag eve (Wed 13 May): Thu 14 is a holiday, Fri 15 closed → Monday.
    expect(dueAt('2026-05-13T10:00:00+02:00', sameOrNextWorkingDay, calendar)).toBe(
      '2026-05-18T17:00:00+02:00',
    );
    expect(dueAt('2026-05-13T10:00:00+02:00', sameOrNextWorkingDay, createWorkCalendar())).toBe(
      '2026-05-15T17:00:00+02:00',
    );
  });

  it('closes early on a short day, which moves a due time to the new closing', () => {
    const calendar = createWorkCalendar({ shortDays: { '2026-01-05': '12:00' } });
    expect(calendar.openingOn('2026-01-05')).toEqual({
      open: '2026-01-05T08:00:00+01:00',
      close: '2026-01-05T12:00:00+01:00',
    });
    expect(dueAt('2026-01-02T10:00:00+01:00', sameOrNextWorkingDay, calendar)).toBe(
      '2026-01-05T12:00:00+01:00',
    );
    expect(dueAt('2026-01-02T14:00:00+01:00', workingDay, calendar)).toBe('2026-01-05T12:00:00+01:00');
    expect(dueAt('2026-01-05T11:30:00+01:00', hour, calendar)).toBe('2026-01-07T08:30:00+01:00');
  });

  it('treats a short day that closes before it opens as closed', () => {
    const calendar = createWorkCalendar({ shortDays: { '2026-01-05': '07:00' } });
    expect(calendar.isWorkingDay('2026-01-05')).toBe(false);
  });

  it('makes Saturdays working days when they have opening hours', () => {
    const calendar = createWorkCalendar({ openingHours: { sat: '10:00-14:00' } });
    expect(calendar.isWorkingDay('2026-11-21')).toBe(true);
    expect(calendar.isWorkingDay('2026-06-20')).toBe(false); // midsommardagen is still a holiday
    expect(dueAt('2026-11-20T16:30:00+01:00', hour, calendar)).toBe('2026-11-21T10:30:00+01:00');
    expect(dueAt('2026-11-20T20:00:00+01:00', sameOrNextWorkingDay, calendar)).toBe(
      '2026-11-21T14:00:00+01:00',
    );
  });

  it('overrides only the weekdays named in openingHours', () => {
    const calendar = createWorkCalendar({ openingHours: { fri: '08:00-16:00' } });
    expect(calendar.options.openingHours).toMatchObject({
      thu: '08:00-17:00',
      fri: '08:00-16:00',
      sat: null,
    });
  });

  it('can close a weekday, which then is no working day', () => {
    const calendar = createWorkCalendar({ openingHours: { mon: null } });
    expect(calendar.isWorkingDay('2026-11-16')).toBe(false);
    expect(dueAt('2026-11-13T10:00:00+01:00', sameOrNextWorkingDay, calendar)).toBe(
      '2026-11-17T17:00:00+01:00',
    );
  });

  it('makes the eves working days when evesAreWorkingDays is set', () => {
    const calendar = createWorkCalendar({ evesAreWorkingDays: true });
    expect(calendar.isWorkingDay('2026-12-24')).toBe(true);
    expect(dueAt('2026-12-23T16:00:00+01:00', sameOrNextWorkingDay, calendar)).toBe(
      '2026-12-24T17:00:00+01:00',
    );
  });

  it('applies a mailbox override of the opening hours on top of the organisation options', () => {
    const org = { openingHours: { fri: '08:00-16:00' }, closedDates: ['2026-05-15'] };
    const mailbox = createWorkCalendar(
      mergeCalendarOptions(org, { openingHours: { fri: '08:00-12:00', mon: '10:00-15:00' } }),
    );
    expect(mailbox.options.openingHours).toMatchObject({
      mon: '10:00-15:00',
      tue: '08:00-17:00',
      fri: '08:00-12:00',
    });
    expect(mailbox.isWorkingDay('2026-05-15')).toBe(false);
    // Thursday 15:00 + one working day: the mailbox closes at 12:00 on Fridays, the organisation at 16:00.
    expect(dueAt('2026-11-19T15:00:00+01:00', workingDay, mailbox)).toBe('2026-11-20T12:00:00+01:00');
    expect(dueAt('2026-11-19T15:00:00+01:00', workingDay, createWorkCalendar(org))).toBe(
      '2026-11-20T15:00:00+01:00',
    );
    // Friday 11:30 + one opening hour: 30 minutes on Friday, the rest from Monday's late opening.
    expect(dueAt('2026-11-20T11:30:00+01:00', hour, mailbox)).toBe('2026-11-23T10:30:00+01:00');
  });
});

describe('createWorkCalendar with invalid options', () => {
  it.each([
    [{ openingHours: { mon: '8-17' } }, /openingHours\.mon.*HH:MM-HH:MM.*"8-17"/],
    [{ openingHours: { mon: '17:00-08:00' } }, /openingHours\.mon.*open before close.*"17:00-08:00"/],
    [{ timeZone: 'Europe/Stokholm' }, /timeZone.*IANA time zone.*"Europe\/Stokholm"/],
    [{ closedDates: ['2026-02-30'] }, /closedDates\[0\].*YYYY-MM-DD.*"2026-02-30"/],
    [{ shortDays: { '2026-01-05': '12' } }, /shortDays\.2026-01-05.*HH:MM.*"12"/],
    [{ evesAreWorkingDays: 'yes' }, /evesAreWorkingDays.*true or false.*"yes"/],
    [
      { openingHours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null } },
      /openingHours.*at least one weekday with opening hours/,
    ],
  ])('refuses %j with a RangeError naming the field, the expectation and the value', (options, message) => {
    expect(() => createWorkCalendar(options as never)).toThrow(RangeError);
    expect(() => createWorkCalendar(options as never)).toThrow(message);
  });
});

describe('calendars with the same options share one day table', () => {
  const friday = '2026-11-20';
  const ruleOf = (calendar: ReturnType<typeof createWorkCalendar>) => resolveCalendarRules(calendar.options, 'test');
  const tableOf = (calendar: ReturnType<typeof createWorkCalendar>) => (calendar as unknown as { table: unknown }).table;

  it('gives calendars made from equal options the same table, and others their own', () => {
    const organisation = { timeZone: 'Europe/Stockholm', openingHours: { fri: '08:00-16:00' } };
    const a = createWorkCalendar(organisation);
    const b = createWorkCalendar(mergeCalendarOptions(organisation, {}));
    const shortFriday = createWorkCalendar(mergeCalendarOptions(organisation, { openingHours: { fri: '08:00-12:00' } }));
    expect(tableOf(a)).toBe(tableOf(b));
    expect(tableOf(a)).toBe(sharedDayTable(ruleOf(a)));
    expect(tableOf(shortFriday)).not.toBe(tableOf(a));
    // Building one calendar's years first never leaks into the other's answers.
    expect(shortFriday.openingOn(friday)).toEqual({ open: '2026-11-20T08:00:00+01:00', close: '2026-11-20T12:00:00+01:00' });
    expect(a.openingOn(friday)).toEqual({ open: '2026-11-20T08:00:00+01:00', close: '2026-11-20T16:00:00+01:00' });
    expect(b.dueAtMs(Date.parse('2026-11-20T15:30:00+01:00'), hour)).toBe(Date.parse('2026-11-23T08:30:00+01:00'));
  });

  it('keeps a bounded number of tables, and a calendar whose table was let go still answers', () => {
    const first = createWorkCalendar({ closedDates: ['2026-12-28'] });
    for (let i = 0; i < SHARED_DAY_TABLES; i++) createWorkCalendar({ closedDates: [`2027-01-${String(i % 28 + 1).padStart(2, '0')}`], evesAreWorkingDays: i >= 28 });
    expect(sharedDayTable(ruleOf(first))).not.toBe(tableOf(first));
    expect(first.isWorkingDay('2026-12-28')).toBe(false);
    expect(first.isWorkingDay('2026-12-29')).toBe(true);
  });
});
