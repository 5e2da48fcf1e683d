import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { coverageFindings, createWorkCalendar } from '../../domain/index.ts';
import type { RegisterEntry } from '../../domain/index.ts';
import type { BatchPart, BatchRunner, PartResult } from '../../graph/index.ts';
import { openDormancyCache } from './dormancyCache.ts';
import type { DormancyCache, DormancyRecord } from './dormancyCache.ts';
import { loadCoverageData } from './loadCoverageData.ts';

/** The newest-message cache as the loader uses it: what is read, what is answered from the cache. */

const calendar = createWorkCalendar();
const NOW = Date.parse('2026-11-17T10:30:00+01:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const USER = 'chef@sjoby.example';

function entry(address: string): RegisterEntry {
  return { itemId: address, etag: null, address, displayName: address, kind: 'function', unit: 'U', owner: 'anna@sjoby.example', deputy: null, manager: USER, policyPreset: 'p', policy: { kind: 'sameOrNextWorkingDay' }, openingHours: null, trackedSince: null };
}

const ok = (body: unknown): PartResult => ({ ok: true, status: 200, headers: {}, body });
const fail = (status: number, code: string): PartResult => ({ ok: false, error: { status, code, message: code, retryAfter: null } });

/** A runner whose Inboxes are `newest` (address → newest received, null: empty); `failing` answer 503. */
function fakeRunner(newest: Map<string, string | null>, failing = new Set<string>()): BatchRunner & { inboxReads: () => string[]; clear: () => void } {
  let parts: BatchPart[] = [];
  return {
    stats: { batches: 0, parts: 0, retries: 0, renewals: 0 },
    inboxReads: () => parts.filter((p) => p.url.includes('/mailFolders/inbox/messages')).map((p) => decodeURIComponent(p.url.split('/')[2] ?? '')),
    clear: () => {
      parts = [];
    },
    async run(part) {
      parts.push(part);
      if (part.url.startsWith('/users?')) return ok({ value: [{ id: '1', userPrincipalName: 'anna@sjoby.example', mail: 'anna@sjoby.example', displayName: 'Anna', accountEnabled: true }] });
      if (part.url === '/me/getMailTips') return ok({ value: [{ emailAddress: { address: 'anna@sjoby.example' }, automaticReplies: { message: '' } }] });
      if (part.url === '/me/calendar/getSchedule') return ok({ value: [{ scheduleId: 'anna@sjoby.example', scheduleItems: [] }] });
      const inbox = /^\/users\/([^/]+)\/mailFolders\/inbox\/messages/.exec(part.url);
      if (inbox?.[1]) {
        const address = decodeURIComponent(inbox[1]);
        if (failing.has(address)) return fail(503, 'ServiceUnavailable');
        const received = newest.get(address);
        return ok({ value: received ? [{ receivedDateTime: received }] : [] });
      }
      return fail(400, 'unexpected');
    },
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
let dbCount = 0;
const freshCache = () => openDormancyCache({ name: `load-dormancy-test-${++dbCount}` });

const boxes = {
  busy: 'busy@sjoby.example', // mail yesterday
  quiet: 'quiet@sjoby.example', // last mail 90 days ago: dormant
  empty: 'empty@sjoby.example', // nothing at all: dormant
  edge: 'edge@sjoby.example', // last mail 59.5 days ago: turns dormant within the day
};
const inboxes = () =>
  new Map<string, string | null>([
    [boxes.busy, iso(NOW - DAY)],
    [boxes.quiet, iso(NOW - 90 * DAY)],
    [boxes.empty, null],
    [boxes.edge, iso(NOW - 59.5 * DAY)],
  ]);
const entries = Object.values(boxes).map(entry);
const dormantOf = (data: Awaited<ReturnType<typeof loadCoverageData>>, nowMs: number) =>
  coverageFindings({ entries, ...data, calendar, now: calendar.formatInstant(nowMs) })
    .findings.filter((f) => f.kind === 'dormantMailbox')
    .map((f) => f.mailbox)
    .sort();

describe('loadCoverageData with the dormancy cache', () => {
  it('reads every mailbox the first time, then only the dormant and nearly dormant ones', async () => {
    const cache = await freshCache();
    const runner = fakeRunner(inboxes());
    const options = { calendar, nowMs: NOW, dormancyCache: { cache, user: USER } };
    const first = await loadCoverageData(runner, entries, options);
    expect(runner.inboxReads().sort()).toEqual(Object.values(boxes).sort());
    expect(dormantOf(first, NOW)).toEqual([boxes.empty, boxes.quiet]);
    expect((await cache?.load(USER))?.get(boxes.busy)).toEqual({ newestReceived: iso(NOW - DAY), checkedAt: iso(NOW) });

    runner.clear();
    const later = NOW + 2 * HOUR;
    const second = await loadCoverageData(runner, entries, { ...options, nowMs: later });
    expect(runner.inboxReads().sort()).toEqual([boxes.edge, boxes.empty, boxes.quiet]);
    expect(second.lastIncoming).toEqual(first.lastIncoming);
    expect(dormantOf(second, later)).toEqual([boxes.empty, boxes.quiet]);
    expect(second.problems).toEqual([]);
    cache?.close();
  });

  it('reads everything again after 24 h, and for another user', async () => {
    const cache = await freshCache();
    const runner = fakeRunner(inboxes());
    await loadCoverageData(runner, entries, { calendar, nowMs: NOW, dormancyCache: { cache, user: USER } });
    runner.clear();
    await loadCoverageData(runner, entries, { calendar, nowMs: NOW + DAY, dormancyCache: { cache, user: USER } });
    expect(runner.inboxReads()).toHaveLength(4);
    runner.clear();
    await loadCoverageData(runner, entries, { calendar, nowMs: NOW + DAY, dormancyCache: { cache, user: 'other@sjoby.example' } });
    expect(runner.inboxReads()).toHaveLength(4);
    cache?.close();
  });

  it('drops the finding on the next load once mail arrives in a dormant mailbox', async () => {
    const cache = await freshCache();
    const mail = inboxes();
    const runner = fakeRunner(mail);
    const options = { calendar, nowMs: NOW, dormancyCache: { cache, user: USER } };
    expect(dormantOf(await loadCoverageData(runner, entries, options), NOW)).toEqual([boxes.empty, boxes.quiet]);
    mail.set(boxes.quiet, iso(NOW + 5 * 60_000));
    const later = NOW + 10 * 60_000;
    expect(dormantOf(await loadCoverageData(runner, entries, { ...options, nowMs: later }), later)).toEqual([boxes.empty]);
    cache?.close();
  });

  it('keeps a failed read out of the findings, reports it, and marks the cached value stale', async () => {
    const cache = await freshCache();
    const earlier = NOW - 25 * HOUR;
    const seed: Array<[string, DormancyRecord]> = [
      [boxes.busy, { newestReceived: iso(NOW - 2 * DAY), checkedAt: iso(earlier) }],
      [boxes.quiet, { newestReceived: iso(NOW - 90 * DAY), checkedAt: iso(NOW - HOUR) }],
    ];
    await cache?.save(USER, new Map(seed));
    const failing = new Set([boxes.busy, boxes.quiet]);
    const runner = fakeRunner(inboxes(), failing);
    const options = { calendar, nowMs: NOW, dormancyCache: { cache, user: USER } };
    const data = await loadCoverageData(runner, entries, options);
    // The dormant cached value is not turned into a finding: the read of this load failed.
    expect(dormantOf(data, NOW)).toEqual([boxes.empty]);
    expect(data.lastIncoming).not.toHaveProperty(boxes.busy);
    expect(data.lastIncoming).not.toHaveProperty(boxes.quiet);
    expect(data.problems).toEqual([
      { subject: boxes.busy, code: 'ServiceUnavailable', message: 'ServiceUnavailable' },
      { subject: boxes.quiet, code: 'ServiceUnavailable', message: 'ServiceUnavailable' },
    ]);
    const kept = await cache?.load(USER);
    expect(kept?.get(boxes.busy)).toEqual({ ...seed[0]![1], stale: true });
    expect(kept?.get(boxes.quiet)).toEqual({ ...seed[1]![1], stale: true });

    // Read again the next time, even though nothing else would call for it; a success clears the mark.
    failing.clear();
    runner.clear();
    const next = await loadCoverageData(runner, entries, { ...options, nowMs: NOW + 60_000 });
    expect(runner.inboxReads()).toContain(boxes.busy);
    expect(next.lastIncoming[boxes.busy]).toBe(iso(NOW - DAY));
    expect((await cache?.load(USER))?.get(boxes.busy)).toEqual({ newestReceived: iso(NOW - DAY), checkedAt: iso(NOW + 60_000) });
    cache?.close();
  });

  it('reads everything when there is no cache, or it cannot be opened or read', async () => {
    const broken: DormancyCache = {
      load: () => Promise.reject(new Error('gone')),
      save: () => Promise.reject(new Error('gone')),
      close: () => undefined,
    };
    const variants = [
      () => null,
      () => ({ cache: null, user: USER }),
      () => ({ cache: Promise.reject<DormancyCache>(new Error('blocked')), user: USER }),
      () => ({ cache: broken, user: USER }),
    ];
    for (const variant of variants) {
      const dormancyCache = variant();
      const runner = fakeRunner(inboxes());
      const data = await loadCoverageData(runner, entries, { calendar, nowMs: NOW, dormancyCache });
      expect(runner.inboxReads()).toHaveLength(4);
      expect(dormantOf(data, NOW)).toEqual([boxes.empty, boxes.quiet]);
    }
  });

  it('survives a cache whose writes fail', async () => {
    const cache = await freshCache();
    if (!cache) throw new Error('no cache');
    const failingWrites: DormancyCache = { ...cache, save: () => Promise.reject(new Error('QuotaExceededError')) };
    const runner = fakeRunner(inboxes());
    const data = await loadCoverageData(runner, entries, { calendar, nowMs: NOW, dormancyCache: { cache: failingWrites, user: USER } });
    expect(Object.keys(data.lastIncoming)).toHaveLength(4);
    cache.close();
  });
});
