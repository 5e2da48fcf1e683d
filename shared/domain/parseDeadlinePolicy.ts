import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { describeFound } from './ParseResult.ts';
import type { ParseResult, ValidationIssue } from './ParseResult.ts';
import { policyPresets } from './policyPresets.ts';

const KINDS = {
  sameOrNextWorkingDay: [],
  workingDays: ['days'],
  openingHours: ['minutes'],
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeAtLeastOne(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/**
 * Validates a deadline policy from configuration: either a preset id (`"mjolby-funktionsbrevlada"`) or
 * an object such as `{ "kind": "workingDays", "days": 2, "warnBefore": 60 }`. Never throws: the result
 * lists every problem with its path (`days`, `warnBefore`; empty for the value itself).
 */
export function parseDeadlinePolicy(json: unknown): ParseResult<DeadlinePolicy> {
  const errors: ValidationIssue[] = [];
  const fail = (path: string, expected: string, value: unknown) =>
    errors.push({ path, expected, found: describeFound(value) });
  const presetIds = Object.keys(policyPresets);

  if (typeof json === 'string') {
    const preset = policyPresets[json];
    if (preset) return { ok: true, value: preset };
    fail(
      '',
      `a preset id (${presetIds.join(', ')}) or a policy object such as {"kind":"workingDays","days":1}`,
      json,
    );
    return { ok: false, errors };
  }
  if (!isRecord(json)) {
    fail(
      '',
      `a preset id (${presetIds.join(', ')}) or a policy object such as {"kind":"workingDays","days":1}`,
      json,
    );
    return { ok: false, errors };
  }

  const kind = json.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind)) {
    fail('kind', `one of ${Object.keys(KINDS).join(', ')}`, kind);
    return { ok: false, errors };
  }
  const known = ['kind', ...KINDS[kind as keyof typeof KINDS], 'warnBefore'];
  for (const key of Object.keys(json)) {
    if (!known.includes(key)) fail(key, `one of the fields of a ${kind} policy: ${known.join(', ')}`, key);
  }
  let policy: DeadlinePolicy;
  if (kind === 'workingDays') {
    if (!isWholeAtLeastOne(json.days)) fail('days', 'a whole number of working days ≥ 1', json.days);
    policy = { kind, days: json.days as number };
  } else if (kind === 'openingHours') {
    if (!isWholeAtLeastOne(json.minutes))
      fail('minutes', 'a whole number of opening-hours minutes ≥ 1', json.minutes);
    policy = { kind, minutes: json.minutes as number };
  } else {
    policy = { kind: 'sameOrNextWorkingDay' };
  }
  if (json.warnBefore !== undefined) {
    const warnBefore = json.warnBefore;
    if (typeof warnBefore !== 'number' || !Number.isFinite(warnBefore) || warnBefore < 0) {
      fail('warnBefore', 'a number of opening-hours minutes ≥ 0', warnBefore);
    } else {
      policy.warnBefore = warnBefore;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: policy };
}
