import type { DayTable } from './DayTable.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { wallTimeToEpochMs } from './buildYearDays.ts';
import { MS_PER_DAY } from './epochDays.ts';

const MS_PER_MINUTE = 60_000;

function invalidPolicy(policy: DeadlinePolicy, expected: string): never {
  throw new RangeError(
    `Invalid deadline policy ${JSON.stringify(policy)}: expected ${expected}. Use a preset from \`policyPresets\` or validate configuration with \`parseDeadlinePolicy\`.`,
  );
}

/**
 * `workingDays`: the instant on the day of interval `target` at the local clock time of `start` (which
 * lies in interval `from`), but no earlier than that day's opening and no later than its closing.
 * Clamping to the opening is this engine's reading of rules.md §5 for days that open later than the
 * clock time (possible when opening hours differ per weekday): the due time stays within opening hours,
 * and no opening-hours time is lost or gained compared with the literal clock time.
 */
function atSameClockTime(table: DayTable, start: number, from: number, target: number): number {
  const startDay = table.wDay[from]!;
  const targetDay = table.wDay[target]!;
  const clock = start + table.offsetOn(start, startDay) - (table.firstDay + startDay) * MS_PER_DAY;
  const candidate = Number.isNaN(table.dayOffset[targetDay]!)
    ? wallTimeToEpochMs(table.firstDay + targetDay, clock, table.rules.timeZone)
    : table.dayStart[targetDay]! + clock;
  const open = table.wOpen[target]!;
  const close = table.wClose[target]!;
  return candidate <= open ? open : candidate >= close ? close : candidate;
}

/** The due instant (epoch ms) of a message received at `received` (epoch ms), rules.md §5. */
export function computeDueMs(table: DayTable, received: number, policy: DeadlinePolicy): number {
  switch (policy.kind) {
    case 'sameOrNextWorkingDay': {
      // The closing time of the first working day strictly after the local date of `received`.
      const day = table.dayIndexOf(received);
      const k = table.dayWork[day + 1]!;
      table.ensureInterval(k);
      return table.wClose[k]!;
    }
    case 'workingDays': {
      const days = policy.days;
      if (!(Number.isInteger(days) && days >= 1)) invalidPolicy(policy, '`days` to be a whole number ≥ 1');
      // s = `received` when within opening hours, else the next opening; due n working days later.
      const day = table.dayIndexOf(received);
      const from = table.intervalAtOrAfter(received, day);
      const start = Math.max(received, table.wOpen[from]!);
      const target = from + days;
      table.ensureInterval(target);
      return atSameClockTime(table, start, from, target);
    }
    case 'openingHours': {
      const minutes = policy.minutes;
      if (!(Number.isInteger(minutes) && minutes >= 1))
        invalidPolicy(policy, '`minutes` to be a whole number ≥ 1');
      const day = table.dayIndexOf(received);
      const goal = table.cumAt(received, day) + minutes * MS_PER_MINUTE;
      table.ensureCum(goal);
      // The first interval k whose end reaches the goal: wCum[k] < goal ≤ wCum[k + 1]. Running out exactly
      // at a closing time gives that closing time, not the next opening.
      const cum = table.wCum;
      let k = table.dayWork[day]!;
      let steps = 0;
      while (cum[k + 1]! < goal && steps < 8) {
        k++;
        steps++;
      }
      if (cum[k + 1]! < goal) {
        let hi = table.wCount - 1;
        while (k < hi) {
          const mid = (k + hi) >>> 1;
          if (cum[mid + 1]! < goal) k = mid + 1;
          else hi = mid;
        }
      }
      return table.wOpen[k]! + (goal - cum[k]!);
    }
    default:
      return invalidPolicy(policy, 'kind "sameOrNextWorkingDay", "workingDays" or "openingHours"');
  }
}
