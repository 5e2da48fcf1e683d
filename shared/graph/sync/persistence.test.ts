import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSyncPersistence } from './persistence.ts';
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
});
