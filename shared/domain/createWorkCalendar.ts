import { resolveCalendarRules } from './CalendarRules.ts';
import type { CalendarRules } from './CalendarRules.ts';
import { computeDueMs } from './computeDueMs.ts';
import { DayTable } from './DayTable.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { parseEpochDay } from './epochDays.ts';
import { parseInstantMs } from './parseInstantMs.ts';
import type { ResolvedCalendarOptions, WorkCalendarOptions } from './WorkCalendarOptions.ts';

/**
 * The working-day calendar of an organisation or a mailbox (rules.md §2). Dates are `YYYY-MM-DD` in the
 * calendar's zone; instants are ISO 8601 strings with an offset or `Z`, and come back with the zone's
 * offset (`2026-03-30T08:00:00+02:00`). The `…Ms` methods are the same questions on epoch milliseconds,
 * for callers on a hot path (the sync layer, the benchmark) that want to skip parsing and formatting.
 * Supported: local years 1900–2200; anything outside throws a RangeError.
 */
export interface WorkCalendar {
  readonly timeZone: string;
  /** The options in use, every default filled in. */
  readonly options: ResolvedCalendarOptions;
  /** Whether the date has opening hours: its weekday has hours and it is no holiday, eve or closed date. */
  isWorkingDay(date: string): boolean;
  /** Opening and closing instant of a working day; `null` on other days. */
  openingOn(date: string): { open: string; close: string } | null;
  /**
   * The first instant ≥ `instant` that is within opening hours: `instant` itself (in the zone's offset)
   * when it is within opening hours (`open ≤ t < close`), else the next opening.
   */
  nextOpening(instant: string): string;
  /** Minutes of opening hours in [from, to); 0 when `to ≤ from`. Fractional when the inputs have seconds. */
  openMinutesBetween(from: string, to: string): number;

  /** `nextOpening` on epoch milliseconds. */
  nextOpeningMs(epochMs: number): number;
  /** Milliseconds of opening hours in [fromMs, toMs); 0 when `toMs ≤ fromMs`. */
  openDurationMs(fromMs: number, toMs: number): number;
  /** The due instant of a message received at `receivedMs`, rules.md §5. */
  dueAtMs(receivedMs: number, policy: DeadlinePolicy): number;
  /** An instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the calendar's zone (`.sss` only when not zero). */
  formatInstant(epochMs: number): string;
}

function invalidDate(date: string): never {
  throw new RangeError(`Expected a date YYYY-MM-DD such as "2026-11-17"; got ${JSON.stringify(date)}.`);
}

/** At most this many day tables are kept (the oldest made goes first); a municipality has a handful. */
export const SHARED_DAY_TABLES = 32;
const dayTables = new Map<string, DayTable>();

/**
 * The day table of a calendar's rules, shared by every calendar with the same resolved options. Most
 * mailboxes have the organisation's calendar, so a local year is built once, not once per mailbox (a
 * year costs about 5 ms on a cold page). A table depends on its rules only and grows lazily, in one
 * synchronous call at a time, so sharing it changes no answer.
 */
export function sharedDayTable(rules: CalendarRules): DayTable {
  const key = JSON.stringify([rules.timeZone, rules.options]);
  let table = dayTables.get(key);
  if (!table) {
    if (dayTables.size >= SHARED_DAY_TABLES) dayTables.delete(dayTables.keys().next().value!);
    table = new DayTable(rules);
    dayTables.set(key, table);
  }
  return table;
}

class DayTableCalendar implements WorkCalendar {
  readonly timeZone: string;
  readonly options: ResolvedCalendarOptions;
  private readonly table: DayTable;

  constructor(options: WorkCalendarOptions) {
    const rules = resolveCalendarRules(options, 'createWorkCalendar');
    this.timeZone = rules.timeZone;
    this.options = rules.options;
    this.table = sharedDayTable(rules);
  }

  private workingInterval(date: string): number | undefined {
    const epochDay = typeof date === 'string' ? parseEpochDay(date) : undefined;
    if (epochDay === undefined) invalidDate(date);
    const table = this.table;
    const i = table.dayIndexOfDate(epochDay);
    const k = table.dayWork[i]!;
    return k < table.wCount && table.wDay[k] === i ? k : undefined;
  }

  isWorkingDay(date: string): boolean {
    return this.workingInterval(date) !== undefined;
  }

  openingOn(date: string): { open: string; close: string } | null {
    const k = this.workingInterval(date);
    if (k === undefined) return null;
    const open = this.table.wOpen[k]!;
    const close = this.table.wClose[k]!;
    return { open: this.table.format(open), close: this.table.format(close) };
  }

  nextOpening(instant: string): string {
    return this.table.format(this.nextOpeningMs(parseInstantMs(instant)));
  }

  openMinutesBetween(from: string, to: string): number {
    return this.openDurationMs(parseInstantMs(from), parseInstantMs(to)) / 60_000;
  }

  nextOpeningMs(epochMs: number): number {
    const table = this.table;
    const k = table.intervalAtOrAfter(epochMs, table.dayIndexOf(epochMs));
    return Math.max(epochMs, table.wOpen[k]!);
  }

  openDurationMs(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs)) {
      if (Number.isNaN(fromMs) || Number.isNaN(toMs))
        throw new RangeError('openDurationMs: expected finite epoch milliseconds; got NaN.');
      return 0;
    }
    const table = this.table;
    const fromDay = table.dayIndexOf(fromMs);
    const toDay = table.dayIndexOf(toMs); // toMs > fromMs: may only append, so fromDay stays valid
    return table.cumAt(toMs, toDay) - table.cumAt(fromMs, fromDay);
  }

  dueAtMs(receivedMs: number, policy: DeadlinePolicy): number {
    return computeDueMs(this.table, receivedMs, policy);
  }

  formatInstant(epochMs: number): string {
    return this.table.format(epochMs);
  }
}

/**
 * A working-day calendar. Without options: Europe/Stockholm, Monday–Friday 08:00–17:00, Swedish public
 * holidays and the eves midsommarafton, julafton and nyårsafton closed (rules.md §2). Invalid options
 * throw a RangeError that names the field, the expectation and the value found; validate untrusted
 * configuration with `parseCalendarOptions` first.
 *
 * Creating a calendar is cheap: its day table is built a year at a time, when first needed (about a
 * millisecond per year). Reuse one calendar per organisation or mailbox rather than one per message.
 */
export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  return new DayTableCalendar(options);
}
