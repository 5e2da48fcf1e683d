import { describe, expect, it } from 'vitest';
import { defaultWarnBefore } from './DeadlinePolicy.ts';
import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { policyPresets } from './policyPresets.ts';

describe('policyPresets', () => {
  it('has exactly the presets of rules.md §5, with their policies', () => {
    expect(policyPresets).toEqual({
      'mjolby-funktionsbrevlada': { kind: 'sameOrNextWorkingDay' },
      'mjolby-myndighetsbrevlada': { kind: 'sameOrNextWorkingDay' },
      'eskilstuna-kundcenter-epost': { kind: 'openingHours', minutes: 60 },
      'eskilstuna-verksamhet-epost': { kind: 'workingDays', days: 1 },
      'eskilstuna-medarbetare-epost': { kind: 'workingDays', days: 2 },
    });
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(policyPresets)).toBe(true);
    expect(Object.values(policyPresets).every((policy) => Object.isFrozen(policy))).toBe(true);
  });
});

describe('defaultWarnBefore', () => {
  it.each<[DeadlinePolicy, number]>([
    [{ kind: 'sameOrNextWorkingDay' }, 120],
    [{ kind: 'workingDays', days: 2 }, 120],
    [{ kind: 'openingHours', minutes: 60 }, 15],
  ])('warns %j this many opening-hours minutes ahead: %i', (policy, minutes) => {
    expect(defaultWarnBefore(policy)).toBe(minutes);
  });
});
