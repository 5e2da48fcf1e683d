import type { CalendarRules } from './CalendarRules.ts';
import { MS_PER_DAY, daysFromCivil, formatEpochDay, weekdayOfDays } from './epochDays.ts';
import { formatOffset } from './formatInstant.ts';
import { swedishHolidayDays } from './swedishHolidays.ts';
import { zoneOffsetsFor } from './ZoneOffsets.ts';
import type { ZoneOffsets } from './ZoneOffsets.ts';

/** One local year of a calendar, as numbers: what the day table concatenates. */
export interface YearDays {
  year: number;
  /** Epoch day of 1 January. */
  firstDay: number;
  count: number;
  /** Epoch ms at which each local day starts; one extra entry: the start of the next year. */
  dayStart: Float64Array;
  /** The day's UTC offset in ms when it is the same all day long; NaN on days near an offset change. */
  offset: Float64Array;
  /** Opening and closing instant (epoch ms) of working days; NaN on other days. */
  open: Float64Array;
  close: Float64Array;
  /** `YYYY-MM-DDT` of each day, and `±HH:MM` of its offset ('' near an offset change): for formatting. */
  datePrefix: string[];
  offsetText: string[];
}

const MS_PER_MINUTE = 60_000;

/**
 * The instants a local wall-clock time (epoch ms of the wall clock read as UTC) can mean: one, two in a
 * repeated hour (earlier first), none in a skipped one. Temporal's way (the Temporal polyfill's
 * `getPossibleEpochNanoseconds`): compare the offsets a day before and a day after, then check which of
 * them gives the wall time back. Offsets and transitions are whole seconds, so milliseconds carry over.
 */
function possibleInstants(wallMs: number, zone: ZoneOffsets): number[] {
  const before = zone.offsetAt(wallMs - MS_PER_DAY);
  const after = zone.offsetAt(wallMs + MS_PER_DAY);
  if (before === after) return [wallMs - before];
  const narrow = zone.offsetAt(wallMs - before);
  if (narrow === zone.offsetAt(wallMs - after)) return [wallMs - narrow];
  return before > after ? [wallMs - before, wallMs - after] : [];
}

/**
 * The instant a local wall-clock time on a date happens, Temporal's way: `disambiguation: 'compatible'`,
 * so a time skipped by a spring-forward change (02:30 on the last Sunday of March in Stockholm) moves
 * forward by the gap (03:30) and a repeated time (02:30 in October) means the earlier one. This is the
 * RFC 5545 / `Temporal` default and the behaviour of people's wall clocks.
 */
export function wallTimeToEpochMs(epochDay: number, msOfDay: number, timeZone: string): number {
  const zone = zoneOffsetsFor(timeZone);
  const wallMs = epochDay * MS_PER_DAY + msOfDay;
  const possible = possibleInstants(wallMs, zone);
  if (possible.length > 0) return possible[0]!;
  // In a gap: move the wall time forward by the gap's length and take the later reading of that.
  const gap = zone.offsetAt(wallMs + MS_PER_DAY) - zone.offsetAt(wallMs - MS_PER_DAY);
  const shifted = possibleInstants(wallMs + gap, zone);
  return shifted[shifted.length - 1]!;
}

/** The first instant of a local date (not always 00:00: some zones changed offset at midnight). */
export function startOfDayEpochMs(epochDay: number, timeZone: string): number {
  const zone = zoneOffsetsFor(timeZone);
  const wallMidnight = epochDay * MS_PER_DAY;
  const possible = possibleInstants(wallMidnight, zone);
  if (possible.length > 0) return possible[0]!;
  // Midnight was skipped: the day starts at the change that skipped it.
  return zone.nextTransitionAfter(wallMidnight - MS_PER_DAY, wallMidnight + MS_PER_DAY)!;
}

