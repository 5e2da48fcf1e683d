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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(epochMs))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Epoch milliseconds of a `dateTimeTimeZone`, or NaN when the zone or time cannot be read. Asking
 * Graph for UTC (`Prefer: outlook.timezone="UTC"`) makes this trivial; other zones are converted
 * with the zone's rules, so a W. Europe time in summer gets +02:00 and in winter +01:00. A wall time
 * in the spring-forward gap is read with the offset before the change.
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
  const name = (value.timeZone ?? 'UTC').trim();
  const zone = windowsZones[name.toLowerCase()] ?? name;
  if (zone === 'UTC') return wall;
  const formatter = formatterFor(zone);
  if (!formatter) return Number.NaN;
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  const first = wall - offsetAt(formatter, wall);
  const second = wall - offsetAt(formatter, first);
  return offsetAt(formatter, second) === wall - second ? second : first;
}

/** A UTC `dateTimeTimeZone` for requests: `{ dateTime: "2026-11-17T09:00:00", timeZone: "UTC" }`. */
export function utcDateTimeTimeZone(epochMs: number): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: new Date(epochMs).toISOString().slice(0, 19), timeZone: 'UTC' };
}
