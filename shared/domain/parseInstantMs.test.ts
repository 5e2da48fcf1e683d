import { describe, expect, it } from 'vitest';
import { parseInstantMs } from './parseInstantMs.ts';

describe('parseInstantMs', () => {
  it.each([
    ['2026-11-17T09:10:00Z', '2026-11-17T09:10:00.000Z'],
    ['2026-11-17T10:10:00+01:00', '2026-11-17T09:10:00.000Z'],
    ['2026-11-17T04:10:00-05:00', '2026-11-17T09:10:00.000Z'],
    ['2026-11-17T10:10+01:00', '2026-11-17T09:10:00.000Z'],
    ['2026-11-17T09:10Z', '2026-11-17T09:10:00.000Z'],
    ['2026-11-17T09:10:00.5Z', '2026-11-17T09:10:00.500Z'],
    ['2026-11-17T09:10:00.1234567Z', '2026-11-17T09:10:00.123Z'],
    ['2026-11-17T09:10:00,25Z', '2026-11-17T09:10:00.250Z'],
    ['2026-11-17t09:10:00z', '2026-11-17T09:10:00.000Z'],
    ['2026-11-17T10:10:00+0100', '2026-11-17T09:10:00.000Z'],
    ['2026-11-17T14:55:00+05:45', '2026-11-17T09:10:00.000Z'],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
  ])('reads %s as the instant %s', (text, utc) => {
    expect(parseInstantMs(text)).toBe(Date.parse(utc));
  });

  it.each([
    ['2026-11-17T10:00:00', /no offset/],
    ['2026-11-17', /too short/],
    ['2026-11-17 10:00:00Z', /separated by "T"/],
    ['2023-02-29T10:00:00Z', /no such date/],
    ['2026-11-17T24:00:00Z', /HH:MM/],
    ['2026-11-17T10:00:60Z', /seconds/],
    ['2026-11-17T10:00:00+1:00', /offset/],
    ['2026-11-17T10:00:00Zulu', /after the offset/],
    ['2026-11-17T10:00:00.Z', /fractional/],
    ['20261117T100000Z', /YYYY-MM-DD/],
  ])('refuses %j with a RangeError that says why', (text, reason) => {
    expect(() => parseInstantMs(text)).toThrow(RangeError);
    expect(() => parseInstantMs(text)).toThrow(reason);
    expect(() => parseInstantMs(text)).toThrow(`such as "2026-11-17T10:00:00+01:00"`);
  });

  it('refuses a value that is not a string', () => {
    expect(() => parseInstantMs(1_700_000_000_000 as unknown as string)).toThrow(/not a string/);
  });
});
