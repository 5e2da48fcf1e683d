import 'fake-indexeddb/auto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSyncPersistence } from './persistence.ts';
import { PURGE_AFTER_MS, createSyncStore } from './syncStore.ts';
import type { SyncStoreOptions } from './syncStore.ts';
import type { SyncedMessage } from './syncedMessage.ts';
import type { SyncState } from './syncState.ts';
import {
  FakeMailGraph,
  instantTimers,
  memoryPersistence,
  staticTokens,
  testClient,
  testEntry,
} from './testing.fixture.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const A = 'bygglov@sjoby.example';
const B = 'miljo@sjoby.example';
const organisation = {
  calendar: { timeZone: 'Europe/Stockholm' },
  handledCategories: ['Hanterad', 'Diarieförd'],
  citizenServiceAddress: 'medborgarservice@sjoby.example',
};

function setup(graph: FakeMailGraph, options: Partial<SyncStoreOptions> = {}) {
  server.use(...graph.handlers());
  let now = Date.UTC(2026, 10, 17, 9, 30, 0);
  const tokens = staticTokens();
  const store = createSyncStore({
    client: testClient(tokens),
    tokens,
    user: 'elin.berg@sjoby.example',
    mailboxes: [testEntry(A), testEntry(B)],
    organisation,
    timers: instantTimers(),
    clock: () => now,
    retry: { maxAttempts: 1 },
    ...options,
  });
  return { store, advance: (ms: number) => (now += ms) };
}

const mailbox = (state: SyncState, address: string) => state.mailboxes.find((m) => m.address === address)!;

