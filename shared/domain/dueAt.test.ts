import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './createWorkCalendar.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { dueAt } from './dueAt.ts';
import { describePolicy, workedExamples } from './rulesExamples.fixture.ts';

const sameOrNextWorkingDay: DeadlinePolicy = { kind: 'sameOrNextWorkingDay' };
const workingDays = (days: number): DeadlinePolicy => ({ kind: 'workingDays', days });
const openingHours = (minutes: number): DeadlinePolicy => ({ kind: 'openingHours', minutes });

describe('dueAt on the worked examples of rules.md §5', () => {
  const calendar = createWorkCalendar();
  for (const [policy, received, due, what] of workedExamples) {
    it(`${describePolicy(policy)}: ${what} (${received} → ${due})`, () => {
      expect(dueAt(received, policy, calendar)).toBe(due);
    });
  }
});

describe('dueAt', () => {
  const calendar = createWorkCalendar();

  it('formats the due time exactly as YYYY-MM-DDTHH:MM:SS±HH:MM', () => {
    expect(dueAt('2026-11-17T10:00:00+01:00', workingDays(1), calendar)).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
    );
  });

  it('gives the same due time for the same instant written with different offsets', () => {
    expect(dueAt('2026-11-17T09:10:00Z', openingHours(60), calendar)).toBe(
      dueAt('2026-11-17T10:10:00+01:00', openingHours(60), calendar),
    );
    expect(dueAt('2026-11-17T04:10:00-05:00', openingHours(60), calendar)).toBe('2026-11-17T11:10:00+01:00');
  });

  it('keeps milliseconds only when the due instant has them', () => {
    expect(dueAt('2026-11-17T10:00:00.250+01:00', openingHours(60), calendar)).toBe(
      '2026-11-17T11:00:00.25+01:00',
    );
    expect(dueAt('2026-11-17T10:00:00.250+01:00', sameOrNextWorkingDay, calendar)).toBe(
      '2026-11-18T17:00:00+01:00',
    );
  });

  it('accepts Graph-style timestamps with seven fractional digits', () => {
    expect(dueAt('2026-11-17T09:10:00.0000000Z', openingHours(60), calendar)).toBe(
      '2026-11-17T11:10:00+01:00',
    );
  });

  it('counts workingDays from the opening when the message arrives exactly at opening time', () => {
    expect(dueAt('2026-11-17T08:00:00+01:00', workingDays(1), calendar)).toBe('2026-11-18T08:00:00+01:00');
  });

  it('counts the date of the message in the calendar zone, not in UTC', () => {
    // 23:30 UTC on Monday is already Tuesday 00:30 in Stockholm.
    expect(dueAt('2026-11-16T23:30:00Z', sameOrNextWorkingDay, calendar)).toBe('2026-11-18T17:00:00+01:00');
  });

  it('is due at the closing time when the target day of workingDays closes earlier', () => {
    const shortFriday = createWorkCalendar({ openingHours: { fri: '08:00-12:00' } });
    expect(dueAt('2026-11-19T15:00:00+01:00', workingDays(1), shortFriday)).toBe('2026-11-20T12:00:00+01:00');
  });

  it('is due at the opening time when the target day of workingDays opens later (a documented choice)', () => {
    const lateTuesday = createWorkCalendar({ openingHours: { tue: '10:00-17:00' } });
    expect(dueAt('2026-11-16T08:30:00+01:00', workingDays(1), lateTuesday)).toBe('2026-11-17T10:00:00+01:00');
  });

  it('reaches into the next year when it has to', () => {
    expect(dueAt('2026-12-30T16:30:00+01:00', openingHours(60), calendar)).toBe('2027-01-04T08:30:00+01:00');
    expect(dueAt('2026-12-30T10:00:00+01:00', workingDays(2), calendar)).toBe('2027-01-05T10:00:00+01:00');
  });

  it('handles a long openingHours policy spanning weeks', () => {
    // 45 hours are five 9-hour days: from Monday's opening they run out exactly at Friday's closing.
    expect(dueAt('2026-11-16T08:00:00+01:00', openingHours(45 * 60), calendar)).toBe(
      '2026-11-20T17:00:00+01:00',
    );
  });

  it.each([
    '2026-11-17T10:00:00',
    '2026-11-17',
    'yesterday',
    '2026-13-01T10:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-11-17T25:00:00Z',
  ])('refuses the received time %j with a RangeError that shows it and a good example', (received) => {
    expect(() => dueAt(received, sameOrNextWorkingDay, calendar)).toThrow(RangeError);
    expect(() => dueAt(received, sameOrNextWorkingDay, calendar)).toThrow(JSON.stringify(received));
    expect(() => dueAt(received, sameOrNextWorkingDay, calendar)).toThrow('2026-11-17T10:00:00+01:00');
  });

  it('tells how to fix a received time without an offset', () => {
    expect(() => dueAt('2026-11-17T10:00:00', sameOrNextWorkingDay, calendar)).toThrow(/add "Z" for UTC/);
  });

  it.each([
    [{ kind: 'workingDays', days: 0 }, /days/],
    [{ kind: 'workingDays', days: 1.5 }, /days/],
    [{ kind: 'openingHours', minutes: -5 }, /minutes/],
    [{ kind: 'weeks', weeks: 1 }, /kind/],
  ])('refuses the invalid policy %j with a RangeError', (policy, message) => {
    expect(() => dueAt('2026-11-17T10:00:00+01:00', policy as DeadlinePolicy, calendar)).toThrow(RangeError);
    expect(() => dueAt('2026-11-17T10:00:00+01:00', policy as DeadlinePolicy, calendar)).toThrow(message);
  });

  it('refuses instants outside 1900–2200 with a RangeError naming the range', () => {
    expect(() => dueAt('1899-06-01T10:00:00Z', sameOrNextWorkingDay, calendar)).toThrow(/1900–2200/);
    expect(() => dueAt('2200-12-31T10:00:00Z', sameOrNextWorkingDay, calendar)).toThrow(/2200/);
  });
});
