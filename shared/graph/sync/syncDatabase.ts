import type { DBSchema, IDBPDatabase, OpenDBCallbacks } from 'idb';
import { openDatabaseOrNull } from '../openDatabaseOrNull.ts';
import type { HandledRecord } from './handledLedger.ts';
import type { PersistedMailbox } from './persistence.ts';
import type { SyncedMessage } from './syncedMessage.ts';

// The sync cache's IndexedDB database: its name, schema and upgrades. Its own module, importing nothing
// but `idb`, because the pages' inline head script opens it too (shared/ui/boot/bootScript.ts), long
// before the app's code has arrived; persistence.ts reads and writes it.

export interface StoredSnapshot {
  user: string;
  address: string;
  messages: SyncedMessage[];
  /** From schema version 2; version 1 records are given an empty ledger by the upgrade. */
  handled?: HandledRecord[];
}

export interface SyncDb extends DBSchema {
  mailboxes: { key: [string, string]; value: PersistedMailbox };
  snapshots: { key: [string, string]; value: StoredSnapshot };
}

export type SyncDatabase = IDBPDatabase<SyncDb>;

export const SYNC_DB_NAME = 'brevladevakten-sync';
/**
 * The IndexedDB schema version. 1: `mailboxes` and `snapshots`. 2: snapshots carry the handled ledger
 * (`handled`); the upgrade from 1 keeps every record and adds an empty ledger.
 */
export const SYNC_DB_VERSION = 2;

/** Creates the stores (version 1) and migrates version-1 snapshots, keeping every record (version 2). */
const upgradeSyncDb: OpenDBCallbacks<SyncDb>['upgrade'] = async (database, oldVersion, _newVersion, transaction) => {
  if (oldVersion < 1) {
    database.createObjectStore('mailboxes', { keyPath: ['user', 'address'] });
    database.createObjectStore('snapshots', { keyPath: ['user', 'address'] });
  }
  if (oldVersion >= 1 && oldVersion < 2) {
    // Migration, not a fresh start: every stored snapshot stays and gets an empty ledger.
    let cursor = await transaction.objectStore('snapshots').openCursor();
    while (cursor) {
      if (!Array.isArray(cursor.value.handled)) await cursor.update({ ...cursor.value, handled: [] });
      cursor = await cursor.continue();
    }
  }
};

/** Opens (creating or upgrading) the sync cache's database; null where it cannot be had (see openDatabaseOrNull). */
export function openSyncDatabase(name: string = SYNC_DB_NAME): Promise<SyncDatabase | null> {
  return openDatabaseOrNull<SyncDb>(name, SYNC_DB_VERSION, upgradeSyncDb);
}
