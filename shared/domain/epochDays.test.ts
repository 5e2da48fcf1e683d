import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatEpochDay, parseEpochDay, weekdayOfDays } from './epochDays.ts';

describe('epoch days', () => {
  it('count days from 1970-01-01 like Date.UTC does, 1900–2200', () => {
    for (let year = 1900; year <= 2200; year += 7) {
      for (const [month, day] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [12, 31],
      ] as const) {
        expect(daysFromCivil(year, month, day)).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
      }
    }
  });

  it('turn back into the same date for every day 1900–2200', () => {
    for (let epochDay = daysFromCivil(1900, 1, 1); epochDay <= daysFromCivil(2200, 12, 31); epochDay++) {
      const { year, month, day } = civilFromDays(epochDay);
      if (daysFromCivil(year, month, day) !== epochDay) expect.fail(`day ${epochDay}`);
    }
  });

  it('know the weekday, Monday = 0', () => {
    expect(weekdayOfDays(0)).toBe(3); // 1970-01-01, a Thursday
    expect(weekdayOfDays(daysFromCivil(2026, 11, 16))).toBe(0);
    expect(weekdayOfDays(daysFromCivil(1900, 1, 7))).toBe(6);
  });

  it('read and write YYYY-MM-DD strictly', () => {
    expect(formatEpochDay(parseEpochDay('2026-11-17')!)).toBe('2026-11-17');
    expect(parseEpochDay('2026-02-29')).toBeUndefined();
    expect(parseEpochDay('2026-1-05')).toBeUndefined();
    expect(parseEpochDay('2026-11-17T00:00')).toBeUndefined();
  });
});
