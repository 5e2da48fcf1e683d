import { intlOffsetMs } from './intlZone.ts';

const MS_PER_DAY = 86_400_000;

/**
 * How far apart the offset is sampled when looking for transitions. Two transitions closer together
 * than this that restore the earlier offset (A → B → A) would go unseen; in the tz database the offset
 * changes of 1900–2200 are SAMPLE_DAYS or more apart in every zone (checked for every zone `Intl` knows,
 * see intlZone.test.ts), and `temporal-polyfill` samples at 19 days (6 in a few zones).
 */
export const SAMPLE_DAYS = 5;
const SAMPLE_MS = SAMPLE_DAYS * MS_PER_DAY;

/**
 * The UTC offsets of one IANA time zone over a growing range of instants, as a sorted list of offset
 * transitions read from `Intl` (`intlZone.ts`): the offset is sampled every SAMPLE_DAYS on a fixed grid
 * (multiples of SAMPLE_MS since the epoch, so the list does not depend on the order ranges are covered
 * in) and each change is bisected to the second it happens (tz transitions are on whole seconds). It
 * answers "offset at t" and "is there a transition between a and b" with a binary search, so the day
 * table needs `Intl` only while it is built.
 *
 * Shared per zone (`zoneOffsetsFor`): the data is the tz database's, the same for every calendar.
 */
export class ZoneOffsets {
  private from = Number.NaN;
  private to = Number.NaN;
  private initial = 0;
  /** Instants (epoch ms, ascending, all in (from, to]) at which the offset changes. */
  private at: number[] = [];
  /** The offset (ms) from `at[i]` on. */
  private after: number[] = [];

  constructor(readonly timeZone: string) {}

  private offsetFromIntl(epochMs: number): number {
    return intlOffsetMs(this.timeZone, epochMs);
  }

  /** Transitions in (fromMs, toMs]. */
  private walk(fromMs: number, toMs: number): { at: number[]; after: number[] } {
    const at: number[] = [];
    const after: number[] = [];
    let sample = Math.floor(fromMs / SAMPLE_MS) * SAMPLE_MS;
    let sampleOffset = this.offsetFromIntl(sample);
    while (sample < toMs) {
      const next = sample + SAMPLE_MS;
      const nextOffset = this.offsetFromIntl(next);
      // Every change in (sample, next]: bisect (in whole seconds) to the first second whose offset
      // differs from the offset at `lo`, then go on from there until the offset is the one at `next`.
      let lo = sample;
      let loOffset = sampleOffset;
      while (loOffset !== nextOffset) {
        let hi = next;
        let hiOffset = nextOffset;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          const midOffset = this.offsetFromIntl(mid);
          if (midOffset === loOffset) lo = mid;
          else {
            hi = mid;
            hiOffset = midOffset;
          }
        }
        if (hi > fromMs && hi <= toMs) {
          at.push(hi);
          after.push(hiOffset);
        }
        lo = hi;
        loOffset = hiOffset;
      }
      sample = next;
      sampleOffset = nextOffset;
    }
    return { at, after };
  }

  /** Makes sure offsets are known for every instant in [fromMs, toMs]. */
  cover(fromMs: number, toMs: number): void {
    if (Number.isNaN(this.from)) {
      this.initial = this.offsetFromIntl(fromMs);
      ({ at: this.at, after: this.after } = this.walk(fromMs, toMs));
      this.from = fromMs;
      this.to = toMs;
      return;
    }
    if (fromMs < this.from) {
      const earlier = this.walk(fromMs, this.from);
      this.at = [...earlier.at, ...this.at];
      this.after = [...earlier.after, ...this.after];
      this.initial = this.offsetFromIntl(fromMs);
      this.from = fromMs;
    }
    if (toMs > this.to) {
      const later = this.walk(this.to, toMs);
      this.at.push(...later.at);
      this.after.push(...later.after);
      this.to = toMs;
    }
  }

  /** Index of the first transition after `epochMs`. */
  private firstAfter(epochMs: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at[mid]! <= epochMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The offset in ms at an instant; extends the covered range when needed. */
  offsetAt(epochMs: number): number {
    if (!(epochMs >= this.from && epochMs <= this.to)) {
      this.cover(
        Number.isNaN(this.from) ? epochMs : Math.min(epochMs, this.from),
        Number.isNaN(this.to) ? epochMs : Math.max(epochMs, this.to),
      );
    }
    const index = this.firstAfter(epochMs) - 1;
    return index < 0 ? this.initial : this.after[index]!;
  }

  /** Whether the offset changes at some instant in (fromMs, toMs]. The range must be covered. */
  hasTransitionIn(fromMs: number, toMs: number): boolean {
    const index = this.firstAfter(fromMs);
    return index < this.at.length && this.at[index]! <= toMs;
  }

  /** The first transition after `epochMs` (epoch ms), or undefined when there is none up to `limitMs`. */
  nextTransitionAfter(epochMs: number, limitMs: number): number | undefined {
    this.offsetAt(epochMs);
    this.offsetAt(limitMs);
    const index = this.firstAfter(epochMs);
    const at = this.at[index];
    return at !== undefined && at <= limitMs ? at : undefined;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The shared offsets of a canonical time zone id. */
export function zoneOffsetsFor(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = new ZoneOffsets(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

/**
 * The local date of an instant in a time zone, as days since 1970-01-01: what
 * `Intl.DateTimeFormat(…, { timeZone })` names as the date, without formatting and parsing text (an
 * array lookup once the zone's offsets around the instant are known).
 */
export function localEpochDay(epochMs: number, timeZone: string): number {
  return Math.floor((epochMs + zoneOffsetsFor(timeZone).offsetAt(epochMs)) / 86_400_000);
}
