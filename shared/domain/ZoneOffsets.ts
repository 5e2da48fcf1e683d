import { Temporal } from 'temporal-polyfill';

/**
 * The UTC offsets of one IANA time zone over a growing range of instants, as a sorted list of offset
 * transitions read from Temporal (`ZonedDateTime#getTimeZoneTransition`). It answers "offset at t" and
 * "is there a transition between a and b" with a binary search, so the day table needs Temporal only for
 * the few days around a transition (DST changes) and a handful of calls per year.
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

  private offsetFromTemporal(epochMs: number): number {
    return (
      Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(this.timeZone).offsetNanoseconds /
      1e6
    );
  }

  /** Transitions in (fromMs, toMs]. */
  private walk(fromMs: number, toMs: number): { at: number[]; after: number[] } {
    const at: number[] = [];
    const after: number[] = [];
    let cursor: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(
      fromMs,
    ).toZonedDateTimeISO(this.timeZone);
    for (;;) {
      cursor = cursor.getTimeZoneTransition('next');
      if (cursor === null || cursor.epochMilliseconds > toMs) break;
      at.push(cursor.epochMilliseconds);
      after.push(cursor.offsetNanoseconds / 1e6);
    }
    return { at, after };
  }

  /** Makes sure offsets are known for every instant in [fromMs, toMs]. */
  cover(fromMs: number, toMs: number): void {
    if (Number.isNaN(this.from)) {
      this.initial = this.offsetFromTemporal(fromMs);
      ({ at: this.at, after: this.after } = this.walk(fromMs, toMs));
      this.from = fromMs;
      this.to = toMs;
      return;
    }
    if (fromMs < this.from) {
      const earlier = this.walk(fromMs, this.from);
      this.at = [...earlier.at, ...this.at];
      this.after = [...earlier.after, ...this.after];
      this.initial = this.offsetFromTemporal(fromMs);
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

  /** The offset in ms at an instant inside the covered range. */
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
