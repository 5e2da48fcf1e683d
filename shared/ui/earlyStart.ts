import { openSyncPersistence } from '../graph/index.ts';
import type { SyncPersistence } from '../graph/index.ts';
import type { SyncDatabase } from '../graph/sync/syncDatabase.ts';
import type * as GraphClientModule from '../graph/createGraphClient.ts';

// Work a page starts before React renders anything, so none of it waits for the first render: the Graph
// SDK's chunk and the IndexedDB snapshot store. Each starts once per page; later callers share it.

let graphModule: Promise<typeof GraphClientModule> | null = null;
let persistence: Promise<SyncPersistence | null> | null = null;

/** The Graph SDK (with our middleware chain), fetched on demand rather than in the initial JavaScript. */
export function loadGraphModule(): Promise<typeof GraphClientModule> {
  graphModule ??= import('../graph/createGraphClient.ts').catch((error: unknown) => {
    graphModule = null; // the next session attempt fetches again
    throw error;
  });
  return graphModule;
}

/**
 * The persisted sync state; `null` where IndexedDB is unavailable or refuses (private mode, quota). Its
 * database is the one the page's head script began opening, if it did.
 */
export function syncPersistence(): Promise<SyncPersistence | null> {
  persistence ??= openSyncPersistence({ database: takeEarlySyncDatabase() ?? undefined }).catch(() => null);
  return persistence;
}

declare global {
  interface Window {
    /** Started by the inline boot script in the page's <head> (boot/bootScript.ts), before any JavaScript file has loaded. */
    __brevladevaktenConfig?: Promise<Response>;
    /** The sync cache's database, opened by the same script (opening a database takes a while on a cold start). */
    __brevladevaktenSyncDb?: Promise<SyncDatabase | null>;
  }
}

/** The sync cache's database the page's head script began opening, if it did; taken once. */
export function takeEarlySyncDatabase(): Promise<SyncDatabase | null> | null {
  const early = globalThis.window?.__brevladevaktenSyncDb;
  if (!early) return null;
  delete globalThis.window.__brevladevaktenSyncDb;
  return early;
}

/**
 * The configuration request the page's <head> already started, if it did and for this URL; otherwise
 * `null` and the caller fetches. Taken once: a second start-up (tests) fetches afresh.
 */
export function takeEarlyConfigResponse(url: string): Promise<Response> | null {
  const early = globalThis.window?.__brevladevaktenConfig;
  if (!early || url !== '/config.json') return null;
  delete globalThis.window.__brevladevaktenConfig;
  return early;
}
