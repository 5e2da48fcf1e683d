import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../domain/index.ts';
import type { RegisterEntry } from '../../domain/index.ts';
import type { BatchPart, BatchRunner, PartResult } from '../../graph/index.ts';
import { loadCoverageData, nominatedPeople } from './loadCoverageData.ts';

const calendar = createWorkCalendar();
const NOW = Date.parse('2026-11-16T07:00:00+01:00');

function entry(address: string, owner: string | null, deputy: string | null): RegisterEntry {
  return { itemId: address, etag: null, address, displayName: address, kind: 'function', unit: 'U', owner, deputy, manager: null, policyPreset: 'p', policy: { kind: 'sameOrNextWorkingDay' }, openingHours: null, trackedSince: null };
}

const ok = (body: unknown): PartResult => ({ ok: true, status: 200, headers: {}, body });
const fail = (status: number, code: string): PartResult => ({ ok: false, error: { status, code, message: code, retryAfter: null } });

/** The small directory the fake runner answers from (Bo's account state is not readable). */
const directory = [
  { id: '1', userPrincipalName: 'anna@sjoby.example', mail: 'anna@sjoby.example', displayName: 'Anna Lind', accountEnabled: true },
  { id: '2', userPrincipalName: 'bo@sjoby.example', mail: 'bo@sjoby.example', displayName: 'Bo Ek' },
  { id: '3', userPrincipalName: 'cecilia.x@sjoby.example', mail: 'cecilia@sjoby.example', displayName: 'Cecilia Ås', accountEnabled: false },
];

/** The addresses of a `$filter=<property> in ('a','b')` look-up, with '' unescaped. */
function filtered(url: string): { property: string; addresses: string[] } | null {
  const filter = new URL(url, 'https://graph.test').searchParams.get('$filter') ?? '';
  const match = /^(\w+) in \((.*)\)$/.exec(filter);
  if (!match?.[1] || match[2] === undefined) return null;
  const addresses = [...match[2].matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? '').replace(/''/g, "'"));
  return { property: match[1], addresses };
}

/** A runner answering like Graph for a small directory, recording what was asked. */
function fakeRunner(): BatchRunner & { parts: BatchPart[] } {
  const parts: BatchPart[] = [];
  return {
    parts,
    stats: { batches: 0, parts: 0, retries: 0, renewals: 0 },
    async run(part) {
      parts.push(part);
      const lookup = part.url.startsWith('/users?') ? filtered(part.url) : null;
      if (lookup) {
        if (lookup.addresses.some((a) => a.startsWith('slow'))) return fail(503, 'ServiceUnavailable');
        const key = lookup.property === 'mail' ? 'mail' : 'userPrincipalName';
        return ok({ value: directory.filter((u) => lookup.addresses.includes(u[key])) });
      }
      if (part.url.startsWith('/users/bygglov')) return ok({ value: [{ receivedDateTime: '2026-11-13T09:00:00Z' }] });
      if (part.url.startsWith('/users/tom')) return ok({ value: [] });
      if (part.url === '/me/getMailTips') {
        const addresses = (part.body as { EmailAddresses: string[] }).EmailAddresses;
        return ok({ value: addresses.map((address) => ({ emailAddress: { address }, automaticReplies: { message: address.startsWith('bo') ? '<p>Borta</p>' : '' } })) });
      }
      if (part.url === '/me/calendar/getSchedule') {
        const schedules = (part.body as { schedules: string[] }).schedules;
        return ok({
          value: schedules.map((scheduleId) => ({
            scheduleId,
            scheduleItems: scheduleId.startsWith('bo')
              ? [{ status: 'oof', start: { dateTime: '2026-11-17T07:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-18T16:00:00', timeZone: 'UTC' } }]
              : [],
          })),
        });
      }
      return fail(400, 'unexpected');
    },
  };
}

describe('loadCoverageData', () => {
  const entries = [
    entry('bygglov@sjoby.example', 'anna@sjoby.example', 'bo@sjoby.example'),
    entry('tom@sjoby.example', 'gone@sjoby.example', 'slow@sjoby.example'),
  ];

  it('names each owner and deputy once, in lower case', () => {
    expect(nominatedPeople([...entries, entry('x@sjoby.example', 'ANNA@sjoby.example ', null)])).toEqual([
      'anna@sjoby.example',
      'bo@sjoby.example',
      'gone@sjoby.example',
      'slow@sjoby.example',
    ]);
  });

  it('reads people, absences, automatic replies and the newest Inbox message through the runner', async () => {
    const runner = fakeRunner();
    const reachable = [entries[0]!, entry('tom@sjoby.example', 'gone@sjoby.example', 'cecilia@sjoby.example')];
    const data = await loadCoverageData(runner, reachable, { calendar, nowMs: NOW });
    expect(data.people['anna@sjoby.example']).toEqual({ displayName: 'Anna Lind', found: true, accountEnabled: true });
    // accountEnabled needs a directory permission: missing means unknown, not disabled.
    expect(data.people['bo@sjoby.example']).toEqual({ displayName: 'Bo Ek', found: true, accountEnabled: null });
    // Not a principal name, but a mail address: found by the mail fallback.
    expect(data.people['cecilia@sjoby.example']).toEqual({ displayName: 'Cecilia Ås', found: true, accountEnabled: false });
    expect(data.people['gone@sjoby.example']?.found).toBe(false);
    expect(data.problems).toEqual([]);
    // One look-up by principal name for all four, one by mail for the two it did not match.
    const lookups = runner.parts.filter((p) => p.url.startsWith('/users?')).map((p) => filtered(p.url));
    expect(lookups).toEqual([
      { property: 'userPrincipalName', addresses: ['anna@sjoby.example', 'bo@sjoby.example', 'gone@sjoby.example', 'cecilia@sjoby.example'] },
      { property: 'mail', addresses: ['gone@sjoby.example', 'cecilia@sjoby.example'] },
    ]);
    expect(runner.parts.find((p) => p.url.startsWith('/users?'))?.url).toContain('$select=id,displayName,userPrincipalName,mail,accountEnabled');
    expect(data.absences['bo@sjoby.example']).toEqual([{ start: '2026-11-17T08:00:00+01:00', end: '2026-11-18T17:00:00+01:00' }]);
    expect(data.autoReplies['bo@sjoby.example']).toEqual({ status: 'alwaysEnabled', message: '<p>Borta</p>' });
    expect(data.autoReplies['anna@sjoby.example']).toEqual({ status: 'disabled', message: '' });
    expect(data.lastIncoming).toEqual({ 'bygglov@sjoby.example': '2026-11-13T09:00:00Z', 'tom@sjoby.example': null });
    expect(runner.parts.filter((p) => p.url === '/me/calendar/getSchedule')).toHaveLength(1);
    expect(runner.parts.filter((p) => p.url === '/me/getMailTips')).toHaveLength(1);
  });

  it('keeps the people of a failed look-up as found, and reports the failure instead of a false finding', async () => {
    const data = await loadCoverageData(fakeRunner(), entries, { calendar, nowMs: NOW });
    // slow@ shares the chunk with the others: the whole request failed, so nobody is "not found".
    for (const person of ['slow@sjoby.example', 'gone@sjoby.example', 'anna@sjoby.example']) {
      expect(data.people[person]).toEqual({ displayName: person, found: true, accountEnabled: null });
      expect(data.problems).toContainEqual({ subject: person, code: 'ServiceUnavailable', message: 'ServiceUnavailable' });
    }
  });
});
