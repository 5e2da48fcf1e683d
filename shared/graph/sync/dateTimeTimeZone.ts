import { canonicalTimeZoneId, wallTimeToEpochMs } from '../../domain/index.ts';

const MS_PER_DAY = 86_400_000;

/** Graph's `dateTimeTimeZone`: a wall-clock time without offset plus the zone it is in. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone?: string | null;
}

/**
 * Windows zone names Graph uses for Swedish and nearby tenants, mapped to IANA (CLDR windowsZones.xml,
 * territory 001). `W. Europe Standard Time` is Stockholm's. Unknown names fall through to IANA lookup.
 */
const windowsZones: Record<string, string> = {
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'tzone://microsoft/utc': 'UTC',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'romance standard time': 'Europe/Paris',
  'fle standard time': 'Europe/Kiev',
  'e. europe standard time': 'Europe/Chisinau',
  'gtb standard time': 'Europe/Bucharest',
};

/**
 * Epoch milliseconds of a `dateTimeTimeZone`, or NaN when the zone or time cannot be read. Asking
 * Graph for UTC (`Prefer: outlook.timezone="UTC"`) makes this trivial; other zones are converted
 * with the zone's rules (the domain's, as the working-day calendar uses them), so a W. Europe time in
 * summer gets +02:00 and in winter +01:00. A wall time in the spring-forward gap is read with the offset
 * before the change; a repeated one (autumn) means the earlier instant.
 */
export function instantOfDateTimeTimeZone(value: DateTimeTimeZone | null | undefined): number {
  if (!value || typeof value.dateTime !== 'string') return Number.NaN;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(
    value.dateTime.trim(),
  );
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction] = match;
  const wall =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) +
    Math.floor(Number(`0.${fraction ?? '0'}`) * 1000);
  if (wall !== wall) return Number.NaN;
  const name = (value.timeZone ?? 'UTC').trim();
  const zone = canonicalTimeZoneId(windowsZones[name.toLowerCase()] ?? name);
  if (zone === undefined) return Number.NaN;
  if (zone === 'UTC') return wall;
  const epochDay = Math.floor(wall / MS_PER_DAY);
  return wallTimeToEpochMs(epochDay, wall - epochDay * MS_PER_DAY, zone);
}

/** A UTC `dateTimeTimeZone` for requests: `{ dateTime: "2026-11-17T09:00:00", timeZone: "UTC" }`. */
export function utcDateTimeTimeZone(epochMs: number): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: new Date(epochMs).toISOString().slice(0, 19), timeZone: 'UTC' };
}
