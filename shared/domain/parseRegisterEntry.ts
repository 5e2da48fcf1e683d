import type { DeadlinePolicy } from './DeadlinePolicy.ts';
import { parseCalendarOptions } from './parseCalendarOptions.ts';
import { parseDeadlinePolicy } from './parseDeadlinePolicy.ts';
import type { ParseResult, ValidationIssue } from './ParseResult.ts';
import type { WorkCalendarOptions } from './WorkCalendarOptions.ts';

/** One mailbox of the register (a SharePoint list item), validated. */
export interface RegisterEntry {
  itemId: string;
  etag: string | null;
  address: string;
  displayName: string;
  kind: 'function' | 'authority';
  unit: string;
  owner: string | null;
  deputy: string | null;
  manager: string | null;
  policyPreset: string;
  policy: DeadlinePolicy;
  openingHours: WorkCalendarOptions['openingHours'] | null;
  /** Messages received before this date are not tracked (rules.md §3). */
  trackedSince: string | null;
}

export interface RegisterItem {
  id: string;
  eTag?: string;
  fields?: Record<string, unknown>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Validates one register row. Invalid rows are reported with the reason — the caller skips them —
 * rather than crashing a view: a typo in one row must not hide every other mailbox.
 */
export function parseRegisterEntry(item: RegisterItem): ParseResult<RegisterEntry> {
  const fields = item.fields ?? {};
  const errors: ValidationIssue[] = [];
  const fail = (path: string, expected: string, value: unknown) =>
    errors.push({ path: `fields.${path}`, expected, found: value === undefined ? 'nothing' : JSON.stringify(value) });

  const address = text(fields.Address).toLowerCase();
  if (!EMAIL.test(address)) fail('Address', 'the mailbox e-mail address, e.g. "bygglov@kommun.se"', fields.Address);

  const kind = text(fields.Kind);
  if (kind !== 'function' && kind !== 'authority') fail('Kind', '"function" or "authority"', fields.Kind);

  const person = (column: string): string | null => {
    const value = text(fields[column]).toLowerCase();
    if (value === '') return null;
    if (!EMAIL.test(value)) {
      fail(column, 'an e-mail address or empty', fields[column]);
      return null;
    }
    return value;
  };
  const owner = person('Owner');
  const deputy = person('Deputy');
  const manager = person('Manager');

  const presetId = text(fields.PolicyPreset);
  const policyResult = parseDeadlinePolicy(presetId === '' ? fields.PolicyPreset : presetId);
  if (!policyResult.ok) for (const issue of policyResult.errors) fail('PolicyPreset', issue.expected, fields.PolicyPreset);

  let openingHours: RegisterEntry['openingHours'] = null;
  const rawHours = text(fields.OpeningHours);
  if (rawHours !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawHours);
    } catch {
      fail('OpeningHours', 'JSON such as {"fri":"08:00-12:00"}', fields.OpeningHours);
    }
    if (parsed !== undefined) {
      const hours = parseCalendarOptions({ openingHours: parsed });
      const week = { mon: '', tue: '', wed: '', thu: '', fri: '', ...(hours.ok ? hours.value.openingHours : {}) };
      // A mailbox closed every day would never have a deadline: reject the row rather than let every
      // view that counts deadlines fail on it.
      if (hours.ok && Object.values(week).every((h) => h === null)) {
        fail('OpeningHours', 'at least one open weekday, e.g. {"fri":"08:00-12:00"}', parsed);
      } else if (hours.ok) openingHours = hours.value.openingHours ?? null;
      else for (const issue of hours.errors) fail(`OpeningHours.${issue.path.replace(/^openingHours\.?/, '')}`, issue.expected, parsed);
    }
  }

  const trackedSince = text(fields.TrackedSince);
  if (trackedSince !== '' && !DATE.test(trackedSince)) fail('TrackedSince', 'a date YYYY-MM-DD or empty', fields.TrackedSince);

  if (errors.length > 0 || !policyResult.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      itemId: item.id,
      etag: item.eTag ?? (typeof fields['@odata.etag'] === 'string' ? (fields['@odata.etag'] as string) : null),
      address,
      displayName: text(fields.Title) || address,
      kind: kind as RegisterEntry['kind'],
      unit: text(fields.Unit),
      owner,
      deputy,
      manager,
      policyPreset: presetId,
      policy: policyResult.value,
      openingHours,
      trackedSince: trackedSince === '' ? null : trackedSince.slice(0, 10),
    },
  };
}

export type MailboxRole = 'owner' | 'deputy';

/**
 * The mailboxes a person covers: those the register names them owner or deputy of.
 * Authority mailboxes come first (rules.md R2), then by display name.
 */
export function coveredMailboxes(
  entries: readonly RegisterEntry[],
  person: string,
): Array<{ entry: RegisterEntry; role: MailboxRole }> {
  const me = person.toLowerCase();
  const covered: Array<{ entry: RegisterEntry; role: MailboxRole }> = [];
  for (const entry of entries) {
    if (entry.owner === me) covered.push({ entry, role: 'owner' });
    else if (entry.deputy === me) covered.push({ entry, role: 'deputy' });
  }
  return covered.sort(
    (a, b) =>
      Number(b.entry.kind === 'authority') - Number(a.entry.kind === 'authority') ||
      a.entry.displayName.localeCompare(b.entry.displayName, 'sv'),
  );
}
