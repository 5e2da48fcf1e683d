import { userKeyRange } from '../openDatabaseOrNull.ts';
import { readLedger } from './handledLedger.ts';
import type { HandledRecord } from './handledLedger.ts';
import { withSyncedDefaults } from './syncedMessage.ts';
import type { SyncedMessage } from './syncedMessage.ts';
import { openSyncDatabase } from './syncDatabase.ts';
import type { SyncDatabase } from './syncDatabase.ts';

export { SYNC_DB_NAME, SYNC_DB_VERSION } from './syncDatabase.ts';

/** What survives a closed task pane or tab, per signed-in user and mailbox. Never tokens. */
export interface PersistedMailbox {
  user: string;
  address: string;
  deltaLink: string | null;
  /** Whether the delta link's chain carries the 0x1081 expansion. */
  deltaLinkExpands: boolean;
  lastFresh: string | null;
  /**
   * The version of the delta query (`$select`/`$expand`) the link was made with: a link carries its
   * query options, so one made before a field was asked for never brings it. Absent: version 1
   * (before 0x1082 was asked for).
   */
  deltaQueryVersion?: number;
}

/** The current delta query: 2 asks for 0x1082 beside 0x1081. */
export const DELTA_QUERY_VERSION = 2;

export interface RestoredMailbox extends PersistedMailbox {
  messages: SyncedMessage[];
  /** The mailbox's handled ledger (messages that left the Inbox); absent or empty: none. */
  handled?: HandledRecord[];
}

/** The sync layer's storage seam; `openSyncPersistence` gives the IndexedDB one. */
export interface SyncPersistence {
  load(user: string): Promise<RestoredMailbox[]>;
  /**
   * Saves a mailbox's delta link and, when given, its messages with its handled ledger (unchanged
   * snapshots are not rewritten; the ledger always travels with the messages).
   */
  save(mailbox: PersistedMailbox, messages?: readonly SyncedMessage[], handled?: readonly HandledRecord[]): Promise<void>;
  /**
   * Deletes what is kept for `user` of every mailbox not in `keep` (addresses, any case): the user no
   * longer covers them. Resolves to the addresses deleted. Optional: a storage without it keeps all.
   */
  purge?(user: string, keep: readonly string[]): Promise<string[]>;
  close(): void;
}

/**
 * IndexedDB (via `idb`) with two stores keyed [user, address]: `mailboxes` (delta link, last fresh) and
 * `snapshots` (the messages). Split so that a round that changes nothing — the usual case, every few
 * minutes — rewrites a few hundred bytes per mailbox, not its whole snapshot.
 * Resolves to null where IndexedDB is missing or refuses (some private modes): the app then works
 * without a cache rather than failing.
 */
export async function openSyncPersistence(
  options: {
    name?: string;
    /** The database, already being opened (by the page's head script: shared/ui/earlyStart.ts). */
    database?: Promise<SyncDatabase | null>;
  } = {},
): Promise<SyncPersistence | null> {
  const db = await (options.database ?? openSyncDatabase(options.name));
  if (!db) return null;
  return {
    async load(user) {
      const key = user.toLowerCase();
      const tx = db.transaction(['mailboxes', 'snapshots'], 'readonly');
      const [mailboxes, snapshots] = await Promise.all([
        tx.objectStore('mailboxes').getAll(userKeyRange(key)),
        tx.objectStore('snapshots').getAll(userKeyRange(key)),
      ]);
      await tx.done;
      const snapshotOf = new Map(snapshots.map((s) => [s.address, s]));
      // A delta link without its messages cannot be resumed (the link has moved past them): start over.
      return mailboxes.map((m) => {
        const snapshot = snapshotOf.get(m.address);
        // Messages stored before a field existed (0x1082, completedDateTime, handledSeenAt) read it as null.
        return snapshot
          ? { ...m, messages: snapshot.messages.map(withSyncedDefaults), handled: readLedger(snapshot.handled) }
          : { ...m, deltaLink: null, deltaLinkExpands: false, messages: [], handled: [] };
      });
    },
    async purge(user, keep) {
      const key = user.toLowerCase();
      const kept = new Set(keep.map((address) => address.toLowerCase()));
      const tx = db.transaction(['mailboxes', 'snapshots'], 'readwrite');
      const deleted = new Set<string>();
      const deletions: Array<Promise<unknown>> = [];
      for (const name of ['mailboxes', 'snapshots'] as const) {
        const store = tx.objectStore(name);
        for (const [owner, address] of await store.getAllKeys(userKeyRange(key))) {
          if (owner !== key || kept.has(address.toLowerCase())) continue;
          deleted.add(address);
          deletions.push(store.delete([owner, address]));
        }
      }
      await Promise.all([...deletions, tx.done]);
      return [...deleted];
    },
    async save(mailbox, messages, handled) {
      const record: PersistedMailbox = { ...mailbox, user: mailbox.user.toLowerCase() };
      const tx = db.transaction(['mailboxes', 'snapshots'], 'readwrite');
      const writes: Array<Promise<unknown>> = [tx.objectStore('mailboxes').put(record)];
      if (messages) {
        writes.push(
          tx
            .objectStore('snapshots')
            .put({ user: record.user, address: record.address, messages: [...messages], handled: [...(handled ?? [])] }),
        );
      }
      await Promise.all([...writes, tx.done]);
    },
    close() {
      db.close();
    },
  };
}
