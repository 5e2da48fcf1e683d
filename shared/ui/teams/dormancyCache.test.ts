import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DORMANCY_DB_VERSION, dormancyRecheckReason, openDormancyCache } from './dormancyCache.ts';
import type { DormancyRecheckReason, DormancyRecord } from './dormancyCache.ts';

const NOW = Date.parse('2026-11-17T10:30:00+01:00');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
/** A record read `checkedAgo` ms before NOW whose newest message was `newestAgo` ms before NOW. */
const rec = (newestAgo: number | null, checkedAgo: number, stale?: boolean): DormancyRecord => ({
  newestReceived: newestAgo === null ? null : iso(NOW - newestAgo),
  checkedAt: iso(NOW - checkedAgo),
  ...(stale ? { stale } : {}),
});

describe('dormancyRecheckReason', () => {
  const cases: Array<[string, DormancyRecord | undefined, DormancyRecheckReason | null]> = [
    ['nothing cached', undefined, 'missing'],
    ['the last read failed (recent mail, read an hour ago)', rec(2 * DAY, HOUR, true), 'failed'],
    ['the last read failed on a dormant mailbox', rec(90 * DAY, HOUR, true), 'failed'],
    ['an empty Inbox, read a minute ago', rec(null, MIN), 'dormant'],
    ['dormant: newest 61 days ago, read a minute ago', rec(61 * DAY, MIN), 'dormant'],
    ['dormant: newest exactly 60 days ago', rec(60 * DAY, MIN), 'dormant'],
    ['dormant, read at this very instant', rec(200 * DAY, 0), 'dormant'],
    ['a minute before the edge', rec(60 * DAY - MIN, MIN), 'nearEdge'],
    ['the edge exactly 24 h ahead', rec(59 * DAY, MIN), 'nearEdge'],
    ['the edge 25 h ahead, read an hour ago', rec(59 * DAY - HOUR, HOUR), null],
    ['recent mail, read 23 h 59 min ago', rec(DAY, DAY - MIN), null],
    ['recent mail, read exactly 24 h ago', rec(DAY, DAY), 'old'],
    ['recent mail, read 3 days ago', rec(HOUR, 3 * DAY), 'old'],
    ['recent mail, read at this very instant', rec(DAY, 0), null],
    ['newest message in the future (clock skew), read now', rec(-5 * MIN, 0), null],
    ['read "in the future" (the clock moved back)', rec(DAY, -HOUR), 'clock'],
    ['an unreadable checkedAt', { newestReceived: iso(NOW - DAY), checkedAt: 'yesterday' }, 'clock'],
    ['an unreadable newestReceived', { newestReceived: 'soon', checkedAt: iso(NOW) }, 'dormant'],
  ];
  it.each(cases)('%s → %s', (_name, record, expected) => {
    expect(dormancyRecheckReason(record, NOW)).toBe(expected);
  });

  it('follows another dormancy threshold, age and margin', () => {
    const record = rec(20 * DAY, HOUR);
    expect(dormancyRecheckReason(record, NOW, { dormantAfterDays: 30 })).toBeNull();
    expect(dormancyRecheckReason(record, NOW, { dormantAfterDays: 20 })).toBe('dormant');
    expect(dormancyRecheckReason(record, NOW, { dormantAfterDays: 21 })).toBe('nearEdge');
    expect(dormancyRecheckReason(record, NOW, { dormantAfterDays: 21, edgeMarginMs: HOUR / 2 })).toBeNull();
    expect(dormancyRecheckReason(record, NOW, { maxAgeMs: HOUR })).toBe('old');
  });

  it('never lets a cached value hide a finding: whatever it says is either not dormant now or read again', () => {
    for (let newestAgo = -DAY; newestAgo <= 100 * DAY; newestAgo += 7 * HOUR) {
      for (let checkedAgo = 0; checkedAgo <= 3 * DAY; checkedAgo += 5 * HOUR) {
        const reason = dormancyRecheckReason(rec(newestAgo, checkedAgo), NOW);
        if (reason === null) {
          // Used from the cache: not dormant for another day, and read within the last 24 h.
          expect(newestAgo).toBeLessThan(59 * DAY);
          expect(checkedAgo).toBeLessThan(DAY);
        }
      }
    }
  });
});

