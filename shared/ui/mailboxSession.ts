import type { Client } from '@microsoft/microsoft-graph-client';
import type { RegisterEntry } from '../domain/index.ts';
import { createSyncStore } from '../graph/index.ts';
import type { SyncPersistence, SyncState, SyncStore, TokenProvider } from '../graph/index.ts';
import type { AppConfig } from '../config/index.ts';

// The session's sync store of the mailboxes the user covers, shared by the start-up (sessionStart.ts,
// before any React code has run) and the views (`useMailboxSync`). No React here.

/** How often an open, visible pane asks Graph for changes (delta rounds are cheap: ≤ 5 requests). */
export const refreshIntervalMs = 3 * 60_000;

export interface MailboxSyncServices {
  graph: Client;
  tokens: TokenProvider;
  config: AppConfig;
  userPrincipalName: string | null;
  /** The IndexedDB cache, or its promise (the start-up does not wait for IndexedDB to open). */
  persistence: SyncPersistence | Promise<SyncPersistence | null> | null;
}

interface SessionSync {
  key: string;
  store: SyncStore;
  /** The start-up's round, begun before any view asked. */
  begin(): Promise<SyncState>;
  /** Refreshes; the first call after `begin` is that round, not a second one. */
  refresh(): Promise<SyncState>;
  /** The latest round begun through this session (the start-up's or a view's), if any. */
  latest(): Promise<SyncState> | null;
}

// Per Graph client (one per session): the store of the mailboxes the user covers, so the start-up
// (`beginSession`) and the view that shows it use one store and one first round.
const sessions = new WeakMap<Client, SessionSync>();

// Per Graph client: the storage the session prepared (its snapshot read already under way), used by
// whichever store is made first — the start-up's or, when a view renders before the register answers
// (from a cached register), the view's.
const preparedStorage = new WeakMap<Client, Promise<SyncPersistence | null>>();

/** The storage every sync store of this session is to use (see `beginSession`). */
export function prepareSessionStorage(graph: Client, storage: Promise<SyncPersistence | null>): void {
  preparedStorage.set(graph, storage);
}

export const keyOf = (entries: readonly RegisterEntry[]) =>
  entries.map((entry) => `${entry.address}|${entry.etag ?? ''}`).join();

function sessionSync(
  services: MailboxSyncServices,
  entries: readonly RegisterEntry[],
): { sync: SessionSync; created: boolean } {
  const key = `${services.userPrincipalName ?? ''}#${keyOf(entries)}`;
  const existing = sessions.get(services.graph);
  if (existing?.key === key) return { sync: existing, created: false };
  const { graph, tokens, config, userPrincipalName, persistence } = services;
  let startRound: Promise<SyncState> | null = null;
  let latest: Promise<SyncState> | null = null;
  const store = createSyncStore({
    client: graph,
    tokens,
    user: userPrincipalName ?? 'unknown',
    mailboxes: entries,
    organisation: {
      calendar: config.organisation.calendar,
      handledCategories: config.organisation.handledCategories,
      citizenServiceAddress: config.organisation.citizenServiceAddress,
    },
    persistence: preparedStorage.get(graph) ?? persistence,
  });
  const sync: SessionSync = {
    key,
    store,
    begin() {
      startRound = latest = store.refresh();
      return startRound;
    },
    refresh() {
      const round = startRound ?? (latest = store.refresh());
      startRound = null;
      return round;
    },
    latest: () => latest,
  };
  sessions.set(graph, sync);
  return { sync, created: true };
}

/**
 * Starts syncing the covered mailboxes before any view is rendered (shows the persisted snapshot, and
 * begins the first round when the page is visible); the view's `useMailboxSync` then takes this store
 * and this round instead of starting its own. When a view made the store first (from a cached
 * register), its round is the start-up's (or, if it has not refreshed yet, the one begun here, which its
 * first refresh joins). Resolves when that first round ends (at once when the page is hidden).
 */
export function startMailboxSync(
  services: MailboxSyncServices,
  entries: readonly RegisterEntry[],
  options: { isVisible: () => boolean },
): Promise<void> {
  const { sync, created } = sessionSync(services, entries);
  if (created) void sync.store.restore();
  if (!options.isVisible()) return Promise.resolve();
  const round = sync.latest() ?? sync.begin();
  return round.then(
    () => undefined,
    () => undefined,
  );
}

/**
 * The session's sync store for these mailboxes (the one `startMailboxSync` began, or a new one) and
 * its refresh, whose first call joins the round `startMailboxSync` began instead of starting another.
 */
export function sessionMailboxSync(
  services: MailboxSyncServices,
  entries: readonly RegisterEntry[],
): Pick<SessionSync, 'store' | 'refresh'> {
  return sessionSync(services, entries).sync;
}
