import type { WorkCalendar } from './createWorkCalendar.ts';
import { formatEpochDay, parseEpochDay } from './epochDays.ts';
import { parseInstantMs } from './parseInstantMs.ts';

export interface WorkingDayHours {
  date: string;
  openMs: number;
  closeMs: number;
}

/**
 * The next `count` working days of the calendar from `nowMs`: today when it is a working day that has
 * not closed yet (before opening counts), then the following ones. A calendar with fewer working days
 * in the coming year and the `count` weeks after it gives fewer days rather than searching forever.
 */
export function workingDaysAhead(calendar: WorkCalendar, nowMs: number, count: number): WorkingDayHours[] {
  const today = parseEpochDay(calendar.formatInstant(nowMs).slice(0, 10));
  if (today === undefined) throw new RangeError(`workingDaysAhead: cannot read the local date of ${nowMs}.`);
  const days: WorkingDayHours[] = [];
  for (let day = today; days.length < count && day <= today + 366 + 7 * count; day++) {
    const date = formatEpochDay(day);
    const hours = calendar.openingOn(date);
    if (hours === null) continue;
    const closeMs = parseInstantMs(hours.close);
    if (closeMs <= nowMs) continue;
    days.push({ date, openMs: parseInstantMs(hours.open), closeMs });
  }
  return days;
}
