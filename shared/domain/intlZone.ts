/**
 * Time-zone data from the platform's `Intl.DateTimeFormat` (the tz database the browser or Node ships),
 * without the Temporal polyfill: the domain runs in the Outlook task pane and the Teams tab, and the
 * polyfill would add ~54 KB to both bundles for three small questions: the UTC offset at an instant,
 * the canonical spelling of a zone id, and whether a zone exists. Offset transitions and wall-clock
 * conversions are built on top of these by `ZoneOffsets` and `buildYearDays`.
 *
 * The answers are Temporal's (the Temporal polyfill reads the same `Intl` data; the property tests compare
 * the two): an offset is read at the whole second (`floor(epochMs / 1000)`), in whole seconds, so the
 * local-mean-time offsets of the 19th and early 20th century (Europe/Dublin −00:25:21 until 1916,
 * Africa/Monrovia −00:44:30 until 1972, Asia/Kolkata +05:21:10 in 1900) come out to the second. (The
 * offset is computed from the formatted wall clock rather than read from `timeZoneName: 'longOffset'`,
 * whose text differs between engines and versions.)
 */

const MS_PER_DAY = 86_400_000;

/** Formatters are expensive to create and cheap to reuse: one per zone id. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The locale and options of the formatter the zone data is read with (also made early by the boot script). */
export const zoneFormatLocale = 'en-US';
export const zoneFormatOptions: Intl.DateTimeFormatOptions = {
  calendar: 'gregory',
  numberingSystem: 'latn',
  // h23, not hour12: false: some engines render midnight as "24" with the latter.
  hourCycle: 'h23',
  era: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(zoneFormatLocale, { ...zoneFormatOptions, timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Proleptic Gregorian days since 1970-01-01 (the same arithmetic as `epochDays.ts`, inlined: no import cycle). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return (
    era * 146_097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719_468
  );
}

/** A fixed-offset zone id Temporal accepts (`+01:00`, `+0100`, `+01`, `-05:30`): its offset in ms. */
function fixedOffsetMs(timeZone: string): number | undefined {
  const match = /^([+-])([01]\d|2[0-3])(?::?([0-5]\d))?$/.exec(timeZone);
  if (!match) return undefined;
  const ms = (Number(match[2]) * 60 + Number(match[3] ?? 0)) * 60_000;
  return match[1] === '-' ? -ms : ms;
}

/**
 * The UTC offset (ms, a whole number of seconds) of a zone at an instant, from `Intl`: the local wall
 * clock the formatter shows, read as if it were UTC, minus the instant truncated to the second. The zone
 * must be one `canonicalTimeZoneId` accepted.
 */
export function intlOffsetMs(timeZone: string, epochMs: number): number {
  const fixed = fixedOffsetMs(timeZone);
  if (fixed !== undefined) return fixed;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeCommonEra = false;
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24; // "24" for midnight in engines that ignore hourCycle
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        beforeCommonEra = /^b/i.test(part.value); // "BC"
        break;
      default:
        break;
    }
  }
  if (beforeCommonEra) year = 1 - year;
  const wallMs = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return wallMs - Math.floor(epochMs / 1000) * 1000;
}

/** Whether the platform knows a (named) zone id, in any case. */
function isKnownToIntl(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false; // RangeError: invalid time zone
  }
}

/** Three-letter ICU ids (`AST`, `PST` …) that ICU accepts but are not IANA zones; Temporal rejects them. */
const ICU_ONLY_ID = /^(AC|AE|AG|AR|AS|BE|BS|CA|CN|CS|CT|EA|EC|IE|IS|JS|MI|NE|NS|PL|PN|PR|PS|SS|VS)T$/;
const BAD_CHARACTERS = /[^\w/:+-]+/;

/**
 * The case-normalised spelling of an IANA id, by the rules the Temporal polyfill (1.0) uses:
 * `europe/stockholm` → `Europe/Stockholm`, `america/port-au-prince` → `America/Port-au-Prince`,
 * `etc/gmt+5` → `Etc/GMT+5`. Links stay links (`Asia/Calcutta` is not turned into `Asia/Kolkata`, nor
 * the reverse): `Intl`'s `resolvedOptions().timeZone` cannot be used for this, because engines differ
 * there (Node 20 answers `Asia/Calcutta` for `Asia/Kolkata`, newer engines keep the link).
 */
function normaliseCase(timeZone: string): string {
  return timeZone
    .toLowerCase()
    .split('/')
    .map((part, partIndex) =>
      (part.length <= 3 || /\d/.test(part)) && !/etc|yap/.test(part)
        ? part.toUpperCase()
        : part.replace(/baja|dumont|[a-z]+/g, (word: string, index: number) =>
            (word.length <= 2 && partIndex === 0) || word === 'in' || word === 'chat'
              ? word.toUpperCase()
              : word.length > 2 || index === 0
                ? capitalise(word).replace(/island|noronha|murdo|rivadavia|urville/, capitalise)
                : word,
          ),
    )
    .join('/');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The canonical id of a time zone the platform knows (`europe/stockholm` → `Europe/Stockholm`,
 * `utc` → `UTC`, `+0100` → `+01:00`), or `undefined` for an unknown zone. The same ids, spelt the
 * same way, as `Temporal.ZonedDateTime#timeZoneId`.
 */
export function canonicalTimeZoneId(timeZone: string): string | undefined {
  let id: string | undefined;
  const fixed = fixedOffsetMs(timeZone);
  if (fixed !== undefined) {
    const minutes = Math.abs(fixed) / 60_000;
    id = `${fixed < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  } else if (timeZone.toUpperCase() === 'UTC') {
    id = 'UTC';
  } else if (!BAD_CHARACTERS.test(timeZone) && !ICU_ONLY_ID.test(timeZone)) {
    const normalised = normaliseCase(timeZone);
    if (!ICU_ONLY_ID.test(normalised) && isKnownToIntl(normalised)) id = normalised;
  }
  return id;
}