let dbCount = 0;
const freshName = () => `dormancy-cache-test-${++dbCount}`;

describe('openDormancyCache', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives back what was saved, per user (any case), after the database is opened again', async () => {
    const name = freshName();
    const first = await openDormancyCache({ name });
    expect(first).not.toBeNull();
    await first?.save(
      'Elin@Sjoby.example',
      new Map([
        ['Bygglov@sjoby.example', { newestReceived: '2026-11-13T09:00:00Z', checkedAt: '2026-11-17T09:30:00.000Z' }],
        ['tom@sjoby.example', { newestReceived: null, checkedAt: '2026-11-17T09:30:00.000Z' }],
      ]),
    );
    await first?.save('bo@sjoby.example', new Map([['tom@sjoby.example', { newestReceived: '2026-10-01T08:00:00Z', checkedAt: '2026-11-16T09:30:00.000Z' }]]));
    first?.close();

    const second = await openDormancyCache({ name });
    expect(await second?.load('elin@sjoby.example')).toEqual(
      new Map([
        ['bygglov@sjoby.example', { newestReceived: '2026-11-13T09:00:00Z', checkedAt: '2026-11-17T09:30:00.000Z' }],
        ['tom@sjoby.example', { newestReceived: null, checkedAt: '2026-11-17T09:30:00.000Z' }],
      ]),
    );
    // Another user's reads are their own.
    expect(await second?.load('BO@sjoby.example')).toEqual(
      new Map([['tom@sjoby.example', { newestReceived: '2026-10-01T08:00:00Z', checkedAt: '2026-11-16T09:30:00.000Z' }]]),
    );
    expect(await second?.load('nobody@sjoby.example')).toEqual(new Map());
    second?.close();
  });

  it('overwrites only the records saved, and keeps the stale mark', async () => {
    const cache = await openDormancyCache({ name: freshName() });
    const user = 'a@x.se';
    await cache?.save(
      user,
      new Map([
        ['m1@x.se', { newestReceived: '2026-11-01T08:00:00Z', checkedAt: '2026-11-16T08:00:00.000Z' }],
        ['m2@x.se', { newestReceived: '2026-11-02T08:00:00Z', checkedAt: '2026-11-16T08:00:00.000Z' }],
      ]),
    );
    await cache?.save(user, new Map([['m1@x.se', { newestReceived: '2026-11-01T08:00:00Z', checkedAt: '2026-11-16T08:00:00.000Z', stale: true }]]));
    const records = await cache?.load(user);
    expect(records?.get('m1@x.se')).toEqual({ newestReceived: '2026-11-01T08:00:00Z', checkedAt: '2026-11-16T08:00:00.000Z', stale: true });
    expect(records?.get('m2@x.se')).toEqual({ newestReceived: '2026-11-02T08:00:00Z', checkedAt: '2026-11-16T08:00:00.000Z' });
    cache?.close();
  });

  it('skips records that are not records (broken or written by something else)', async () => {
    const name = freshName();
    const cache = await openDormancyCache({ name });
    await cache?.save('a@x.se', new Map([['ok@x.se', { newestReceived: null, checkedAt: '2026-11-16T08:00:00.000Z' }]]));
    cache?.close();
    const raw = await openDB(name, DORMANCY_DB_VERSION);
    await raw.put('newest', { user: 'a@x.se', address: 'broken@x.se', newestReceived: 42, checkedAt: '2026-11-16T08:00:00.000Z' });
    await raw.put('newest', { user: 'a@x.se', address: 'nodate@x.se', newestReceived: null });
    raw.close();
    const again = await openDormancyCache({ name });
    expect([...((await again?.load('a@x.se')) ?? new Map()).keys()]).toEqual(['ok@x.se']);
    again?.close();
  });

  it('is its own database, apart from the sync store', async () => {
    const cache = await openDormancyCache();
    expect(cache).not.toBeNull();
    cache?.close();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain('brevladevakten-dormancy');
    expect(names).not.toContain('brevladevakten-sync');
  });

  it('is null where IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await openDormancyCache({ name: freshName() })).toBeNull();
  });
});
