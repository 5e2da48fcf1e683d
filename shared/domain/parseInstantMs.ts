import { daysFromCivil, daysInMonth } from './epochDays.ts';

// A hand-rolled parser rather than `Temporal.Instant.from` or `Date.parse`: the deadline engine parses two
// instants per message on its hot path, and creating a Temporal object per message costs more than the
// whole deadline computation. `Date.parse` is no option either: it reads a string without an offset in
// the machine's own time zone, which must never matter here.

const GOOD_EXAMPLE = '"2026-11-17T10:00:00+01:00" or "2026-11-17T09:00:00Z"';

function fail(text: string, reason: string): never {
  throw new RangeError(
    `Expected an ISO 8601 instant with an offset, such as ${GOOD_EXAMPLE}; got ${JSON.stringify(text)} (${reason}).`,
  );
}

function digit(text: string, at: number): number {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : -1;
}

function twoDigits(text: string, at: number): number {
  const tens = digit(text, at);
  const ones = digit(text, at + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

// Epoch day of the first of each month 1900–2200, so the common case needs no date arithmetic.
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 301;
const MONTH_START = new Int32Array(TABLE_YEARS * 12);
for (let year = 0; year < TABLE_YEARS; year++) {
  for (let month = 0; month < 12; month++)
    MONTH_START[year * 12 + month] = daysFromCivil(TABLE_FIRST_YEAR + year, month + 1, 1);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The two layouts Graph and this engine produce — `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS±HH:MM`
 * — read with straight-line code; NaN for anything else (the general parser then decides).
 */
function parseCommonLayout(text: string): number {
  const length = text.length;
  if (length !== 20 && length !== 25) return Number.NaN;
  const y0 = text.charCodeAt(0),
    y1 = text.charCodeAt(1),
    y2 = text.charCodeAt(2),
    y3 = text.charCodeAt(3);
  const m0 = text.charCodeAt(5),
    m1 = text.charCodeAt(6),
    d0 = text.charCodeAt(8),
    d1 = text.charCodeAt(9);
  const h0 = text.charCodeAt(11),
    h1 = text.charCodeAt(12),
    n0 = text.charCodeAt(14),
    n1 = text.charCodeAt(15);
  const s0 = text.charCodeAt(17),
    s1 = text.charCodeAt(18);
  if (
    !(
      isDigit(y0) &&
      isDigit(y1) &&
      isDigit(y2) &&
      isDigit(y3) &&
      isDigit(m0) &&
      isDigit(m1) &&
      isDigit(d0) &&
      isDigit(d1)
    ) ||
    !(isDigit(h0) && isDigit(h1) && isDigit(n0) && isDigit(n1) && isDigit(s0) && isDigit(s1)) ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return Number.NaN;
  }
  const year = (y0 - 48) * 1000 + (y1 - 48) * 100 + (y2 - 48) * 10 + (y3 - 48);
  const month = (m0 - 48) * 10 + (m1 - 48);
  const day = (d0 - 48) * 10 + (d1 - 48);
  const hour = (h0 - 48) * 10 + (h1 - 48);
  const minute = (n0 - 48) * 10 + (n1 - 48);
  const second = (s0 - 48) * 10 + (s1 - 48);
  if (year < TABLE_FIRST_YEAR || year >= TABLE_FIRST_YEAR + TABLE_YEARS || month < 1 || month > 12)
    return Number.NaN;
  if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offsetMinutes = 0;
  const sign = text.charCodeAt(19);
  if (length === 20) {
    if (sign !== 90) return Number.NaN;
  } else {
    const oh0 = text.charCodeAt(20),
      oh1 = text.charCodeAt(21),
      om0 = text.charCodeAt(23),
      om1 = text.charCodeAt(24);
    if (
      (sign !== 43 && sign !== 45) ||
      text.charCodeAt(22) !== 58 ||
      !(isDigit(oh0) && isDigit(oh1) && isDigit(om0) && isDigit(om1))
    ) {
      return Number.NaN;
    }
    const offsetHour = (oh0 - 48) * 10 + (oh1 - 48);
    const offsetMinute = (om0 - 48) * 10 + (om1 - 48);
    if (offsetHour > 23 || offsetMinute > 59) return Number.NaN;
    offsetMinutes = sign === 45 ? -(offsetHour * 60 + offsetMinute) : offsetHour * 60 + offsetMinute;
  }
  const days = MONTH_START[(year - TABLE_FIRST_YEAR) * 12 + month - 1]! + day - 1;
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000;
}

/**
 * Epoch milliseconds of an ISO 8601 instant with an offset or `Z`, e.g. `2026-11-17T10:00:00+01:00`,
 * `2026-11-17T09:10Z` or `2026-11-17T09:10:00.1234567Z` (seconds and fractional seconds are optional;
 * fractions beyond milliseconds are truncated). Anything else — including a date-time without an offset,
 * which would be ambiguous — throws a RangeError that shows the value and a good example.
 */
export function parseInstantMs(text: string): number {
  if (typeof text !== 'string') fail(String(text), 'not a string');
  const common = parseCommonLayout(text);
  if (common === common) return common; // not NaN
  return parseGeneral(text);
}

function parseGeneral(text: string): number {
  const length = text.length;
  if (length < 16) fail(text, 'too short: it needs a date, a time and an offset');
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + twoDigits(text, 2);
  if (digit(text, 0) < 0 || digit(text, 1) < 0 || twoDigits(text, 2) < 0)
    fail(text, 'the year must have four digits');
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const separator = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || month < 1 || month > 12 || day < 1) {
    fail(text, 'the date must be YYYY-MM-DD');
  }
  if (day > daysInMonth(year, month)) fail(text, 'no such date');
  if (separator !== 84 && separator !== 116) fail(text, 'the date and time must be separated by "T"');
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (text.charCodeAt(13) !== 58 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    fail(text, 'the time must be HH:MM with hours 00–23');
  }
  let at = 16;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(at) === 58) {
    second = twoDigits(text, at + 1);
    if (second < 0 || second > 59) fail(text, 'the seconds must be 00–59');
    at += 3;
    const mark = text.charCodeAt(at);
    if (mark === 46 || mark === 44) {
      at += 1;
      let digits = 0;
      let scale = 100;
      for (let d = digit(text, at); d >= 0; d = digit(text, at)) {
        if (digits < 3) millisecond += d * scale;
        scale /= 10;
        digits += 1;
        at += 1;
      }
      if (digits === 0 || digits > 9) fail(text, 'fractional seconds must have 1–9 digits');
    }
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(at);
  if (sign === 90 || sign === 122) {
    at += 1;
  } else if (sign === 43 || sign === 45) {
    const offsetHour = twoDigits(text, at + 1);
    at += 3;
    if (text.charCodeAt(at) === 58) at += 1;
    const offsetMinute = twoDigits(text, at);
    at += 2;
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59)
      fail(text, 'the offset must be ±HH:MM');
    offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign === 45 ? -1 : 1);
  } else if (at === length) {
    fail(text, 'it has no offset: add "Z" for UTC or the local offset such as "+01:00"');
  } else {
    fail(text, 'unexpected text after the time');
  }
  if (at !== length) fail(text, 'unexpected text after the offset');
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millisecond;
}