describe('createSyncStore', () => {
  it('syncs every covered mailbox and computes the handled state of each message', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    graph.add(A, 'a2', { categories: ['diarieförd'] });
    graph.add(B, 'b1', { flag: { flagStatus: 'complete' } });
    graph.add(B, 'b2', { singleValueExtendedProperties: [{ id: 'Integer 0x1081', value: '103' }] });
    const { store } = setup(graph);
    const state = await store.refresh();
    expect(mailbox(state, A).messages.map((m) => [m.id, m.handled])).toEqual([
      ['a1', null],
      ['a2', 'category'],
    ]);
    expect(mailbox(state, B).messages.map((m) => [m.id, m.handled])).toEqual([
      ['b1', 'flagComplete'],
      ['b2', 'replied'],
    ]);
    expect(
      state.mailboxes.every(
        (m) => m.status === 'idle' && !m.stale && m.lastFresh === '2026-11-17T09:30:00.000Z',
      ),
    ).toBe(true);
  });

  it('reports progress per mailbox and the time of the last update', async () => {
    const graph = new FakeMailGraph();
    const { store } = setup(graph);
    const seen: Array<string> = [];
    store.subscribe(() => {
      const s = store.getSnapshot();
      seen.push(`${s.refreshing ? 'refreshing' : 'idle'} ${s.progress.done}/${s.progress.total}`);
    });
    expect(store.getSnapshot().lastUpdated).toBeNull();
    await store.refresh();
    expect(seen).toEqual(['refreshing 0/2', 'refreshing 1/2', 'refreshing 2/2', 'idle 2/2']);
    expect(store.getSnapshot().lastUpdated).toBe('2026-11-17T09:30:00.000Z');
  });

  it('sends the delta requests of all mailboxes in one $batch', async () => {
    const graph = new FakeMailGraph();
    const { store } = setup(graph);
    await store.refresh();
    expect(store.stats.batches).toBe(1);
    expect(store.stats.parts).toBe(2);
  });

  it('follows the delta link on the next round and applies changes and removals', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    graph.add(A, 'a2');
    const { store } = setup(graph);
    await store.refresh();
    graph.remove(A, 'a1');
    graph.change(A, 'a2', { flag: { flagStatus: 'complete' } });
    graph.add(A, 'a3');
    const state = await store.refresh();
    expect(mailbox(state, A).messages.map((m) => [m.id, m.handled])).toEqual([
      ['a2', 'flagComplete'],
      ['a3', null],
    ]);
    expect(graph.requests.slice(-2).every((r) => r.url.includes('$deltatoken='))).toBe(true);
  });

  it('keeps the last data of a failing mailbox, marked stale with when it was last fresh', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    graph.add(B, 'b1');
    const { store, advance } = setup(graph);
    await store.refresh();
    graph.failing.set(B, 503);
    graph.add(A, 'a2');
    advance(300_000);
    const state = await store.refresh();
    expect(mailbox(state, B)).toMatchObject({
      status: 'error',
      stale: true,
      lastFresh: '2026-11-17T09:30:00.000Z',
      error: { status: 503, code: 'ServiceUnavailable', message: 'Down for the test' },
    });
    expect(mailbox(state, B).messages.map((m) => m.id)).toEqual(['b1']);
    expect(mailbox(state, A)).toMatchObject({
      status: 'idle',
      stale: false,
      lastFresh: '2026-11-17T09:35:00.000Z',
    });
    expect(mailbox(state, A).messages).toHaveLength(2);
    expect(state.lastUpdated).toBe('2026-11-17T09:35:00.000Z');

    graph.failing.delete(B);
    const recovered = await store.refresh();
    expect(mailbox(recovered, B)).toMatchObject({ status: 'idle', stale: false, error: null });
  });

  it('does not claim an update when every mailbox failed', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    const { store, advance } = setup(graph);
    await store.refresh();
    graph.failing.set(A, 503);
    graph.failing.set(B, 503);
    advance(300_000);
    const state = await store.refresh();
    expect(state.lastUpdated).toBe('2026-11-17T09:30:00.000Z');
    expect(state.mailboxes.every((m) => m.stale)).toBe(true);
  });

  it('joins a refresh that is already running instead of starting another', async () => {
    const graph = new FakeMailGraph();
    const { store } = setup(graph);
    const [first, second] = [store.refresh(), store.refresh()];
    expect(first).toBe(second);
    await first;
    expect(store.stats.batches).toBe(1);
  });

  it('shows the stored snapshot at once and resumes from the stored delta links', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    graph.add(B, 'b1');
    const persistence = memoryPersistence();
    const first = setup(graph, { persistence }).store;
    await first.refresh();
    graph.add(A, 'a2');

    const second = setup(graph, { persistence }).store;
    await second.restore();
    const restored = second.getSnapshot();
    expect(restored.restored).toBe(true);
    expect(mailbox(restored, A)).toMatchObject({ stale: true, lastFresh: '2026-11-17T09:30:00.000Z' });
    expect(mailbox(restored, A).messages.map((m) => m.id)).toEqual(['a1']);

    const before = graph.requests.length;
    const state = await second.refresh();
    expect(graph.requests.slice(before).every((r) => r.url.includes('$deltatoken='))).toBe(true);
    expect(
      mailbox(state, A)
        .messages.map((m) => m.id)
        .sort(),
    ).toEqual(['a1', 'a2']);
    expect(state.restored).toBe(false);
  });

  it('never stores a newer delta link beside older messages after a failed write', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    const storage = memoryPersistence();
    let failWrites = false;
    // Storage that refuses writes for a while, as a full quota does, then recovers.
    const persistence = {
      ...storage,
      load: storage.load.bind(storage),
      save: (mailbox: Parameters<typeof storage.save>[0], messages?: Parameters<typeof storage.save>[1]) =>
        failWrites ? Promise.reject(new Error('QuotaExceededError')) : storage.save(mailbox, messages),
    };
    const first = setup(graph, { persistence }).store;
    await first.refresh();
    graph.add(A, 'a2');
    failWrites = true;
    await first.refresh(); // a2 arrives but cannot be stored
    failWrites = false;
    await first.refresh(); // nothing new: must still store a2 along with the newer link

    const reopened = setup(graph, { persistence }).store;
    await reopened.restore();
    expect(mailbox(reopened.getSnapshot(), A).messages.map((m) => m.id).sort()).toEqual(['a1', 'a2']);
  });

  it('marks a message handled at once and keeps it so when Graph confirms', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1', { categories: ['Bygglov'] });
    const { store } = setup(graph);
    await store.refresh();
    const done = store.markHandled(A, 'a1');
    const optimistic = mailbox(store.getSnapshot(), A);
    expect(optimistic.messages[0]).toMatchObject({
      handled: 'flagComplete',
      categories: ['Bygglov', 'Hanterad'],
      flagStatus: 'complete',
    });
    expect(optimistic.pending.has('a1')).toBe(true);
    expect(await done).toEqual({ ok: true, value: undefined });
    expect(graph.message(A, 'a1')).toMatchObject({
      categories: ['Bygglov', 'Hanterad'],
      flag: { flagStatus: 'complete' },
    });
    expect(mailbox(store.getSnapshot(), A).pending.size).toBe(0);
    const state = await store.refresh();
    expect(mailbox(state, A).messages[0]?.handled).toBe('flagComplete');
  });

  it('notes when sync first saw a message handled, not for one handled at first sight', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    graph.add(A, 'a2', { categories: ['Hanterad'] });
    const persistence = memoryPersistence();
    const { store, advance } = setup(graph, { persistence });
    let state = await store.refresh();
    expect(mailbox(state, A).messages.map((m) => [m.id, m.handledSeenAt])).toEqual([
      ['a1', null],
      ['a2', null],
    ]);

    advance(5 * 60_000);
    graph.change(A, 'a1', { categories: ['Diarieförd'] });
    state = await store.refresh();
    const seen = mailbox(state, A).messages.find((m) => m.id === 'a1');
    expect(seen).toMatchObject({ handled: 'category', handledSeenAt: '2026-11-17T09:35:00.000Z' });
    expect(mailbox(state, A).messages.find((m) => m.id === 'a2')?.handledSeenAt).toBeNull();

    // Kept across later rounds, changes of the message and a reopened store.
    advance(5 * 60_000);
    graph.change(A, 'a1', { isRead: true });
    state = await store.refresh();
    expect(mailbox(state, A).messages.find((m) => m.id === 'a1')).toMatchObject({
      isRead: true,
      handledSeenAt: '2026-11-17T09:35:00.000Z',
    });
    const reopened = setup(graph, { persistence }).store;
    await reopened.restore();
    expect(mailbox(reopened.getSnapshot(), A).messages.find((m) => m.id === 'a1')?.handledSeenAt).toBe(
      '2026-11-17T09:35:00.000Z',
    );
    state = await reopened.refresh();
    expect(mailbox(state, A).messages.find((m) => m.id === 'a1')?.handledSeenAt).toBe('2026-11-17T09:35:00.000Z');

    // Unhandled again: the time goes, to be noted afresh if it is handled again.
    graph.change(A, 'a1', { categories: [] });
    state = await reopened.refresh();
    expect(mailbox(state, A).messages.find((m) => m.id === 'a1')).toMatchObject({ handled: null, handledSeenAt: null });
  });

  it('notes the time a mark-handled was confirmed as when it was first seen handled', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    const { store, advance } = setup(graph);
    await store.refresh();
    advance(60_000);
    expect((await store.markHandled(A, 'a1')).ok).toBe(true);
    expect(mailbox(store.getSnapshot(), A).messages[0]?.handledSeenAt).toBe('2026-11-17T09:31:00.000Z');
    advance(60_000);
    const state = await store.refresh();
    expect(mailbox(state, A).messages[0]).toMatchObject({
      handled: 'flagComplete',
      handledSeenAt: '2026-11-17T09:31:00.000Z',
    });
  });

  it('reads stored messages saved before the handling-time fields existed as null', async () => {
    const graph = new FakeMailGraph();
    const persistence = memoryPersistence();
    await persistence.save(
      { user: 'elin.berg@sjoby.example', address: A, deltaLink: null, deltaLinkExpands: true, lastFresh: null },
      [
        {
          id: 'old',
          subject: 'Gammal',
          from: null,
          receivedDateTime: '2026-11-16T09:00:00Z',
          isRead: false,
          flagStatus: 'complete',
          categories: [],
          conversationId: null,
          webLink: null,
          lastVerb: null,
        } as unknown as SyncedMessage,
      ],
    );
    const { store } = setup(graph, { persistence });
    await store.restore();
    expect(mailbox(store.getSnapshot(), A).messages[0]).toMatchObject({
      id: 'old',
      lastVerbAt: null,
      flagCompletedAt: null,
      handledSeenAt: null,
    });
  });

  it('syncs from scratch rather than follow a stored delta link made before 0x1082 was asked for', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    const persistence = memoryPersistence();
    const first = setup(graph, { persistence }).store;
    await first.refresh();
    const [stored] = await persistence.load('elin.berg@sjoby.example');
    const { deltaQueryVersion: _version, messages, ...older } = stored!;
    await persistence.save(older, messages);

    const second = setup(graph, { persistence }).store;
    await second.restore();
    expect(mailbox(second.getSnapshot(), A).messages.map((m) => m.id)).toEqual(['a1']);
    const before = graph.requests.length;
    await second.refresh();
    const asked = graph.requests.slice(before).map((r) => decodeURIComponent(r.url));
    expect(asked.some((u) => u.includes(`/users/${A}/`) && !u.includes('$deltatoken=') && u.includes('0x1082'))).toBe(true);
  });

  it('rolls the optimistic update back and reports the error when Graph refuses', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    const { store } = setup(graph);
    await store.refresh();
    graph.failPatches = true;
    const done = store.markHandled(A, 'a1');
    expect(mailbox(store.getSnapshot(), A).messages[0]?.handled).toBe('flagComplete');
    const result = await done;
    expect(result).toMatchObject({ ok: false, error: { status: 503 } });
    expect(mailbox(store.getSnapshot(), A).messages[0]).toMatchObject({
      handled: null,
      categories: [],
      flagStatus: 'notFlagged',
    });
  });

  it('reports a message it does not know instead of sending anything', async () => {
    const { store } = setup(new FakeMailGraph());
    const result = await store.markHandled(A, 'nope');
    expect(result).toMatchObject({ ok: false, error: { status: 404, code: 'messageNotInSnapshot' } });
  });

  it('passes a message on as a forward draft to the citizen-service address', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'a1');
    const { store } = setup(graph);
    await store.refresh();
    const result = await store.passOn(A, 'a1');
    expect(result).toEqual({ ok: true, value: { id: 'draft-1', webLink: 'https://outlook.example/draft' } });
    expect(graph.drafts).toEqual([{ mailbox: A, messageId: 'a1', to: 'medborgarservice@sjoby.example' }]);
  });

  it('does not track messages received before the mailbox was added to the register', async () => {
    const graph = new FakeMailGraph();
    graph.add(A, 'old', { receivedDateTime: '2026-08-31T21:59:00Z' });
    graph.add(A, 'new', { receivedDateTime: '2026-08-31T22:00:00Z' });
    const { store } = setup(graph, { mailboxes: [testEntry(A, { trackedSince: '2026-09-01' })] });
    const state = await store.refresh();
    expect(mailbox(state, A).messages.map((m) => [m.id, m.tracked])).toEqual([
      ['new', true],
      ['old', false],
    ]);
  });

  describe('the handled ledger', () => {
    let dbCount = 0;
    const storage = async () => {
      const opened = await openSyncPersistence({ name: `sync-store-ledger-${++dbCount}` });
      if (!opened) throw new Error('no IndexedDB');
      return opened;
    };

    it('counts a message that left the Inbox as handled (leftInbox), keeps it in IndexedDB and shows it on reopen', async () => {
      const graph = new FakeMailGraph();
      graph.add(A, 'a1');
      graph.add(A, 'a2', {
        singleValueExtendedProperties: [
          { id: 'Integer 0x1081', value: '102' },
          { id: 'SystemTime 0x1082', value: '2026-11-17T09:10:00Z' },
        ],
      });
      const persistence = await storage();
      const { store, advance } = setup(graph, { persistence });
      await store.refresh();
      graph.remove(A, 'a1');
      graph.remove(A, 'a2');
      advance(60_000);
      const state = await store.refresh();
      expect(mailbox(state, A).messages).toEqual([]);
      expect(mailbox(state, A).handledLedger).toEqual([
        { id: 'a1', receivedDateTime: '2026-11-17T09:00:00.000Z', handledAt: '2026-11-17T09:31:00.000Z', source: 'leftInbox' },
        { id: 'a2', receivedDateTime: '2026-11-17T09:00:00.000Z', handledAt: '2026-11-17T09:10:00.000Z', source: 'replyForward' },
      ]);
      // An unchanged round keeps the same array (the view is memoised by identity).
      const again = await store.refresh();
      expect(mailbox(again, A).handledLedger).toBe(mailbox(state, A).handledLedger);

      const reopened = setup(graph, { persistence }).store;
      await reopened.restore();
      expect(mailbox(reopened.getSnapshot(), A).handledLedger).toEqual(mailbox(state, A).handledLedger);
      persistence.close();
    });

    it('purges on restore what is kept of mailboxes the user no longer covers, after a grace period', async () => {
      const graph = new FakeMailGraph();
      graph.add(A, 'a1');
      graph.add(B, 'b1');
      const persistence = await storage();
      await setup(graph, { persistence }).store.refresh();
      expect((await persistence.load('elin.berg@sjoby.example')).map((m) => m.address).sort()).toEqual([A, B]);
      // The register now gives the user only B. Within the grace period A's data stays (a register row
      // that failed to parse for a while must not cost its statistics history) …
      const refreshedAt = Date.UTC(2026, 10, 17, 9, 30, 0);
      const soon = setup(graph, { persistence, mailboxes: [testEntry(B.toUpperCase())], clock: () => refreshedAt + PURGE_AFTER_MS });
      await soon.store.restore();
      expect((await persistence.load('elin.berg@sjoby.example')).map((m) => m.address).sort()).toEqual([A, B]);
      // … and once A has gone unrefreshed for longer, it is deleted: snapshot, delta link and ledger.
      const { store } = setup(graph, { persistence, mailboxes: [testEntry(B.toUpperCase())], clock: () => refreshedAt + PURGE_AFTER_MS + 60_000 });
      await store.restore();
      expect((await persistence.load('elin.berg@sjoby.example')).map((m) => m.address)).toEqual([B]);
      expect(mailbox(store.getSnapshot(), B.toUpperCase()).messages.map((m) => m.id)).toEqual(['b1']);
      persistence.close();
    });
  });
});