/** Whether a date is closed by rule: a weekday without hours, a public holiday, an eve, a closed date. */
function isClosedByRule(
  epochDay: number,
  rules: CalendarRules,
  holidays: ReadonlyMap<number, 'public' | 'eve'>,
): boolean {
  if (rules.week[weekdayOfDays(epochDay)] === null || rules.closedDays.has(epochDay)) return true;
  const holiday = holidays.get(epochDay);
  return holiday === 'public' || (holiday === 'eve' && !rules.evesAreWorkingDays);
}

/**
 * Builds the days of one local year. On a day whose offset is constant (every day but a few around each
 * DST change) the arithmetic is `local midnight − offset`; around a change every instant comes from
 * the zone's transitions the way Temporal resolves wall times, so the result is exactly what the
 * straightforward Temporal implementation computes.
 */
export function buildYearDays(year: number, rules: CalendarRules, zone: ZoneOffsets): YearDays {
  const firstDay = daysFromCivil(year, 1, 1);
  const count = daysFromCivil(year + 1, 1, 1) - firstDay;
  zone.cover((firstDay - 2) * MS_PER_DAY, (firstDay + count + 3) * MS_PER_DAY);
  const holidays = new Map<number, 'public' | 'eve'>();
  for (const holiday of swedishHolidayDays(year)) {
    if (holidays.get(holiday.epochDay) !== 'public') holidays.set(holiday.epochDay, holiday.kind);
  }

  const dayStart = new Float64Array(count + 1);
  const offset = new Float64Array(count).fill(Number.NaN);
  for (let j = 0; j <= count; j++) {
    const wallMidnight = (firstDay + j) * MS_PER_DAY;
    // UTC offsets lie within ±1 day, so a day whose window of ±1 day has no transition is uniform.
    if (!zone.hasTransitionIn(wallMidnight - MS_PER_DAY, wallMidnight + 2 * MS_PER_DAY)) {
      const dayOffset = zone.offsetAt(wallMidnight);
      dayStart[j] = wallMidnight - dayOffset;
      if (j < count) offset[j] = dayOffset;
    } else {
      dayStart[j] = startOfDayEpochMs(firstDay + j, rules.timeZone);
    }
  }

  const open = new Float64Array(count).fill(Number.NaN);
  const close = new Float64Array(count).fill(Number.NaN);
  for (let j = 0; j < count; j++) {
    const epochDay = firstDay + j;
    if (isClosedByRule(epochDay, rules, holidays)) continue;
    const hours = rules.week[weekdayOfDays(epochDay)]!;
    const closeMinute = Math.min(hours.close, rules.shortDays.get(epochDay) ?? hours.close);
    if (closeMinute <= hours.open) continue; // a short day closing before it opens is a closed day
    let opens: number;
    let closes: number;
    if (!Number.isNaN(offset[j]!)) {
      opens = dayStart[j]! + hours.open * MS_PER_MINUTE;
      closes = dayStart[j]! + closeMinute * MS_PER_MINUTE;
    } else {
      // Opening hours belong to their date: clamp to the day (matters only in zones that skipped a day).
      opens = Math.max(dayStart[j]!, wallTimeToEpochMs(epochDay, hours.open * MS_PER_MINUTE, rules.timeZone));
      closes = Math.min(
        dayStart[j + 1]!,
        wallTimeToEpochMs(epochDay, closeMinute * MS_PER_MINUTE, rules.timeZone),
      );
    }
    if (opens < closes) {
      open[j] = opens;
      close[j] = closes;
    }
  }
  const datePrefix: string[] = [];
  const offsetText: string[] = [];
  for (let j = 0; j < count; j++) {
    datePrefix.push(`${formatEpochDay(firstDay + j)}T`);
    offsetText.push(
      Number.isNaN(offset[j]!)
        ? ''
        : j > 0 && offset[j] === offset[j - 1]
          ? offsetText[j - 1]!
          : formatOffset(offset[j]!),
    );
  }
  return { year, firstDay, count, dayStart, offset, open, close, datePrefix, offsetText };
}
