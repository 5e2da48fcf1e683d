import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import config from '../../config.json' with { type: 'json' };
import { startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';
import { coveredMailboxes } from '../../shared/domain/index.ts';
import { createGraphClient } from '../../shared/graph/createGraphClient.ts';
import { DemoTokenProvider, createSyncStore, openSyncPersistence, readRegister } from '../../shared/graph/index.ts';
import type { SyncPersistence, SyncState } from '../../shared/graph/index.ts';
import { monthlyStatistics } from '../../shared/ui/teams/index.ts';

// Messages that leave the Inbox (rules.md §3, 4th rule) against the emulator: moved out → handled with
// source leftInbox (or an earlier known time), moved back → tracked again, kept through a 410 resync and
// in IndexedDB, and counted by the statistics.

const NOW = '2026-11-17T10:30:00+01:00';
const ELIN = 'elin.berg@sjoby.example';

let emulator: RunningEmulator;
let persistence: SyncPersistence | null = null;
let dbCount = 0;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, seed: 11, now: NOW });
});
afterEach(async () => {
  persistence?.close();
  persistence = null;
  await emulator.close();
});

async function signIn(upn: string) {
  const tokens = new DemoTokenProvider(emulator.url, upn);
  const client = createGraphClient({ baseUrl: emulator.url, tokens, retry: { maxRetries: 3, delaySeconds: 0.01 } });
  const register = await readRegister(client, config.register);
  if (!register.ok) throw new Error(register.error.message);
  const entries = coveredMailboxes(register.value.entries, upn).map((c) => c.entry);
  persistence = await openSyncPersistence({ name: `handled-ledger-it-${++dbCount}` });
  let now = Date.parse(NOW) + 60_000;
  const makeStore = () =>
    createSyncStore({
      client,
      tokens,
      user: upn,
      mailboxes: entries,
      organisation: config.organisation,
      persistence,
      pageSize: 5,
      clock: () => now,
      retry: { maxTotalWaitSeconds: 2, backoffSeconds: 0.01 },
    });
  return { entries, makeStore, advance: (ms: number) => (now += ms) };
}

const view = (state: SyncState, address: string) => state.mailboxes.find((m) => m.address === address)!;
const totals = (state: SyncState, nowMs: number) =>
  monthlyStatistics(state.mailboxes, nowMs, 3).map((mailbox) =>
    mailbox.months.reduce(
      (sum, month) => ({
        received: sum.received + month.received,
        leftInbox: sum.leftInbox + month.sources.leftInbox,
        replyForward: sum.replyForward + month.sources.replyForward,
      }),
      { received: 0, leftInbox: 0, replyForward: 0 },
    ),
  );

describe('the handled ledger against the emulator', () => {
  it('counts messages moved or deleted out of the Inbox as handled, tracks one moved back again, and keeps them through a 410 resync and a reopen', async () => {
    const { entries, makeStore, advance } = await signIn(ELIN);
    const store = makeStore();
    const first = await store.refresh();
    const address = entries[0]!.address;
    const index = first.mailboxes.findIndex((m) => m.address === address);
    const nowMs = Date.parse(NOW) + 3_600_000;
    const before = totals(first, nowMs)[index]!;
    const open = view(first, address).messages.filter((m) => m.tracked && m.handled === null);
    expect(open.length).toBeGreaterThanOrEqual(3);
    const [moved, replied, deleted] = open as [(typeof open)[0], (typeof open)[0], (typeof open)[0]];

    const changes = emulator.tenant.changes;
    changes.reply(address, replied.id);
    advance(60_000);
    await store.refresh();
    const repliedAt = view(store.getSnapshot(), address).messages.find((m) => m.id === replied.id)!.lastVerbAt;
    expect(repliedAt).not.toBeNull();

    changes.move(address, moved.id, 'archive');
    changes.move(address, replied.id, 'archive');
    changes.delete(address, deleted.id);
    advance(60_000);
    const afterMove = await store.refresh();
    const seenAt = new Date(Date.parse(NOW) + 180_000).toISOString();
    const ledger = () => new Map(view(store.getSnapshot(), address).handledLedger?.map((r) => [r.id, r]));
    expect(view(afterMove, address).messages.some((m) => [moved.id, replied.id, deleted.id].includes(m.id))).toBe(false);
    expect(ledger().get(moved.id)).toEqual({
      id: moved.id,
      receivedDateTime: new Date(moved.receivedMs).toISOString(),
      handledAt: seenAt,
      source: 'leftInbox',
    });
    expect(ledger().get(deleted.id)).toMatchObject({ handledAt: seenAt, source: 'leftInbox' });
    expect(ledger().get(replied.id)).toMatchObject({ handledAt: repliedAt, source: 'replyForward' });
    // Still counted: as many received as before, three more handled, by the sources they rest on.
    const after = totals(afterMove, nowMs)[index]!;
    expect(after).toEqual({
      received: before.received,
      leftInbox: before.leftInbox + 2,
      replyForward: before.replyForward + 1,
    });

    // Moved back: in the Inbox and tracked again, no longer in the ledger.
    changes.move(address, moved.id, 'inbox');
    advance(60_000);
    const back = await store.refresh();
    expect(view(back, address).messages.find((m) => m.id === moved.id)).toMatchObject({ tracked: true, handled: null });
    expect(ledger().has(moved.id)).toBe(false);
    expect(totals(back, nowMs)[index]!.received).toBe(before.received);

    // A lost delta link: the full resync keeps the ledger, once; a message gone meanwhile is recorded.
    const recorded = view(back, address).handledLedger;
    changes.delete(address, moved.id);
    emulator.tenant.expireDeltaTokens(address);
    advance(60_000);
    const resynced = await store.refresh();
    expect(view(resynced, address).handledLedger?.filter((r) => r.id !== moved.id)).toEqual(recorded);
    expect(ledger().get(moved.id)).toMatchObject({ source: 'leftInbox', handledAt: new Date(Date.parse(NOW) + 300_000).toISOString() });
    expect(totals(resynced, nowMs)[index]!.received).toBe(before.received);

    // Reopened: the ledger comes back from IndexedDB with the snapshot.
    const reopened = makeStore();
    await reopened.restore();
    expect(view(reopened.getSnapshot(), address).handledLedger).toEqual(view(resynced, address).handledLedger);
  });
});
