import { parseEpochDay } from './epochDays.ts';
import { canonicalTimeZoneId } from './intlZone.ts';
import { describeFound } from './ParseResult.ts';
import type { ParseResult, ValidationIssue } from './ParseResult.ts';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './swedishHolidays.ts';
import { WEEKDAYS } from './WorkCalendarOptions.ts';
import type { Weekday, WorkCalendarOptions } from './WorkCalendarOptions.ts';

const FIELDS = ['timeZone', 'openingHours', 'closedDates', 'shortDays', 'evesAreWorkingDays'] as const;
const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const EXPECTED_HOURS = 'HH:MM-HH:MM with open before close, or null';
const EXPECTED_TIME = 'a closing time HH:MM such as "12:00"';
const EXPECTED_DATE = `a date YYYY-MM-DD from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}`;

/** Minutes since midnight of `[open, close]` of a valid `HH:MM-HH:MM`, else `undefined`. */
export function parseHours(text: string): { open: number; close: number } | undefined {
  const match = HOURS.exec(text);
  if (!match) return undefined;
  const open = Number(match[1]) * 60 + Number(match[2]);
  const close = Number(match[3]) * 60 + Number(match[4]);
  return open < close ? { open, close } : undefined;
}

/** Minutes since midnight of a valid `HH:MM`, else `undefined`. */
export function parseTime(text: string): number | undefined {
  const match = TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function isSupportedDate(text: unknown): text is string {
  if (typeof text !== 'string' || parseEpochDay(text) === undefined) return false;
  const year = Number(text.slice(0, 4));
  return year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The canonical id of an IANA time zone the platform's `Intl` knows (`europe/stockholm` →
 * `Europe/Stockholm`), spelt as Temporal spells it; `undefined` for an unknown zone.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  return canonicalTimeZoneId(timeZone);
}

/**
 * Validates calendar options read from JSON (configuration, register). Never throws: the result lists
 * every problem with its path (`openingHours.mon`, `closedDates[1]`, `shortDays.2026-01-05`), what was
 * expected and what was found. Unknown fields are reported too, so a typo does not silently fall back
 * to a default.
 */
export function parseCalendarOptions(json: unknown): ParseResult<WorkCalendarOptions> {
  const errors: ValidationIssue[] = [];
  const fail = (path: string, expected: string, value: unknown) =>
    errors.push({ path, expected, found: describeFound(value) });
  if (!isRecord(json)) {
    fail('', `an object with any of the fields ${FIELDS.join(', ')}`, json);
    return { ok: false, errors };
  }
  const value: WorkCalendarOptions = {};
  for (const key of Object.keys(json)) {
    if (!(FIELDS as readonly string[]).includes(key))
      fail(key, `one of the known fields ${FIELDS.join(', ')}`, key);
  }

  if (json.timeZone !== undefined) {
    if (typeof json.timeZone === 'string' && canonicalTimeZone(json.timeZone) !== undefined)
      value.timeZone = json.timeZone;
    else fail('timeZone', 'an IANA time zone such as "Europe/Stockholm"', json.timeZone);
  }

  if (json.openingHours !== undefined) {
    if (!isRecord(json.openingHours)) {
      fail('openingHours', 'an object from weekday (mon … sun) to "HH:MM-HH:MM" or null', json.openingHours);
    } else {
      const hours: Partial<Record<Weekday, string | null>> = {};
      for (const [day, text] of Object.entries(json.openingHours)) {
        if (text === undefined) continue; // a TypeScript caller's `{ mon: undefined }` means "not given"
        if (!(WEEKDAYS as readonly string[]).includes(day)) {
          fail(`openingHours.${day}`, `a weekday: ${WEEKDAYS.join(', ')}`, day);
        } else if (text === null || (typeof text === 'string' && parseHours(text) !== undefined)) {
          hours[day as Weekday] = text;
        } else {
          fail(`openingHours.${day}`, EXPECTED_HOURS, text);
        }
      }
      value.openingHours = hours;
      if (WEEKDAYS.every((day) => hours[day] === null)) {
        fail(
          'openingHours',
          'at least one weekday with opening hours: a calendar without any has no deadlines',
          json.openingHours,
        );
      }
    }
  }

  if (json.closedDates !== undefined) {
    if (!Array.isArray(json.closedDates)) {
      fail('closedDates', `a list of dates YYYY-MM-DD`, json.closedDates);
    } else {
      json.closedDates.forEach((date: unknown, index) => {
        if (!isSupportedDate(date)) fail(`closedDates[${index}]`, EXPECTED_DATE, date);
      });
      value.closedDates = json.closedDates.filter(isSupportedDate);
    }
  }

  if (json.shortDays !== undefined) {
    if (!isRecord(json.shortDays)) {
      fail('shortDays', 'an object from a date YYYY-MM-DD to a closing time HH:MM', json.shortDays);
    } else {
      const shortDays: Record<string, string> = {};
      for (const [date, time] of Object.entries(json.shortDays)) {
        if (!isSupportedDate(date)) fail(`shortDays.${date}`, `${EXPECTED_DATE} as the key`, date);
        else if (typeof time !== 'string' || parseTime(time) === undefined)
          fail(`shortDays.${date}`, EXPECTED_TIME, time);
        else shortDays[date] = time;
      }
      value.shortDays = shortDays;
    }
  }

  if (json.evesAreWorkingDays !== undefined) {
    if (typeof json.evesAreWorkingDays === 'boolean') value.evesAreWorkingDays = json.evesAreWorkingDays;
    else fail('evesAreWorkingDays', 'true or false', json.evesAreWorkingDays);
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
