import { describe, expect, it } from 'vitest';
import { coveredMailboxes, parseRegisterEntry } from './parseRegisterEntry.ts';
import type { RegisterEntry } from './parseRegisterEntry.ts';

const row = (fields: Record<string, unknown>) => ({
  id: '7',
  eTag: '"abc,1"',
  fields: {
    Title: 'Bygglov',
    Address: 'Bygglov@Sjoby.example',
    Kind: 'function',
    Unit: 'Samhällsbyggnadsförvaltningen',
    Owner: 'anna.berg@sjoby.example',
    Deputy: 'erik.lund@sjoby.example',
    Manager: 'karin.holm@sjoby.example',
    PolicyPreset: 'mjolby-funktionsbrevlada',
    ...fields,
  },
});

describe('parseRegisterEntry', () => {
  it('reads a complete row, lower-casing addresses', () => {
    const result = parseRegisterEntry(row({}));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      itemId: '7',
      etag: '"abc,1"',
      address: 'bygglov@sjoby.example',
      kind: 'function',
      owner: 'anna.berg@sjoby.example',
      deputy: 'erik.lund@sjoby.example',
      policy: { kind: 'sameOrNextWorkingDay' },
      openingHours: null,
    });
  });

  it('keeps an empty deputy as missing rather than rejecting the row', () => {
    const result = parseRegisterEntry(row({ Deputy: '' }));
    expect(result.ok && result.value.deputy).toBeNull();
  });

  it('reads a per-mailbox opening-hours override', () => {
    const result = parseRegisterEntry(row({ OpeningHours: '{"fri":"08:00-12:00"}' }));
    expect(result.ok && result.value.openingHours).toEqual({ fri: '08:00-12:00' });
  });

  it('names the column, the expectation and the value for each problem', () => {
    const result = parseRegisterEntry(row({ Kind: 'shared', PolicyPreset: 'snabbt', Owner: 'anna' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['fields.Kind', 'fields.PolicyPreset', 'fields.Owner']));
    expect(result.errors.find((e) => e.path === 'fields.Kind')?.found).toBe('"shared"');
  });

  it('rejects opening hours that close the mailbox on every day', () => {
    const closed = JSON.stringify({ mon: null, tue: null, wed: null, thu: null, fri: null });
    const result = parseRegisterEntry(row({ OpeningHours: closed }));
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['fields.OpeningHours']);
  });

  it('rejects unreadable opening hours with an example of the right form', () => {
    const result = parseRegisterEntry(row({ OpeningHours: 'fredag 8-12' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.expected).toContain('{"fri":"08:00-12:00"}');
  });
});

describe('coveredMailboxes', () => {
  const entry = (address: string, kind: RegisterEntry['kind'], owner: string | null, deputy: string | null) =>
    ({ address, displayName: address, kind, owner, deputy }) as RegisterEntry;

  it('lists the mailboxes a person owns or deputises, authority mailboxes first', () => {
    const entries = [
      entry('b@x.se', 'function', 'anna@x.se', 'erik@x.se'),
      entry('a@x.se', 'function', 'erik@x.se', 'anna@x.se'),
      entry('n@x.se', 'authority', 'erik@x.se', 'anna@x.se'),
      entry('c@x.se', 'function', 'karin@x.se', null),
    ];
    expect(coveredMailboxes(entries, 'Anna@X.se').map(({ entry: e, role }) => [e.address, role])).toEqual([
      ['n@x.se', 'deputy'],
      ['a@x.se', 'deputy'],
      ['b@x.se', 'owner'],
    ]);
  });
});
