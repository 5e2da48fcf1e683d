import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import config from '../../config.json' with { type: 'json' };
import { startEmulator } from '../../emulator/index.ts';
import type { RequestLogEntry, RunningEmulator } from '../../emulator/index.ts';
import { coveredMailboxes } from '../../shared/domain/index.ts';
import {
  DemoTokenProvider,
  createSyncStore,
  getAbsences,
  getAutomaticReplies,
  openSyncPersistence,
  readRegister,
  updateDeputy,
} from '../../shared/graph/index.ts';
import { createGraphClient } from '../../shared/graph/createGraphClient.ts';
import type {
  SyncPersistence,
  SyncState,
  SyncStoreOptions,
  TokenProvider,
} from '../../shared/graph/index.ts';
import { differences, requestLogProblems } from '../oracle/syncTruth.ts';

const NOW = '2026-11-17T10:30:00+01:00';
const ELIN = 'elin.berg@sjoby.example';
const ANNA = 'anna.johansson@sjoby.example';
const { handledCategories, citizenServiceAddress } = config.organisation;

let emulator: RunningEmulator;
const wholeRun: RequestLogEntry[] = [];

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, seed: 11, now: NOW });
});
afterEach(async () => {
  wholeRun.push(...emulator.log.entries());
  await emulator.close();
});

/** The Graph client, token provider and covered mailboxes of a demo user, and a sync store for them. */
async function signIn(upn: string) {
  const real = new DemoTokenProvider(emulator.url, upn);
  const renewals: boolean[] = [];
  const tokens: TokenProvider = {
    getToken(options) {
      if (options?.forceRefresh) renewals.push(true);
      return real.getToken(options);
    },
  };
  const client = createGraphClient({
    baseUrl: emulator.url,
    tokens,
    retry: { maxRetries: 3, delaySeconds: 0.01 },
  });
  const register = await readRegister(client, config.register);
  if (!register.ok) throw new Error(register.error.message);
  const entries = coveredMailboxes(register.value.entries, upn).map((c) => c.entry);
  const addresses = entries.map((e) => e.address);
  const makeStore = (options: Partial<SyncStoreOptions> = {}) =>
    createSyncStore({
      client,
      tokens,
      user: upn,
      mailboxes: entries,
      organisation: config.organisation,
      pageSize: 5,
      retry: { maxTotalWaitSeconds: 2, backoffSeconds: 0.01 },
      ...options,
    });
  return { client, tokens, renewals, entries, addresses, makeStore, register: register.value };
}

const deltaRequests = (entries: RequestLogEntry[]) =>
  entries.filter((e) => e.route === 'mailFolder.messages.delta');
