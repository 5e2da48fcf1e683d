import { MS_PER_DAY, formatEpochDay } from './epochDays.ts';

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function two(value: number): string {
  return TWO_DIGITS[value] ?? String(value).padStart(2, '0');
}

/** `HH:MM:` of every minute of the day: formatting is on the hot path of `deadlineState`. */
const HOUR_MINUTE: readonly string[] = Array.from(
  { length: 1440 },
  (_, m) => `${two(Math.floor(m / 60))}:${two(m % 60)}:`,
);

/**
 * `HH:MM:SS` of a time of day given in milliseconds since local midnight, with `.f`–`.fff` appended only
 * when the milliseconds are not zero (trailing zeros dropped, as Temporal prints them).
 */
export function formatTimeOfDay(msOfDay: number): string {
  const minutes = Math.floor(msOfDay / 60_000);
  const millisOfMinute = msOfDay - minutes * 60_000;
  const seconds = Math.floor(millisOfMinute / 1000);
  const millis = millisOfMinute - seconds * 1000;
  const text =
    (HOUR_MINUTE[minutes] ?? `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:`) + two(seconds);
  if (millis === 0) return text;
  return `${text}.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
}

/**
 * `±HH:MM` of a UTC offset in milliseconds. Offsets with seconds (local mean time before ~1920 in some
 * zones) are rounded to the minute, exactly as `Temporal.ZonedDateTime#toString` prints them.
 */
export function formatOffset(offsetMs: number): string {
  const abs = Math.round(Math.abs(offsetMs) / 60_000); // half away from zero, like Temporal's halfExpand
  const sign = offsetMs < 0 && abs > 0 ? '-' : '+';
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** `YYYY-MM-DDTHH:MM:SS±HH:MM` of an instant shown at the given UTC offset. */
export function formatInstant(epochMs: number, offsetMs: number): string {
  const wall = epochMs + offsetMs;
  const epochDay = Math.floor(wall / MS_PER_DAY);
  return `${formatEpochDay(epochDay)}T${formatTimeOfDay(wall - epochDay * MS_PER_DAY)}${formatOffset(offsetMs)}`;
}
