import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n/resources.ts';
import { dateLocale } from '../../shared/ui/dateLocale.ts';
import { dueInWords } from './dueInWords.ts';

const zone = 'Europe/Stockholm';
const words = (lang: 'sv' | 'en' | 'fi') => resources[lang].translation.outlook.due;
const at = (iso: string) => Date.parse(iso);
const due = (dueIso: string, nowIso: string, lang: 'sv' | 'en' | 'fi' = 'sv') =>
  dueInWords(at(dueIso), at(nowIso), { locale: dateLocale(lang), timeZone: zone, words: words(lang) });

describe('dueInWords (the organisation’s time zone)', () => {
  // Wednesday 18 November 2026, 10:00 in Stockholm (UTC+1).
  const now = '2026-11-18T09:00:00Z';

  it('says today, tomorrow and yesterday with the time', () => {
    expect(due('2026-11-18T16:00:00Z', now)).toBe('idag 17:00');
    expect(due('2026-11-19T16:00:00Z', now)).toBe('i morgon 17:00');
    expect(due('2026-11-17T16:00:00Z', now)).toBe('i går 17:00');
  });

  it('names the weekday within the coming week, and the date beyond', () => {
    expect(due('2026-11-20T15:00:00Z', now)).toBe('fredag 16:00');
    expect(due('2026-11-27T15:00:00Z', now)).toMatch(/^fre 27 nov\.? 16:00$/);
    expect(due('2026-11-10T15:00:00Z', now)).toMatch(/^tis 10 nov\.? 16:00$/);
  });

  it('counts days by the calendar in Stockholm, not in UTC', () => {
    // 23:30 UTC on the 18th is already 00:30 on the 19th in Stockholm: "today" then means the 19th.
    expect(due('2026-11-19T16:00:00Z', '2026-11-18T23:30:00Z')).toBe('idag 17:00');
    // Across the change to summer time (29 March 2026): Friday 27 → Monday 30 is three days on.
    expect(due('2026-03-30T15:00:00Z', '2026-03-27T08:00:00Z')).toBe('måndag 17:00');
  });

  it('speaks English and Finnish', () => {
    expect(due('2026-11-19T16:00:00Z', now, 'en')).toBe('tomorrow 17:00');
    expect(due('2026-11-20T15:00:00Z', now, 'en')).toBe('Friday 16:00');
    expect(due('2026-11-18T16:00:00Z', now, 'fi')).toMatch(/^tänään 17[.:]00$/);
    expect(due('2026-11-19T16:00:00Z', now, 'fi')).toMatch(/^huomenna 17[.:]00$/);
    expect(due('2026-11-20T15:00:00Z', now, 'fi')).toMatch(/^perjantai 16[.:]00$/);
  });
});