const mailboxOf = (url: string) => decodeURIComponent(/\/users\/([^/]+)\//.exec(url)?.[1] ?? '');
const isFirstRequest = (url: string) => !/\$(deltatoken|skiptoken)=/.test(url);

function expectTruth(state: SyncState, addresses: string[]) {
  expect(addresses.flatMap((a) => differences(state, emulator.tenant, a, handledCategories))).toEqual([]);
}

describe('mailbox sync against the emulator', () => {
  it('syncs every covered mailbox in full, pages followed to the end, delta requests batched together', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    const store = makeStore();
    const state = await store.refresh();
    expectTruth(state, addresses);
    expect(state.mailboxes.every((m) => m.status === 'idle' && !m.stale && m.lastFresh !== null)).toBe(true);

    const deltas = deltaRequests(emulator.log.entries());
    expect(deltas.every((e) => e.viaBatch && e.status === 200)).toBe(true);
    const perBatch = new Map<string, number>();
    for (const e of deltas)
      perBatch.set(e.batchRequestId ?? '', (perBatch.get(e.batchRequestId ?? '') ?? 0) + 1);
    // 3 mailboxes of ~25 messages in pages of 5: each batch carries a page of every mailbox.
    expect([...perBatch.values()].every((n) => n === addresses.length)).toBe(true);
    const first = deltas.filter((e) => isFirstRequest(e.url));
    expect(first.map((e) => mailboxOf(e.url)).sort()).toEqual([...addresses].sort());
    for (const e of first) {
      expect(e.url).toContain(
        '$select=subject,from,receivedDateTime,isRead,flag,categories,conversationId,webLink',
      );
      expect(e.url).toContain("$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')");
      expect(e.requestHeaders.prefer).toBe('odata.maxpagesize=5');
    }
  });

  it('applies replies, forwards, categories, flags, moves, deletions and new mail incrementally', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    const store = makeStore();
    await store.refresh();
    const [a, b, c] = addresses as [string, string, string];
    const changes = emulator.tenant.changes;
    const inbox = (m: string) => emulator.tenant.inboxMessages(m);
    // Messages unhandled so far (other than those changed below), so that sync sees them become handled.
    const unhandled = (m: string, skip: number[]) => {
      const list = inbox(m);
      const lower = handledCategories.map((h) => h.toLowerCase());
      const found = list.find(
        (x, i) =>
          !skip.includes(i) &&
          x.lastVerbExecuted === null &&
          x.flag.flagStatus !== 'complete' &&
          !x.categories.some((cat) => lower.includes(cat.toLowerCase())),
      );
      return (found ?? list[0]!).id;
    };
    const replied = unhandled(a, [1, 2]);
    const flagged = unhandled(c, [1]);
    changes.reply(a, replied);
    changes.reply(a, inbox(a)[1]!.id, { all: true });
    changes.forward(b, inbox(b)[0]!.id);
    changes.categorise(b, inbox(b)[1]!.id, ['Diarieförd']);
    changes.flag(c, flagged, 'complete');
    changes.move(c, inbox(c)[1]!.id, 'archive');
    changes.delete(a, inbox(a)[2]!.id);
    changes.markRead(b, inbox(b)[2]!.id, true);
    changes.newMessage(c, {
      subject: 'Fråga om strandskydd',
      from: { name: 'Kim Medborgare', address: 'kim@example.se' },
    });
    emulator.log.clear();

    const state = await store.refresh();
    expectTruth(state, addresses);
    const deltas = deltaRequests(emulator.log.entries());
    expect(deltas.every((e) => /\$deltatoken=|\$skiptoken=/.test(e.url))).toBe(true);
    // The handling times come along: the reply time (0x1082), the flag's completedDateTime, and when
    // sync first saw each message handled.
    const find = (mailbox: string, id: string) =>
      state.mailboxes.find((m) => m.address === mailbox)?.messages.find((m) => m.id === id);
    expect(find(a, replied)).toMatchObject({ handled: 'replied', lastVerbAt: expect.any(String), handledSeenAt: expect.any(String) });
    expect(find(c, flagged)).toMatchObject({ handled: 'flagComplete', flagCompletedAt: expect.any(String), handledSeenAt: expect.any(String) });

    // A replayed round — the same changes again — changes nothing.
    const again = await store.refresh();
    expectTruth(again, addresses);
  });

  it('resynchronises from scratch only the mailbox whose delta link expired', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    const store = makeStore();
    await store.refresh();
    const expired = addresses[1]!;
    emulator.tenant.expireDeltaTokens(expired);
    emulator.tenant.changes.newMessage(expired, {
      subject: 'Ny fråga',
      from: { name: 'Kim', address: 'kim@example.se' },
    });
    emulator.log.clear();

    const state = await store.refresh();
    expectTruth(state, addresses);
    const deltas = deltaRequests(emulator.log.entries());
    expect(deltas.filter((e) => e.status === 410).map((e) => mailboxOf(e.url))).toEqual([expired]);
    expect([...new Set(deltas.filter((e) => isFirstRequest(e.url)).map((e) => mailboxOf(e.url)))]).toEqual([
      expired,
    ]);
    for (const other of addresses.filter((a) => a !== expired)) {
      expect(
        deltas.filter((e) => mailboxOf(e.url) === other).every((e) => e.url.includes('$deltatoken=')),
      ).toBe(true);
    }
    expect(state.mailboxes.every((m) => m.status === 'idle')).toBe(true);
  });

  it('renews an expired token exactly once and carries on', async () => {
    const { makeStore, addresses, renewals } = await signIn(ELIN);
    const store = makeStore();
    await store.refresh();
    emulator.faults.expireTokens();
    emulator.tenant.changes.reply(addresses[0]!, emulator.tenant.inboxMessages(addresses[0]!)[0]!.id);
    emulator.log.clear();

    const state = await store.refresh();
    expect(renewals).toHaveLength(1);
    expect(emulator.log.entries().filter((e) => e.status === 401).length).toBeGreaterThan(0);
    expect(state.mailboxes.every((m) => m.status === 'idle' && m.error === null)).toBe(true);
    expectTruth(state, addresses);
  });

  it('gets the same handled states through the fallback when the service refuses the $expand', async () => {
    const { makeStore: store, addresses } = await signIn(ANNA);
    const inbox = (m: string) => emulator.tenant.inboxMessages(m);
    emulator.tenant.changes.reply(addresses[0]!, inbox(addresses[0]!)[3]!.id);
    emulator.tenant.changes.forward(addresses[1]!, inbox(addresses[1]!)[3]!.id);
    const withExpand = await store().refresh();

    emulator.faults.set({ refuseDeltaExpand: true });
    emulator.log.clear();
    const fallback = await store().refresh();
    const handled = (s: SyncState) =>
      s.mailboxes.map((m) => m.messages.map((x) => [x.id, x.handled, x.lastVerb]));
    expect(handled(fallback)).toEqual(handled(withExpand));
    expect(
      handled(fallback)
        .flat()
        .some(([, reason]) => reason === 'forwarded'),
    ).toBe(true);
    expectTruth(fallback, addresses);

    const log = emulator.log.entries();
    // The first requests of all mailboxes travel in one batch, so each is refused once; none after.
    expect(log.filter((e) => e.fault === 'refuseDeltaExpand')).toHaveLength(addresses.length);
    expect(
      log
        .filter((e) => e.fault === 'refuseDeltaExpand')
        .every((e) => e.batchRequestId === log[0]?.batchRequestId),
    ).toBe(true);
    const gets = log.filter((e) => e.route === 'message.get');
    expect(gets.length).toBe(addresses.reduce((n, a) => n + inbox(a).length, 0));
    expect(gets.every((e) => e.viaBatch)).toBe(true);
  });

  it('shows the stored snapshot at once when reopened, then resumes from the stored delta links', async () => {
    const { makeStore: store, addresses } = await signIn(ELIN);
    const name = `sync-test-${Date.now()}`;
    const first = (await openSyncPersistence({ name })) as SyncPersistence;
    const before = await store({ persistence: first }).refresh();
    first.close();
    emulator.tenant.changes.newMessage(addresses[0]!, {
      subject: 'Efter stängning',
      from: { name: 'Kim', address: 'kim@example.se' },
    });
    emulator.log.clear();

    const second = (await openSyncPersistence({ name })) as SyncPersistence;
    const reopened = store({ persistence: second });
    await reopened.restore();
    const shown = reopened.getSnapshot();
    expect(emulator.log.entries()).toEqual([]);
    expect(shown.restored).toBe(true);
    expect(shown.mailboxes.map((m) => m.messages.map((x) => [x.id, x.handled]))).toEqual(
      before.mailboxes.map((m) => m.messages.map((x) => [x.id, x.handled])),
    );
    expect(shown.mailboxes.every((m) => m.stale && m.lastFresh !== null)).toBe(true);

    const state = await reopened.refresh();
    const deltas = deltaRequests(emulator.log.entries());
    expect(deltas.length).toBe(addresses.length);
    expect(deltas.every((e) => e.url.includes('$deltatoken='))).toBe(true);
    expectTruth(state, addresses);
    second.close();
  });

  it('marks a message handled at once and Graph confirms the category and the flag', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    const store = makeStore();
    await store.refresh();
    const mailbox = addresses[0]!;
    const target = store.getSnapshot().mailboxes[0]!.messages.find((m) => m.handled === null)!;
    const done = store.markHandled(mailbox, target.id);
    expect(store.getSnapshot().mailboxes[0]!.messages.find((m) => m.id === target.id)?.handled).toBe(
      'flagComplete',
    );
    expect(await done).toEqual({ ok: true, value: undefined });
    const truth = emulator.tenant.inboxMessages(mailbox).find((m) => m.id === target.id)!;
    expect(truth.categories).toContain('Hanterad');
    expect(truth.flag.flagStatus).toBe('complete');
    const state = await store.refresh();
    expectTruth(state, addresses);
  });

  it('rolls a mark-handled back and reports the error when Graph keeps answering 503', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    const store = makeStore();
    await store.refresh();
    const mailbox = addresses[0]!;
    const target = store.getSnapshot().mailboxes[0]!.messages.find((m) => m.handled === null)!;
    emulator.faults.set({ unavailableRate: 1, retryAfterSeconds: 0.01 });
    const result = await store.markHandled(mailbox, target.id);
    emulator.faults.clear();
    expect(result).toMatchObject({ ok: false, error: { status: 503, code: 'ServiceUnavailable' } });
    const shown = store.getSnapshot().mailboxes[0]!.messages.find((m) => m.id === target.id)!;
    expect(shown).toMatchObject({
      handled: null,
      categories: target.categories,
      flagStatus: target.flagStatus,
    });
    expect(store.getSnapshot().mailboxes[0]!.pending.size).toBe(0);
    const truth = emulator.tenant.inboxMessages(mailbox).find((m) => m.id === target.id)!;
    expect(truth.categories).not.toContain('Hanterad');
  });

  it('passes a message on as a forward draft addressed to the citizen service', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    const store = makeStore();
    await store.refresh();
    const mailbox = addresses[0]!;
    const message = store.getSnapshot().mailboxes[0]!.messages[0]!;
    const result = await store.passOn(mailbox, message.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const draft = emulator.tenant.folderMessages(mailbox, 'drafts').find((m) => m.id === result.value.id);
    expect(draft?.toRecipients.map((r) => r.address)).toEqual([citizenServiceAddress]);
    expect(draft?.subject).toContain(message.subject ?? '');
    expect(result.value.webLink).toMatch(/^https?:\/\//);
  });

  it('waits out throttling given as an HTTP date, part by part, and still converges', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    // One page per mailbox: HTTP dates have whole seconds, so every wait is up to a second.
    const store = makeStore({ pageSize: 100 });
    emulator.faults.set({ throttleRate: 0.25, retryAfterSeconds: 0.01, retryAfterFormat: 'date', seed: 5 });
    let state = await store.refresh();
    for (let round = 1; round < 5 && state.mailboxes.some((m) => m.error); round++)
      state = await store.refresh();
    emulator.faults.clear();
    expectTruth(state, addresses);
    const throttled = emulator.log.entries().filter((e) => e.fault === 'throttle');
    expect(throttled.some((e) => e.viaBatch)).toBe(true);
    expect(store.stats.retries).toBeGreaterThan(0);
  });

  it('marks a mailbox stale with its last fresh time and a typed error when Graph stays unavailable', async () => {
    const { makeStore, addresses } = await signIn(ELIN);
    const store = makeStore({ retry: { maxAttempts: 3, maxTotalWaitSeconds: 0.5 } });
    const fresh = await store.refresh();
    emulator.faults.set({ unavailableRate: 1, retryAfterSeconds: 0.01 });
    const state = await store.refresh();
    emulator.faults.clear();
    for (const [i, mailbox] of state.mailboxes.entries()) {
      expect(mailbox).toMatchObject({
        status: 'error',
        stale: true,
        lastFresh: fresh.mailboxes[i]!.lastFresh,
        error: { status: 503, code: 'ServiceUnavailable', retryAfter: 0.01 },
      });
      expect(mailbox.messages).toEqual(fresh.mailboxes[i]!.messages);
    }
    expect(state.lastUpdated).not.toBeNull();
    expect(state.progress).toEqual({ done: addresses.length, total: addresses.length });
    const recovered = await store.refresh();
    expect(recovered.mailboxes.every((m) => !m.stale && m.error === null)).toBe(true);
  });
});

