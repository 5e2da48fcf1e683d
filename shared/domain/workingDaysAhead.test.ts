import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './createWorkCalendar.ts';
import type { WorkCalendar } from './createWorkCalendar.ts';
import { parseInstantMs } from './parseInstantMs.ts';
import { workingDaysAhead } from './workingDaysAhead.ts';

const calendar = createWorkCalendar();
const dates = (now: string, count: number) =>
  workingDaysAhead(calendar, parseInstantMs(now), count).map((day) => day.date);

describe('workingDaysAhead', () => {
  it('includes today before opening and while open', () => {
    expect(dates('2026-11-17T06:00:00+01:00', 2)).toEqual(['2026-11-17', '2026-11-18']);
    expect(dates('2026-11-17T16:59:00+01:00', 1)).toEqual(['2026-11-17']);
  });

  it('starts with the next working day once today has closed', () => {
    expect(dates('2026-11-20T17:00:00+01:00', 1)).toEqual(['2026-11-23']);
  });

  it('reads the date in the calendar zone, not in UTC', () => {
    // 23:30 UTC on Monday is already Tuesday in Stockholm.
    expect(dates('2026-11-16T23:30:00Z', 1)).toEqual(['2026-11-17']);
  });

  it('gives the opening and closing instants of each day', () => {
    expect(workingDaysAhead(calendar, parseInstantMs('2026-03-27T12:00:00+01:00'), 2)).toEqual([
      {
        date: '2026-03-27',
        openMs: parseInstantMs('2026-03-27T08:00:00+01:00'),
        closeMs: parseInstantMs('2026-03-27T17:00:00+01:00'),
      },
      {
        date: '2026-03-30',
        openMs: parseInstantMs('2026-03-30T08:00:00+02:00'),
        closeMs: parseInstantMs('2026-03-30T17:00:00+02:00'),
      },
    ]);
  });

  it('gives up rather than search forever in a calendar without working days', () => {
    // createWorkCalendar refuses such options, but a caller's own WorkCalendar may still have none.
    const closed: WorkCalendar = Object.assign(Object.create(calendar) as WorkCalendar, {
      openingOn: () => null,
    });
    expect(workingDaysAhead(closed, parseInstantMs('2026-11-17T06:00:00+01:00'), 3)).toEqual([]);
  });

  it('gives no days when none are asked for', () => {
    expect(dates('2026-11-17T06:00:00+01:00', 0)).toEqual([]);
  });
});
