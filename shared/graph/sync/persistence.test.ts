import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { HandledRecord } from './handledLedger.ts';
import { openSyncPersistence, SYNC_DB_VERSION } from './persistence.ts';
import type { SyncedMessage } from './syncedMessage.ts';

const message: SyncedMessage = {
  id: 'AAMk1',
  subject: 'Bygglovsfråga',
  from: { name: 'Kim', address: 'kim@example.se' },
  receivedDateTime: '2026-11-17T09:00:00Z',
  isRead: false,
  flagStatus: 'notFlagged',
  categories: [],
  conversationId: 'c1',
  webLink: null,
  lastVerb: null,
  lastVerbAt: null,
  flagCompletedAt: null,
  handledSeenAt: null,
};

let dbCount = 0;
const freshName = () => `persistence-test-${++dbCount}`;

describe('openSyncPersistence', () => {
  it('gives back the delta link and messages saved for a user and mailbox', async () => {
    const name = freshName();
    const first = await openSyncPersistence({ name });
    await first?.save(
      {
        user: 'Elin@Sjoby.example',
        address: 'bygglov@sjoby.example',
        deltaLink: 'https://g/delta?$deltatoken=1',
        deltaLinkExpands: true,
        lastFresh: '2026-11-17T09:05:00Z',
      },
      [message],
    );
    first?.close();
    const second = await openSyncPersistence({ name });
    const restored = await second?.load('elin@sjoby.example');
    expect(restored).toEqual([
      {
        user: 'elin@sjoby.example',
        address: 'bygglov@sjoby.example',
        deltaLink: 'https://g/delta?$deltatoken=1',
        deltaLinkExpands: true,
        lastFresh: '2026-11-17T09:05:00Z',
        messages: [message],
        handled: [],
      },
    ]);
    second?.close();
  });

  it('carries the handling-time fields, and reads records stored before them as null', async () => {
    const storage = await openSyncPersistence({ name: freshName() });
    const mailbox = { user: 'a@x.se', address: 'm@x.se', deltaLink: 'l1', deltaLinkExpands: true, lastFresh: null };
    const handled: SyncedMessage = {
      ...message,
      id: 'AAMk2',
      lastVerb: 102,
      lastVerbAt: '2026-11-17T10:00:00.000Z',
      flagCompletedAt: '2026-11-17T11:00:00.000Z',
      handledSeenAt: '2026-11-17T10:05:00.000Z',
    };
    const { lastVerbAt: _a, flagCompletedAt: _b, handledSeenAt: _c, ...older } = message;
    await storage?.save(mailbox, [handled, older as SyncedMessage]);
    const [restored] = (await storage?.load('a@x.se')) ?? [];
    expect(restored?.messages).toEqual([handled, message]);
    storage?.close();
  });

  it('keeps the saved messages when only the delta link is saved again', async () => {
    const store = await openSyncPersistence({ name: freshName() });
    const mailbox = {
      user: 'a@x.se',
      address: 'm@x.se',
      deltaLink: 'l1',
      deltaLinkExpands: true,
      lastFresh: null,
    };
    await store?.save(mailbox, [message]);
    await store?.save({ ...mailbox, deltaLink: 'l2' });
    expect(await store?.load('a@x.se')).toMatchObject([{ deltaLink: 'l2', messages: [message] }]);
  });

  it('drops a delta link whose messages were never stored, so that mailbox starts over', async () => {
    const storage = await openSyncPersistence({ name: freshName() });
    if (!storage) throw new Error('no IndexedDB');
    await storage.save({ user: 'u@x.se', address: 'a@x.se', deltaLink: 'https://graph/delta?$deltatoken=1', deltaLinkExpands: true, lastFresh: null });
    const [restored] = await storage.load('u@x.se');
    expect(restored).toMatchObject({ deltaLink: null, messages: [] });
  });

  it("never shows one user's mailboxes to another", async () => {
    const store = await openSyncPersistence({ name: freshName() });
    await store?.save(
      { user: 'a@x.se', address: 'm@x.se', deltaLink: 'l', deltaLinkExpands: true, lastFresh: null },
      [message],
    );
    expect(await store?.load('b@x.se')).toEqual([]);
  });

  const record: HandledRecord = {
    id: 'AAMk9',
    receivedDateTime: '2026-11-16T09:00:00.000Z',
    handledAt: '2026-11-17T08:00:00.000Z',
    source: 'leftInbox',
  };
  const mailbox = (address: string, user = 'a@x.se') => ({ user, address, deltaLink: 'l', deltaLinkExpands: true, lastFresh: null });

  it('keeps the handled ledger with the snapshot', async () => {
    const storage = await openSyncPersistence({ name: freshName() });
    await storage?.save(mailbox('m@x.se'), [message], [record]);
    expect(await storage?.load('a@x.se')).toMatchObject([{ messages: [message], handled: [record] }]);
    // Saving the link alone keeps messages and ledger.
    await storage?.save({ ...mailbox('m@x.se'), deltaLink: 'l2' });
    expect(await storage?.load('a@x.se')).toMatchObject([{ deltaLink: 'l2', messages: [message], handled: [record] }]);
    storage?.close();
  });

  it(`migrates a version 1 database to version ${SYNC_DB_VERSION}: every snapshot stays, with an empty ledger`, async () => {
    const name = freshName();
    // The schema as version 1 created it, with a snapshot written then (no ledger).
    const old = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore('mailboxes', { keyPath: ['user', 'address'] });
        database.createObjectStore('snapshots', { keyPath: ['user', 'address'] });
      },
    });
    await old.put('mailboxes', { ...mailbox('m@x.se'), deltaQueryVersion: 2 });
    await old.put('snapshots', { user: 'a@x.se', address: 'm@x.se', messages: [message] });
    old.close();

    const storage = await openSyncPersistence({ name });
    expect(await storage?.load('a@x.se')).toEqual([{ ...mailbox('m@x.se'), deltaQueryVersion: 2, messages: [message], handled: [] }]);
    storage?.close();
    const upgraded = await openDB(name);
    expect(upgraded.version).toBe(2);
    expect(await upgraded.get('snapshots', ['a@x.se', 'm@x.se'])).toEqual({
      user: 'a@x.se',
      address: 'm@x.se',
      messages: [message],
      handled: [],
    });
    upgraded.close();
  });

  it('works without the cache rather than wait when an older tab blocks the upgrade', async () => {
    const name = freshName();
    const old = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore('mailboxes', { keyPath: ['user', 'address'] });
        database.createObjectStore('snapshots', { keyPath: ['user', 'address'] });
      },
    });
    // The old connection never closes on versionchange, as version 1 of the app did not.
    expect(await openSyncPersistence({ name })).toBeNull();
    old.close();
  });

  it("purges what is kept of the mailboxes a user no longer covers, and only that user's", async () => {
    const storage = await openSyncPersistence({ name: freshName() });
    if (!storage) throw new Error('no IndexedDB');
    await storage.save(mailbox('Kept@x.se'), [message], [record]);
    await storage.save(mailbox('gone@x.se'), [message], [record]);
    await storage.save(mailbox('linkonly@x.se'));
    await storage.save(mailbox('gone@x.se', 'b@x.se'), [message], [record]);
    expect((await storage.purge?.('A@x.se', ['kept@x.se']))?.sort()).toEqual(['gone@x.se', 'linkonly@x.se']);
    expect(await storage.load('a@x.se')).toMatchObject([{ address: 'Kept@x.se', messages: [message], handled: [record] }]);
    expect(await storage.load('b@x.se')).toMatchObject([{ address: 'gone@x.se', handled: [record] }]);
    expect(await storage.purge?.('a@x.se', ['kept@x.se'])).toEqual([]);
    storage.close();
  });
});
