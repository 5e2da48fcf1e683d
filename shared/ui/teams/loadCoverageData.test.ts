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

/** A runner answering like Graph for a small directory, recording what was asked. */
function fakeRunner(): BatchRunner & { parts: BatchPart[] } {
  const parts: BatchPart[] = [];
  return {
    parts,
    stats: { batches: 0, parts: 0, retries: 0, renewals: 0 },
    async run(part) {
      parts.push(part);
      if (part.url.startsWith('/users/anna')) return ok({ displayName: 'Anna Lind', accountEnabled: true });
      if (part.url.startsWith('/users/bo')) return ok({ displayName: 'Bo Ek' });
      if (part.url.startsWith('/users/gone')) return fail(404, 'Request_ResourceNotFound');
      if (part.url.startsWith('/users/slow')) return fail(503, 'ServiceUnavailable');
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
    const data = await loadCoverageData(runner, entries, { calendar, nowMs: NOW });
    expect(data.people['anna@sjoby.example']).toEqual({ displayName: 'Anna Lind', found: true, accountEnabled: true });
    // accountEnabled needs a directory permission: missing means unknown, not disabled.
    expect(data.people['bo@sjoby.example']).toEqual({ displayName: 'Bo Ek', found: true, accountEnabled: null });
    expect(data.people['gone@sjoby.example']?.found).toBe(false);
    expect(data.absences['bo@sjoby.example']).toEqual([{ start: '2026-11-17T08:00:00+01:00', end: '2026-11-18T17:00:00+01:00' }]);
    expect(data.autoReplies['bo@sjoby.example']).toEqual({ status: 'alwaysEnabled', message: '<p>Borta</p>' });
    expect(data.autoReplies['anna@sjoby.example']).toEqual({ status: 'disabled', message: '' });
    expect(data.lastIncoming).toEqual({ 'bygglov@sjoby.example': '2026-11-13T09:00:00Z', 'tom@sjoby.example': null });
    expect(runner.parts.filter((p) => p.url === '/me/calendar/getSchedule')).toHaveLength(1);
    expect(runner.parts.filter((p) => p.url === '/me/getMailTips')).toHaveLength(1);
  });

  it('keeps a person whose look-up failed as found, and reports the failure instead of a false finding', async () => {
    const data = await loadCoverageData(fakeRunner(), entries, { calendar, nowMs: NOW });
    expect(data.people['slow@sjoby.example']).toEqual({ displayName: 'slow@sjoby.example', found: true, accountEnabled: null });
    expect(data.problems).toContainEqual({ subject: 'slow@sjoby.example', code: 'ServiceUnavailable', message: 'ServiceUnavailable' });
  });
});
