import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parseRetryAfter.ts';

const now = Date.UTC(2026, 10, 17, 9, 10, 0);

describe('parseRetryAfter', () => {
  it('reads whole seconds', () => {
    expect(parseRetryAfter('10', now)).toBe(10);
  });

  it('reads fractional seconds', () => {
    expect(parseRetryAfter('0.005', now)).toBe(0.005);
  });

  it('reads an HTTP date as the seconds until then', () => {
    expect(parseRetryAfter('Tue, 17 Nov 2026 09:10:30 GMT', now)).toBe(30);
  });

  it('treats an HTTP date in the past as no wait', () => {
    expect(parseRetryAfter('Tue, 17 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('accepts a number as given by a parsed header object', () => {
    expect(parseRetryAfter(2, now)).toBe(2);
  });

  it('gives null for a missing or unreadable value', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-3', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('2026', now)).toBe(2026);
  });

  it('reads the obsolete asctime date form as GMT, whatever the machine’s time zone', () => {
    const now = Date.UTC(1994, 10, 6, 8, 49, 7);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(30);
  });
});