describe('absences and automatic replies against the emulator', () => {
  it('asks mail tips for 45 addresses in 3 chunks inside $batch and reports unknown addresses per person', async () => {
    const { makeStore: store } = await signIn(ELIN);
    const known = emulator.tenant.users.map((u) => u.mail).slice(0, 40);
    const unknown = Array.from({ length: 45 - known.length }, (_, i) => `finns-inte-${i}@sjoby.example`);
    const results = await getAutomaticReplies(store().runner, [...known, ...unknown]);
    const tips = emulator.log.entries().filter((e) => e.route === 'user.getMailTips');
    expect(tips).toHaveLength(3);
    expect(tips.every((e) => e.viaBatch && e.status === 200)).toBe(true);
    expect(results).toHaveLength(45);
    expect(results.filter((r) => r.error).map((r) => r.address)).toEqual(unknown);
    expect(results.filter((r) => r.error).every((r) => r.error?.code === 'UnknownRecipient')).toBe(true);
    expect(results.filter((r) => !r.error).every((r) => r.automaticReplies !== null)).toBe(true);
    expect(results.some((r) => (r.automaticReplies?.message ?? '') !== '')).toBe(true);
  });

  it('reads out-of-office intervals in chunks of 20 people and windows under 62 days', async () => {
    const { makeStore: store } = await signIn(ELIN);
    const people = emulator.tenant.users
      .filter((u) => u.kind === 'person')
      .map((u) => u.mail)
      .slice(0, 24);
    const results = await getAbsences(store().runner, [...people, 'finns-inte@sjoby.example'], {
      start: '2026-11-01T00:00:00Z',
      end: '2027-01-30T00:00:00Z',
    });
    const calls = emulator.log.entries().filter((e) => e.route === 'calendar.getSchedule');
    expect(calls).toHaveLength(4);
    expect(calls.every((e) => e.status === 200 && e.requestHeaders.prefer === 'outlook.timezone="UTC"')).toBe(
      true,
    );
    expect(results).toHaveLength(25);
    expect(results.at(-1)).toMatchObject({
      address: 'finns-inte@sjoby.example',
      intervals: [],
      error: { code: '5009' },
    });
    expect(results.slice(0, -1).every((r) => r.error === null)).toBe(true);
    const intervals = results.flatMap((r) => r.intervals);
    expect(intervals.length).toBeGreaterThan(0);
    for (const { start, end } of intervals) {
      expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(end)).toBeGreaterThan(Date.parse(start));
    }
  });
});

