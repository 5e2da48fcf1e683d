import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './createWorkCalendar.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { deadlineState, deadlineStateMs } from './deadlineState.ts';
import { parseInstantMs } from './parseInstantMs.ts';
import { stateExample } from './rulesExamples.fixture.ts';

const calendar = createWorkCalendar();
const sameOrNextWorkingDay: DeadlinePolicy = { kind: 'sameOrNextWorkingDay' };

describe('deadlineState on the state examples of rules.md §5', () => {
  for (const [when, now, state] of stateExample.states) {
    it(`is ${state} at ${when} for a message received Tuesday 10:00 and due Wednesday 17:00`, () => {
      expect(deadlineState(stateExample.received, now, stateExample.policy, calendar)).toMatchObject({
        due: stateExample.due,
        state,
      });
    });
  }
});

describe('deadlineState', () => {
  it('counts the opening-hours minutes left, not the clock minutes', () => {
    // Tue 12:00 → Tue 17:00 is 300 minutes, Wed 08:00 → 17:00 is 540 more; the night does not count.
    expect(
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-17T12:00:00+01:00', sameOrNextWorkingDay, calendar),
    ).toEqual({
      due: '2026-11-18T17:00:00+01:00',
      state: 'ok',
      openMinutesLeft: 840,
    });
  });

  it('reports no minutes left once overdue', () => {
    expect(
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-20T10:00:00+01:00', sameOrNextWorkingDay, calendar)
        .openMinutesLeft,
    ).toBe(0);
  });

  it('warns 120 opening-hours minutes ahead by default for day-based policies', () => {
    const policy: DeadlinePolicy = { kind: 'workingDays', days: 1 };
    expect(
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-18T07:59:00+01:00', policy, calendar).state,
    ).toBe('approaching');
    expect(
      deadlineState('2026-11-16T16:00:00+01:00', '2026-11-17T09:59:00+01:00', policy, calendar).state,
    ).toBe('ok');
  });

  it('warns 15 opening-hours minutes ahead by default for openingHours', () => {
    const policy: DeadlinePolicy = { kind: 'openingHours', minutes: 60 };
    expect(
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-17T10:44:00+01:00', policy, calendar).state,
    ).toBe('ok');
    expect(
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-17T10:45:00+01:00', policy, calendar).state,
    ).toBe('approaching');
  });

  it('uses the policy warnBefore when given', () => {
    const policy: DeadlinePolicy = { kind: 'sameOrNextWorkingDay', warnBefore: 30 };
    expect(
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-18T16:29:00+01:00', policy, calendar).state,
    ).toBe('ok');
    expect(
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-18T16:30:00+01:00', policy, calendar).state,
    ).toBe('approaching');
  });

  it('is approaching overnight before a morning deadline, since closed hours do not count', () => {
    // Due Wed 10:00 (workingDays 1). Tue 19:00: only Wed 08:00–10:00 = 120 opening minutes remain.
    const state = deadlineState(
      '2026-11-17T10:00:00+01:00',
      '2026-11-17T19:00:00+01:00',
      { kind: 'workingDays', days: 1 },
      calendar,
    );
    expect(state).toEqual({ due: '2026-11-18T10:00:00+01:00', state: 'approaching', openMinutesLeft: 120 });
  });

  it('gives the same answer on epoch milliseconds', () => {
    const received = parseInstantMs('2026-11-17T10:00:00+01:00');
    const now = parseInstantMs('2026-11-18T15:00:00+01:00');
    expect(deadlineStateMs(received, now, sameOrNextWorkingDay, calendar)).toEqual({
      dueMs: parseInstantMs('2026-11-18T17:00:00+01:00'),
      state: 'approaching',
      openMinutesLeft: 120,
    });
  });

  it('refuses a negative warnBefore with a RangeError', () => {
    expect(() =>
      deadlineState(
        '2026-11-17T10:00:00+01:00',
        '2026-11-17T12:00:00+01:00',
        { kind: 'sameOrNextWorkingDay', warnBefore: -1 },
        calendar,
      ),
    ).toThrow(/warnBefore/);
  });

  it('refuses a now without an offset with a RangeError showing it', () => {
    expect(() =>
      deadlineState('2026-11-17T10:00:00+01:00', '2026-11-17 12:00', sameOrNextWorkingDay, calendar),
    ).toThrow(/"2026-11-17 12:00"/);
  });
});
