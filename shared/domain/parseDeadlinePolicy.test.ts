import { describe, expect, it } from 'vitest';
import { parseDeadlinePolicy } from './parseDeadlinePolicy.ts';
import { policyPresets } from './policyPresets.ts';

describe('parseDeadlinePolicy', () => {
  it.each(Object.entries(policyPresets))('accepts the preset id %s', (id, policy) => {
    expect(parseDeadlinePolicy(id)).toEqual({ ok: true, value: policy });
  });

  it.each([
    [{ kind: 'sameOrNextWorkingDay' }],
    [{ kind: 'workingDays', days: 2 }],
    [{ kind: 'openingHours', minutes: 60, warnBefore: 10 }],
    [{ kind: 'workingDays', days: 1, warnBefore: 0 }],
  ])('accepts the policy object %j', (json) => {
    expect(parseDeadlinePolicy(json)).toEqual({ ok: true, value: json });
  });

  it('refuses an unknown preset id and lists the known ones', () => {
    const result = parseDeadlinePolicy('mjolby-funktionsbrevlåda');
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          expected:
            'a preset id (mjolby-funktionsbrevlada, mjolby-myndighetsbrevlada, eskilstuna-kundcenter-epost, eskilstuna-verksamhet-epost, eskilstuna-medarbetare-epost) or a policy object such as {"kind":"workingDays","days":1}',
          found: '"mjolby-funktionsbrevlåda"',
        },
      ],
    });
  });

  it('refuses an unknown kind', () => {
    expect(parseDeadlinePolicy({ kind: 'weeks', weeks: 1 })).toEqual({
      ok: false,
      errors: [
        {
          path: 'kind',
          expected: 'one of sameOrNextWorkingDay, workingDays, openingHours',
          found: '"weeks"',
        },
      ],
    });
  });

  it('reports every problem of a policy object with its path', () => {
    expect(parseDeadlinePolicy({ kind: 'workingDays', days: 0, minutes: 60, warnBefore: -5 })).toEqual({
      ok: false,
      errors: [
        {
          path: 'minutes',
          expected: 'one of the fields of a workingDays policy: kind, days, warnBefore',
          found: '"minutes"',
        },
        { path: 'days', expected: 'a whole number of working days ≥ 1', found: '0' },
        { path: 'warnBefore', expected: 'a number of opening-hours minutes ≥ 0', found: '-5' },
      ],
    });
  });

  it('refuses openingHours without minutes, showing the missing value as "nothing"', () => {
    expect(parseDeadlinePolicy({ kind: 'openingHours' })).toEqual({
      ok: false,
      errors: [
        { path: 'minutes', expected: 'a whole number of opening-hours minutes ≥ 1', found: 'nothing' },
      ],
    });
  });

  it.each([undefined, null, 3, ['mjolby-funktionsbrevlada']])('refuses %j at the top level', (json) => {
    const result = parseDeadlinePolicy(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('');
  });
});
