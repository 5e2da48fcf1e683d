import { daysInMonth } from './epochDays.ts';

/**
 * A personal identity number (personnummer) or coordination number (samordningsnummer) found in a text
 * (rules.md §6, R6). The number itself is deliberately not part of the match: `index` and `length`
 * locate it in the text the caller already holds, and `masked` is safe to show or log.
 */
export interface PersonnummerMatch {
  /** UTF-16 index of the first digit in the text. */
  index: number;
  /** Length of the match in the text, separator included (10–13). */
  length: number;
  /** `samordningsnummer` when 60 was added to the day of birth. */
  kind: 'personnummer' | 'samordningsnummer';
  /** The match as written with its last four digits replaced by `****`: `800101-****`, `19800101****`. */
  masked: string;
}

// How the number is written, after Skatteverket (SKV 704): `YYMMDD-NNNN`, `YYMMDD+NNNN` (100 years or
// older), `YYMMDDNNNN`, `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`. Word processors and Outlook turn a typed hyphen
// into a non-breaking hyphen or a dash, so those count as the hyphen. A space between date and number
// (`800101 1234`) is not accepted: spaced digit groups are how phone and account numbers are written.
const HYPHENS = '-\u2010\u2011\u2012\u2013\u2212';
const SEPARATORS = `${HYPHENS}+`;
// Characters that join digit groups into one longer number: `KS-2024-800101-1234`, `08-800101-1234`,
// `1.8001011234`, `2024/800101-1234`. A candidate joined to more digits by one of them is part of
// that longer number, not a personnummer. The comma is not among them, so a list written
// `8001011234,8102021234` is still found.
const JOINERS = `${SEPARATORS}/.:`;

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** The Luhn check digit of a personnummer's first nine digits (`YYMMDDNNN`). */
function luhnCheckDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = (nine.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Whether `date` is a real `YYMMDD` (year known to two digits) or `YYYYMMDD` date, with 60 added to the
 * day for a coordination number. With two digits the century is unknown, so a date counts when it is
 * real in some century: `000229` is 29 February 2000. Returns the kind, or null.
 */
function dateKind(date: string): PersonnummerMatch['kind'] | null {
  const full = date.length === 8;
  const year = full ? Number(date.slice(0, 4)) : 2000 + Number(date.slice(0, 2));
  // Twelve-digit forms name the century; only 18xx–20xx are birth years of numbers in use.
  if (full && (year < 1800 || year > 2099)) return null;
  const month = Number(date.slice(-4, -2));
  let day = Number(date.slice(-2));
  let kind: PersonnummerMatch['kind'] = 'personnummer';
  if (day > 60) {
    day -= 60;
    kind = 'samordningsnummer';
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return kind;
}

/** Whether the candidate at [start, end) continues, through a joiner, into more digits. */
function joinedToLongerNumber(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (
    isDigit(before) ||
    isDigit(after) ||
    (before !== undefined && JOINERS.includes(before) && isDigit(text[start - 2])) ||
    (after !== undefined && JOINERS.includes(after) && isDigit(text[end + 1]))
  );
}

/**
 * Every valid Swedish personnummer and samordningsnummer in `text`, in order (rules.md §6): a 10- or
 * 12-digit number whose date part is a real date (day + 60 for a samordningsnummer) and whose last digit
 * is the Luhn check digit of its ten-digit form. Digits that are part of a longer number do not match —
 * neither inside a longer digit run (`123198001011234`) nor joined to other digits by a hyphen, slash,
 * dot, colon or plus (`19800101-12345`, `08-800101-1234`). Letters next to the number do not prevent a
 * match (`pnr8001011234`, `scan_8001011234.pdf` are still personal data).
 *
 * Known limit: a phone number written as ten digits with no separator (`0701234567`) is
 * indistinguishable from the personnummer of someone born in 2007 when its check digit happens to fit
 * (about one in ten); such a string is reported, since it may well be one.
 */
export function findPersonnummer(text: string): PersonnummerMatch[] {
  const matches: PersonnummerMatch[] = [];
  const digitRuns = /[0-9]+/g;
  for (let run = digitRuns.exec(text); run !== null; run = digitRuns.exec(text)) {
    const start = run.index;
    const digits = run[0];
    let date: string;
    let serial: string;
    let end: number;
    if (digits.length === 10 || digits.length === 12) {
      date = digits.slice(0, -4);
      serial = digits.slice(-4);
      end = start + digits.length;
    } else if (digits.length === 6 || digits.length === 8) {
      const separator = text[start + digits.length];
      if (separator === undefined || !SEPARATORS.includes(separator)) continue;
      // `+` marks a ten-digit number of someone 100 or older; a twelve-digit number names its century.
      if (separator === '+' && digits.length === 8) continue;
      const serialStart = start + digits.length + 1;
      serial = text.slice(serialStart, serialStart + 4);
      if (!/^[0-9]{4}$/.test(serial)) continue;
      date = digits;
      end = serialStart + 4;
    } else {
      continue;
    }
    if (joinedToLongerNumber(text, start, end)) continue;
    const kind = dateKind(date);
    if (kind === null) continue;
    const nine = date.slice(-6) + serial.slice(0, 3);
    if (luhnCheckDigit(nine) !== serial.charCodeAt(3) - 48) continue;
    matches.push({ index: start, length: end - start, kind, masked: `${text.slice(start, end - 4)}****` });
    digitRuns.lastIndex = end;
  }
  return matches;
}
