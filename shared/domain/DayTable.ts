import { buildYearDays } from './buildYearDays.ts';
import type { YearDays } from './buildYearDays.ts';
import type { CalendarRules } from './CalendarRules.ts';
import { MS_PER_DAY, civilFromDays, formatEpochDay } from './epochDays.ts';
import { formatOffset, formatTimeOfDay } from './formatInstant.ts';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './swedishHolidays.ts';
import { zoneOffsetsFor } from './ZoneOffsets.ts';
import type { ZoneOffsets } from './ZoneOffsets.ts';

/**
 * The precomputed calendar behind a WorkCalendar: a contiguous run of whole local years, built lazily
 * (a year at a time, when an instant or a deadline first needs it), flattened into typed arrays:
 *
 * - per day `i`: `dayStart[i]` (epoch ms, plus one entry for the end), `dayOffset[i]` (NaN near a DST
 *   change), `datePrefix[i]` (`YYYY-MM-DDT`), `dayWork[i]` (index of the first working interval on a day
 *   ≥ i; `n + 1` entries);
 * - per working interval `k` (one per working day, in order): `wOpen[k]`, `wClose[k]`, `wDay[k]`, and
 *   `wCum[k]`, the opening-hours milliseconds before it (prefix sums, `wCount + 1` entries).
 *
 * Every deadline question is then an O(1) day lookup, a few array reads and at most a short binary
 * search. Index stability: extending the table at the end keeps all indices; extending at the front
 * shifts them, which only `dayIndexOf` may do, so every operation must call it first (before it holds
 * any index) — operations that need later days extend with `ensureInterval`, which only appends.
 *
 * Typed-array reads carry `!`: `noUncheckedIndexedAccess` types them `number | undefined`, and the
 * indices here are in range by construction.
 */
export class DayTable {
  readonly zone: ZoneOffsets;
  private readonly years = new Map<number, YearDays>();
  private firstYear = 0;
  private lastYear = -1;

  firstDay = 0;
  n = 0;
  startMs = Number.NaN;
  endMs = Number.NaN;
  dayStart = new Float64Array(1);
  dayOffset = new Float64Array(0);
  offsetText: string[] = [];
  datePrefix: string[] = [];
  dayWork = new Int32Array(1);
  wOpen = new Float64Array(0);
  wClose = new Float64Array(0);
  wDay = new Int32Array(0);
  wCum = new Float64Array(1);
  wCount = 0;

  constructor(readonly rules: CalendarRules) {
    this.zone = zoneOffsetsFor(rules.timeZone);
  }

  /** Makes the table cover the local years [from, to] (within 1900–2200). */
  coverYears(from: number, to: number): void {
    const first = this.lastYear < this.firstYear ? from : Math.min(from, this.firstYear);
    const last = this.lastYear < this.firstYear ? to : Math.max(to, this.lastYear);
    if (first === this.firstYear && last === this.lastYear) return;
    for (let year = first; year <= last; year++) {
      if (!this.years.has(year)) this.years.set(year, buildYearDays(year, this.rules, this.zone));
    }
    this.firstYear = first;
    this.lastYear = last;
    this.flatten();
  }

  private flatten(): void {
    const years: YearDays[] = [];
    for (let year = this.firstYear; year <= this.lastYear; year++) years.push(this.years.get(year)!);
    const n = years.reduce((sum, year) => sum + year.count, 0);
    let working = 0;
    for (const year of years) for (const open of year.open) if (!Number.isNaN(open)) working++;

    const dayStart = new Float64Array(n + 1);
    const dayOffset = new Float64Array(n);
    const offsetText: string[] = new Array<string>(n);
    const datePrefix: string[] = new Array<string>(n);
    const dayWork = new Int32Array(n + 1);
    const wOpen = new Float64Array(working);
    const wClose = new Float64Array(working);
    const wDay = new Int32Array(working);
    const wCum = new Float64Array(working + 1);
    let i = 0;
    let k = 0;
    for (const year of years) {
      for (let j = 0; j < year.count; j++, i++) {
        dayStart[i] = year.dayStart[j]!;
        dayOffset[i] = year.offset[j]!;
        offsetText[i] = year.offsetText[j]!;
        datePrefix[i] = year.datePrefix[j]!;
        dayWork[i] = k;
        const open = year.open[j]!;
        if (!Number.isNaN(open)) {
          wOpen[k] = open;
          wClose[k] = year.close[j]!;
          wDay[k] = i;
          wCum[k + 1] = wCum[k]! + (year.close[j]! - open);
          k++;
        }
      }
    }
    const lastYear = years[years.length - 1]!;
    dayStart[n] = lastYear.dayStart[lastYear.count]!;
    dayWork[n] = k;

    this.firstDay = years[0]!.firstDay;
    this.n = n;
    this.startMs = dayStart[0]!;
    this.endMs = dayStart[n]!;
    this.dayStart = dayStart;
    this.dayOffset = dayOffset;
    this.offsetText = offsetText;
    this.datePrefix = datePrefix;
    this.dayWork = dayWork;
    this.wOpen = wOpen;
    this.wClose = wClose;
    this.wDay = wDay;
    this.wCum = wCum;
    this.wCount = working;
  }