describe('the register against the emulator', () => {
  it('names a new deputy when nobody changed the row meanwhile', async () => {
    const { client, register } = await signIn(ANNA);
    const entry = register.entries[0]!;
    const result = await updateDeputy(client, config.register, entry, 'Lena.Sjoberg@sjoby.example');
    expect(result.ok && result.entry.deputy).toBe('lena.sjoberg@sjoby.example');
    expect(result.ok && result.entry.etag).not.toBe(entry.etag);
    const reread = await readRegister(client, config.register);
    expect(reread.ok && reread.value.entries.find((e) => e.itemId === entry.itemId)?.deputy).toBe(
      'lena.sjoberg@sjoby.example',
    );
    const patch = emulator.log.entries().find((e) => e.method === 'PATCH');
    expect(patch?.requestHeaders.ifMatch).toBe(entry.etag);
  });

  it('reports a conflict with the current value, and overwrites nothing, when the row changed meanwhile', async () => {
    const { client, register } = await signIn(ANNA);
    const entry = register.entries[0]!;
    const other = await updateDeputy(client, config.register, entry, 'elin.berg@sjoby.example');
    expect(other.ok).toBe(true);
    const mine = await updateDeputy(client, config.register, entry, 'lena.sjoberg@sjoby.example');
    expect(mine).toMatchObject({
      ok: false,
      error: { status: 412 },
      conflict: { current: { itemId: entry.itemId, deputy: 'elin.berg@sjoby.example' } },
    });
    const reread = await readRegister(client, config.register);
    expect(reread.ok && reread.value.entries.find((e) => e.itemId === entry.itemId)?.deputy).toBe(
      'elin.berg@sjoby.example',
    );
  });
});

afterAll(() => {
  // The whole file's requests: all within the strict Graph oracle, none selecting a message body.
  expect(wholeRun.length).toBeGreaterThan(0);
  expect(requestLogProblems(wholeRun)).toEqual([]);
});
