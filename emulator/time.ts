/**
 * Instant and time-zone helpers for the emulator. Only `Intl` is used, so the emulator depends on
 * nothing of the app (style.md §2). Graph writes instants as `2026-11-17T09:10:00Z` (no
 * milliseconds) and `dateTimeTimeZone` values as `2026-11-17T09:10:00.0000000` + `UTC`.
 */

const MINUTE = 60_000;

/** `2026-11-17T09:10:00Z`: the form Graph uses for `receivedDateTime` and friends. */
export function toGraphInstant(value: Date | number | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`[emulator] Not an instant: ${String(value)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A `dateTimeTimeZone` in UTC, as Graph returns it without `Prefer: outlook.timezone`. */
export function toDateTimeTimeZone(instant: string): { dateTime: string; timeZone: string } {
  return { dateTime: new Date(instant).toISOString().replace(/Z$/, '0000'), timeZone: 'UTC' };
}

export function addMinutes(instant: string, minutes: number): string {
  return toGraphInstant(Date.parse(instant) + minutes * MINUTE);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalParts {
  date: string; // YYYY-MM-DD
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday */
  isoWeekday: number;
}

/** The wall-clock date and time of an instant in a zone. */
export function localParts(instant: string | number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { date, hour: Number(get('hour')), minute: Number(get('minute')), isoWeekday: isoWeekday(date) };
}

/** 1 = Monday … 7 = Sunday, for a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function offsetMinutes(utcMillis: number, timeZone: string): number {
  const p = localParts(utcMillis, timeZone);
  const asUtc = Date.parse(`${p.date}T${pad(p.hour)}:${pad(p.minute)}:00Z`);
  return Math.round((asUtc - Math.floor(utcMillis / MINUTE) * MINUTE) / MINUTE);
}

/**
 * The instant of a wall-clock time in a zone. Times in the spring-forward gap resolve forwards;
 * ambiguous autumn times take the earlier (summer-time) instant.
 */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const naive = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  if (Number.isNaN(naive)) throw new Error(`[emulator] Not a local date-time: ${date} ${time}`);
  const first = naive - offsetMinutes(naive, timeZone) * MINUTE;
  const second = naive - offsetMinutes(first, timeZone) * MINUTE;
  return toGraphInstant(Math.min(first, second));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Windows zone names Outlook clients send in `dateTimeTimeZone.timeZone`, mapped to IANA. */
const windowsZones: Record<string, string> = {
  utc: 'UTC',
  'w. europe standard time': 'Europe/Stockholm',
  'central europe standard time': 'Europe/Budapest',
  'romance standard time': 'Europe/Paris',
  'gmt standard time': 'Europe/London',
  'fle standard time': 'Europe/Helsinki',
};

/** The instant of a Graph `dateTimeTimeZone`, or `null` when the zone or time is not understood. */
export function instantOfDateTimeTimeZone(value: { dateTime?: unknown; timeZone?: unknown }): string | null {
  if (typeof value.dateTime !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(
    value.dateTime,
  );
  if (!match) return null;
  const [, date, time, offset] = match;
  if (!date || !time) return null;
  if (offset) return toGraphInstant(Date.parse(`${date}T${time}${offset}`));
  const zoneName = typeof value.timeZone === 'string' && value.timeZone !== '' ? value.timeZone : 'UTC';
  const zone = windowsZones[zoneName.toLowerCase()] ?? zoneName;
  try {
    formatterFor(zone);
  } catch {
    return null;
  }
  return zone === 'UTC' ? toGraphInstant(Date.parse(`${date}T${time}Z`)) : zonedInstant(date, time, zone);
}

/** The IANA zone of a Windows (`W. Europe Standard Time`) or IANA zone name, or `null` when unknown. */
export function ianaZoneOf(name: string): string | null {
  const zone = windowsZones[name.trim().toLowerCase()] ?? name.trim();
  try {
    formatterFor(zone);
    return zone;
  } catch {
    return null;
  }
}

/**
 * A `dateTimeTimeZone` in a zone, as Graph writes it under `Prefer: outlook.timezone`: local wall
 * time without offset (`2026-11-17T10:00:00.0000000`) and the zone name as the client gave it.
 */
export function toZonedDateTimeTimeZone(
  instant: string,
  zone: { name: string; iana: string },
): { dateTime: string; timeZone: string } {
  if (zone.iana === 'UTC') return { ...toDateTimeTimeZone(instant), timeZone: zone.name };
  const parts = formatterFor(zone.iana).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    dateTime: `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}.0000000`,
    timeZone: zone.name,
  };
}
