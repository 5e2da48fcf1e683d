import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase, OpenDBCallbacks } from 'idb';

/**
 * Opens (creating or upgrading) an IndexedDB database for a cache, or resolves to null when the cache
 * cannot be had — IndexedDB missing, refusing (some private modes), or a tab still open on an older
 * version holding the upgrade back. A cache is never worth waiting for: the app then works without it
 * this time (and an open that finishes later is closed again). When a newer version elsewhere wants to
 * upgrade, this connection closes and lets it: writes here then fail, which costs only the cache.
 */
export function openDatabaseOrNull<Schema extends DBSchema>(
  name: string,
  version: number,
  upgrade: OpenDBCallbacks<Schema>['upgrade'],
): Promise<IDBPDatabase<Schema> | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let settled = false;
    let opened: IDBPDatabase<Schema> | null = null;
    const settle = (db: IDBPDatabase<Schema> | null) => {
      if (settled) {
        db?.close();
        return;
      }
      settled = true;
      resolve(db);
    };
    openDB<Schema>(name, version, {
      upgrade,
      blocked: () => settle(null),
      blocking: () => opened?.close(),
    }).then(
      (db) => {
        opened = db;
        settle(db);
      },
      () => settle(null),
    );
  });
}

/** Keys `[user, …]` of one user, for stores keyed `[user, address]`. */
export function userKeyRange(user: string): IDBKeyRange {
  return IDBKeyRange.bound([user, ''], [user, '\uffff']);
}
