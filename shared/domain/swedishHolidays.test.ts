import { describe, expect, it } from 'vitest';
import { swedishHolidays } from './swedishHolidays.ts';

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday, 6 = Saturday
const find = (year: number, name: string) => swedishHolidays(year).filter((holiday) => holiday.name === name);
const years = Array.from({ length: 301 }, (_, i) => 1900 + i);

describe('swedishHolidays', () => {
  it('lists the public holidays and eves of 2026 in date order', () => {
    expect(swedishHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nyårsdagen', kind: 'public' },
      { date: '2026-01-06', name: 'Trettondedag jul', kind: 'public' },
      { date: '2026-04-03', name: 'Långfredagen', kind: 'public' },
      { date: '2026-04-05', name: 'Påskdagen', kind: 'public' },
      { date: '2026-04-06', name: 'Annandag påsk', kind: 'public' },
      { date: '2026-05-01', name: 'Första maj', kind: 'public' },
      { date: '2026-05-14', name: 'Kristi himmelsfärdsdag', kind: 'public' },
      { date: '2026-05-24', name: 'Pingstdagen', kind: 'public' },
      { date: '2026-06-06', name: 'Sveriges nationaldag', kind: 'public' },
      { date: '2026-06-19', name: 'Midsommarafton', kind: 'eve' },
      { date: '2026-06-20', name: 'Midsommardagen', kind: 'public' },
      { date: '2026-10-31', name: 'Alla helgons dag', kind: 'public' },
      { date: '2026-12-24', name: 'Julafton', kind: 'eve' },
      { date: '2026-12-25', name: 'Juldagen', kind: 'public' },
      { date: '2026-12-26', name: 'Annandag jul', kind: 'public' },
      { date: '2026-12-31', name: 'Nyårsafton', kind: 'eve' },
    ]);
  });

  it('keeps both holidays when Kristi himmelsfärdsdag falls on första maj (2008)', () => {
    const firstOfMay = swedishHolidays(2008).filter((holiday) => holiday.date === '2008-05-01');
    expect(firstOfMay.map((holiday) => holiday.name).sort()).toEqual([
      'Första maj',
      'Kristi himmelsfärdsdag',
    ]);
  });

  it('lists annandag pingst as a public holiday through 2004 and Sveriges nationaldag from 2005', () => {
    expect(find(2004, 'Annandag pingst')).toEqual([
      { date: '2004-05-31', name: 'Annandag pingst', kind: 'public' },
    ]);
    expect(find(2004, 'Sveriges nationaldag')).toEqual([]);
    expect(find(2005, 'Annandag pingst')).toEqual([]);
    expect(find(2005, 'Sveriges nationaldag')).toEqual([
      { date: '2005-06-06', name: 'Sveriges nationaldag', kind: 'public' },
    ]);
    for (const year of years) {
      expect(find(year, 'Annandag pingst').length, String(year)).toBe(year <= 2004 ? 1 : 0);
      expect(find(year, 'Sveriges nationaldag').length, String(year)).toBe(year >= 2005 ? 1 : 0);
    }
  });

  it('puts midsommardagen on the Saturday 20–26 June and midsommarafton on the Friday before, every year 1900–2200', () => {
    for (const year of years) {
      const [dagen] = find(year, 'Midsommardagen');
      const [afton] = find(year, 'Midsommarafton');
      expect(weekday(dagen!.date), dagen!.date).toBe(6);
      expect(dagen!.date >= `${year}-06-20` && dagen!.date <= `${year}-06-26`, dagen!.date).toBe(true);
      expect(Date.parse(dagen!.date) - Date.parse(afton!.date)).toBe(86_400_000);
      expect(afton!.kind).toBe('eve');
    }
  });

  it('puts alla helgons dag on the Saturday 31 October–6 November, every year 1900–2200', () => {
    for (const year of years) {
      const [day] = find(year, 'Alla helgons dag');
      expect(weekday(day!.date), day!.date).toBe(6);
      expect(day!.date >= `${year}-10-31` && day!.date <= `${year}-11-06`, day!.date).toBe(true);
    }
  });

  it('has the fixed-date holidays and eves on their dates, every year 1900–2200', () => {
    const fixed: Array<[string, string, 'public' | 'eve']> = [
      ['Nyårsdagen', '01-01', 'public'],
      ['Trettondedag jul', '01-06', 'public'],
      ['Första maj', '05-01', 'public'],
      ['Julafton', '12-24', 'eve'],
      ['Juldagen', '12-25', 'public'],
      ['Annandag jul', '12-26', 'public'],
      ['Nyårsafton', '12-31', 'eve'],
    ];
    for (const year of years) {
      for (const [name, monthDay, kind] of fixed)
        expect(find(year, name)).toEqual([{ date: `${year}-${monthDay}`, name, kind }]);
    }
  });

  it('ties the Easter holidays to Easter Sunday, every year 1900–2200', () => {
    const daysAfterEaster = (year: number, name: string) =>
      (Date.parse(find(year, name)[0]!.date) - Date.parse(find(year, 'Påskdagen')[0]!.date)) / 86_400_000;
    for (const year of years) {
      expect(weekday(find(year, 'Påskdagen')[0]!.date)).toBe(0);
      expect(daysAfterEaster(year, 'Långfredagen')).toBe(-2);
      expect(daysAfterEaster(year, 'Annandag påsk')).toBe(1);
      expect(daysAfterEaster(year, 'Kristi himmelsfärdsdag')).toBe(39);
      expect(daysAfterEaster(year, 'Pingstdagen')).toBe(49);
    }
  });

  it('returns every year 1900–2200 sorted by date, within the year, with only the three eves as eves', () => {
    for (const year of years) {
      const holidays = swedishHolidays(year);
      const dates = holidays.map((holiday) => holiday.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((date) => date.startsWith(`${year}-`))).toBe(true);
      expect(holidays.filter((holiday) => holiday.kind === 'eve').map((holiday) => holiday.name)).toEqual([
        'Midsommarafton',
        'Julafton',
        'Nyårsafton',
      ]);
      expect(holidays.filter((holiday) => holiday.kind === 'public')).toHaveLength(13);
    }
  });

  it('returns a fresh array, so a caller cannot change the holidays of others', () => {
    swedishHolidays(2026).pop();
    expect(swedishHolidays(2026)).toHaveLength(16);
  });

  it.each([1899, 2201, 2026.5, Number.NaN])(
    'refuses the year %s with a RangeError naming the supported range',
    (year) => {
      expect(() => swedishHolidays(year)).toThrow(RangeError);
      expect(() => swedishHolidays(year)).toThrow(/1900 to 2200/);
    },
  );
});
