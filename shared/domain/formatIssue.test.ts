import { describe, expect, it } from 'vitest';
import { formatIssue } from './formatIssue.ts';
import { parseCalendarOptions } from './parseCalendarOptions.ts';

describe('formatIssue', () => {
  it('says where, what was expected and what was found', () => {
    expect(
      formatIssue(
        { path: 'openingHours.mon', expected: 'HH:MM-HH:MM', found: '"8-17"' },
        'organisation.calendar',
      ),
    ).toBe('at `organisation.calendar.openingHours.mon`: expected `HH:MM-HH:MM`, got `"8-17"`');
  });

  it('works without a prefix', () => {
    expect(formatIssue({ path: 'timeZone', expected: 'an IANA time zone', found: '"Mars"' })).toBe(
      'at `timeZone`: expected `an IANA time zone`, got `"Mars"`',
    );
  });

  it('joins list indices without a dot', () => {
    expect(formatIssue({ path: '[2]', expected: 'a date', found: '"x"' }, 'closedDates')).toBe(
      'at `closedDates[2]`: expected `a date`, got `"x"`',
    );
  });

  it('names the prefix alone for an issue about the value itself', () => {
    const result = parseCalendarOptions('08:00-17:00');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatIssue(result.errors[0]!, 'organisation.calendar')).toMatch(
        /^at `organisation\.calendar`: expected `an object/,
      );
  });

  it('says "at the top level" when there is no path at all', () => {
    expect(formatIssue({ path: '', expected: 'an object', found: 'null' })).toBe(
      'at the top level: expected `an object`, got `null`',
    );
  });
});