  private coverInstant(epochMs: number): void {
    if (!Number.isFinite(epochMs))
      throw new RangeError(`Expected an instant as finite epoch milliseconds; got ${String(epochMs)}.`);
    const from = civilFromDays(Math.floor(epochMs / MS_PER_DAY) - 1).year;
    const to = civilFromDays(Math.floor(epochMs / MS_PER_DAY) + 1).year;
    if (to >= FIRST_SUPPORTED_YEAR && from <= LAST_SUPPORTED_YEAR) {
      this.coverYears(Math.max(from, FIRST_SUPPORTED_YEAR), Math.min(to, LAST_SUPPORTED_YEAR));
    }
    if (!(epochMs >= this.startMs && epochMs < this.endMs)) {
      throw new RangeError(
        `The instant ${Math.abs(epochMs) < 8.64e15 ? new Date(epochMs).toISOString() : `${epochMs} ms`} lies outside the years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR} the working-day calendar supports.`,
      );
    }
  }

  /** Index of the local day containing an instant. May extend the table at either end. */
  dayIndexOf(epochMs: number): number {
    if (!(epochMs >= this.startMs && epochMs < this.endMs)) this.coverInstant(epochMs);
    const dayStart = this.dayStart;
    let i = Math.floor((epochMs - this.startMs) / MS_PER_DAY);
    if (i >= this.n) i = this.n - 1;
    while (dayStart[i]! > epochMs) i--;
    while (dayStart[i + 1]! <= epochMs) i++;
    return i;
  }

  /** Index of a local date (epoch day). May extend the table at either end. */
  dayIndexOfDate(epochDay: number): number {
    const { year } = civilFromDays(epochDay);
    if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
      throw new RangeError(
        `The date ${formatEpochDay(epochDay)} lies outside the years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR} the working-day calendar supports.`,
      );
    }
    if (epochDay < this.firstDay || epochDay >= this.firstDay + this.n) this.coverYears(year, year);
    return epochDay - this.firstDay;
  }

  /** Makes working interval `k` exist, appending years. Keeps every index. */
  ensureInterval(k: number): void {
    while (k >= this.wCount) this.appendYear();
  }

  /** Makes the prefix sums reach `cumMs`, appending years. Keeps every index. */
  ensureCum(cumMs: number): void {
    while (this.wCum[this.wCount]! < cumMs) this.appendYear();
  }

  private appendYear(): void {
    if (this.lastYear >= LAST_SUPPORTED_YEAR) {
      throw new RangeError(
        `The deadline falls after ${LAST_SUPPORTED_YEAR}, the last year the working-day calendar supports (or the calendar has no working day left).`,
      );
    }
    this.coverYears(this.firstYear, this.lastYear + 1);
  }

  /** Opening-hours milliseconds before `epochMs` since the table start; `i` = its day index. */
  cumAt(epochMs: number, i: number): number {
    const k = this.dayWork[i]!;
    if (k < this.wCount && this.wDay[k] === i) {
      const open = this.wOpen[k]!;
      if (epochMs <= open) return this.wCum[k]!;
      if (epochMs >= this.wClose[k]!) return this.wCum[k + 1]!;
      return this.wCum[k]! + (epochMs - open);
    }
    return this.wCum[k]!;
  }

  /** The working interval containing `epochMs` or, when it is outside opening hours, the next one. */
  intervalAtOrAfter(epochMs: number, i: number): number {
    let k = this.dayWork[i]!;
    this.ensureInterval(k);
    if (this.wDay[k] === i && epochMs >= this.wClose[k]!) {
      k += 1;
      this.ensureInterval(k);
    }
    return k;
  }

  /** The UTC offset (ms) of an instant on day `i`. */
  offsetOn(epochMs: number, i: number): number {
    const offset = this.dayOffset[i]!;
    return Number.isNaN(offset) ? this.zone.offsetAt(epochMs) : offset;
  }

  /** `YYYY-MM-DDTHH:MM:SS±HH:MM` of an instant in this calendar's zone. */
  format(epochMs: number): string {
    const i = this.dayIndexOf(epochMs);
    const offset = this.dayOffset[i]!;
    if (Number.isNaN(offset)) {
      const zoneOffset = this.zone.offsetAt(epochMs);
      const wall = epochMs + zoneOffset;
      const epochDay = Math.floor(wall / MS_PER_DAY);
      return `${formatEpochDay(epochDay)}T${formatTimeOfDay(wall - epochDay * MS_PER_DAY)}${formatOffset(zoneOffset)}`;
    }
    return this.datePrefix[i]! + formatTimeOfDay(epochMs - this.dayStart[i]!) + this.offsetText[i]!;
  }
}
