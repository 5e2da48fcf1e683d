import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import { withSyncedDefaults } from './syncedMessage.ts';
import type { SyncedMessage } from './syncedMessage.ts';

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
}

/** The sync layer's storage seam; `openSyncPersistence` gives the IndexedDB one. */
export interface SyncPersistence {
  load(user: string): Promise<RestoredMailbox[]>;
  /** Saves a mailbox's delta link and, when given, its messages (unchanged snapshots are not rewritten). */
  save(mailbox: PersistedMailbox, messages?: readonly SyncedMessage[]): Promise<void>;
  close(): void;
}

interface SyncDb extends DBSchema {
  mailboxes: { key: [string, string]; value: PersistedMailbox };
  snapshots: { key: [string, string]; value: { user: string; address: string; messages: SyncedMessage[] } };
}

export const SYNC_DB_NAME = 'brevladevakten-sync';
const VERSION = 1;

/**
 * IndexedDB (via `idb`) with two stores keyed [user, address]: `mailboxes` (delta link, last fresh) and
 * `snapshots` (the messages). Split so that a round that changes nothing — the usual case, every few
 * minutes — rewrites a few hundred bytes per mailbox, not its whole snapshot.
 * Resolves to null where IndexedDB is missing or refuses (some private modes): the app then works
 * without a cache rather than failing.
 */
export async function openSyncPersistence(options: { name?: string } = {}): Promise<SyncPersistence | null> {
  if (typeof indexedDB === 'undefined') return null;
  let db: IDBPDatabase<SyncDb>;
  try {
    db = await openDB<SyncDb>(options.name ?? SYNC_DB_NAME, VERSION, {
      upgrade(database) {
        database.createObjectStore('mailboxes', { keyPath: ['user', 'address'] });
        database.createObjectStore('snapshots', { keyPath: ['user', 'address'] });
      },
    });
  } catch {
    return null;
  }
  const userRange = (user: string) => IDBKeyRange.bound([user, ''], [user, '\uffff']);
  return {
    async load(user) {
      const key = user.toLowerCase();
      const tx = db.transaction(['mailboxes', 'snapshots'], 'readonly');
      const [mailboxes, snapshots] = await Promise.all([
        tx.objectStore('mailboxes').getAll(userRange(key)),
        tx.objectStore('snapshots').getAll(userRange(key)),
      ]);
      await tx.done;
      const messagesOf = new Map(snapshots.map((s) => [s.address, s.messages]));
      // A delta link without its messages cannot be resumed (the link has moved past them): start over.
      return mailboxes.map((m) => {
        const messages = messagesOf.get(m.address);
        // Messages stored before a field existed (0x1082, completedDateTime, handledSeenAt) read it as null.
        return messages ? { ...m, messages: messages.map(withSyncedDefaults) } : { ...m, deltaLink: null, deltaLinkExpands: false, messages: [] };
      });
    },
    async save(mailbox, messages) {
      const record: PersistedMailbox = { ...mailbox, user: mailbox.user.toLowerCase() };
      const tx = db.transaction(['mailboxes', 'snapshots'], 'readwrite');
      const writes: Array<Promise<unknown>> = [tx.objectStore('mailboxes').put(record)];
      if (messages) {
        writes.push(
          tx
            .objectStore('snapshots')
            .put({ user: record.user, address: record.address, messages: [...messages] }),
        );
      }
      await Promise.all([...writes, tx.done]);
    },
    close() {
      db.close();
    },
  };
}
