import { describe, expect, it } from 'vitest';
import { formatInstant, formatOffset } from './formatInstant.ts';

const HOUR = 3_600_000;

describe('formatInstant', () => {
  it('shows the wall-clock time at the given offset', () => {
    expect(formatInstant(Date.parse('2026-11-17T09:10:00Z'), HOUR)).toBe('2026-11-17T10:10:00+01:00');
    expect(formatInstant(Date.parse('2026-11-17T02:00:00Z'), -5 * HOUR)).toBe('2026-11-16T21:00:00-05:00');
  });

  it('adds milliseconds only when there are any, without trailing zeros', () => {
    expect(formatInstant(Date.parse('2026-11-17T09:10:00.120Z'), 0)).toBe('2026-11-17T09:10:00.12+00:00');
    expect(formatInstant(Date.parse('2026-11-17T09:10:00.007Z'), 0)).toBe('2026-11-17T09:10:00.007+00:00');
  });

  it('formats instants before 1970', () => {
    expect(formatInstant(Date.parse('1900-01-01T00:00:00Z'), HOUR)).toBe('1900-01-01T01:00:00+01:00');
  });
});

describe('formatOffset', () => {
  it.each([
    [0, '+00:00'],
    [5.75 * HOUR, '+05:45'],
    [-3.5 * HOUR, '-03:30'],
    [(5 * 3600 + 21 * 60 + 10) * 1000, '+05:21'],
    [-(44 * 60 + 30) * 1000, '-00:45'],
  ])('shows %i ms as %s, rounding seconds to the minute as Temporal does', (offset, text) => {
    expect(formatOffset(offset)).toBe(text);
  });
});
