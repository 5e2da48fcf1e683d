import type { Client } from '@microsoft/microsoft-graph-client';
import { handledReason } from '../../domain/index.ts';
import type { RegisterEntry, WorkCalendarOptions } from '../../domain/index.ts';
import type { TokenProvider } from '../auth/TokenProvider.ts';
import type { GraphError } from '../GraphError.ts';
import type { GraphResult } from '../GraphResult.ts';
import { createForwardDraft, handledPatch, patchHandled } from './actions.ts';
import type { ForwardDraft } from './actions.ts';
import { createBatchRunner } from './batch.ts';
import type { BatchRetryOptions, BatchRunner, BatchStats } from './batch.ts';
import { createLimiter } from './concurrency.ts';
import { pruneLedger, readLedger } from './handledLedger.ts';
import type { HandledLedger, HandledRecord } from './handledLedger.ts';
import { buildView as buildSlotView, createSlot } from './mailboxSlot.ts';
import type { Overlay, Slot } from './mailboxSlot.ts';
import { DELTA_QUERY_VERSION } from './persistence.ts';
import type { SyncPersistence } from './persistence.ts';
import { syncMailboxRound } from './syncMailboxRound.ts';
import type { RoundContext } from './syncMailboxRound.ts';
import { withSyncedDefaults } from './syncedMessage.ts';
import type { SyncedMessage } from './syncedMessage.ts';
import type { MailboxView, SyncState } from './syncState.ts';
import { systemClock, systemTimers } from './timers.ts';
import type { Clock, Timers } from './timers.ts';

export interface SyncStoreOptions {
  /** The SDK client from `createGraphClient` (auth → retry → telemetry → HTTP). */
  client: Client;
  /** The same token provider as the client's: renews the token once when a `$batch` part answers 401. */
  tokens?: TokenProvider;
  /** The signed-in user (UPN): the cache in IndexedDB is kept per user. */
  user: string;
  /** The mailboxes the user covers (`coveredMailboxes(register, user)`), in display order. */
  mailboxes: readonly RegisterEntry[];
  organisation: {
    calendar: WorkCalendarOptions;
    handledCategories: readonly string[];
    citizenServiceAddress: string;
  };
  /**
   * `openSyncPersistence()` — or its promise, so a store can be created at once while IndexedDB
   * opens; null or absent: no cache.
   */
  persistence?: SyncPersistence | Promise<SyncPersistence | null> | null;
  /** `Prefer: odata.maxpagesize` for delta pages. Default 200. */
  pageSize?: number;
  /** Requests in flight at once (batches and actions together). Default and maximum 4. */
  maxInFlight?: number;
  retry?: BatchRetryOptions;
  timers?: Timers;
  clock?: Clock;
}

export interface SyncStore {
  subscribe(listener: () => void): () => void;
  /** The current state; the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot(): SyncState;
  /** Shows the snapshot kept in IndexedDB (once); `refresh` waits for it. */
  restore(): Promise<void>;
  /** One sync round over every mailbox; a call during a round joins it. */
  refresh(): Promise<SyncState>;
  /** Adds the handled category and completes the flag: shown at once, rolled back if Graph refuses. */
  markHandled(address: string, messageId: string): Promise<GraphResult<void>>;
  /** Creates a forward draft to the citizen-service address, for the host to open. */
  passOn(address: string, messageId: string): Promise<GraphResult<ForwardDraft>>;
  /**
   * The store's `$batch` runner, sharing its limit of 4 requests in flight: for other reads that
   * should travel the same way (`getAutomaticReplies`, `getAbsences`).
   */
  readonly runner: BatchRunner;
  /** Request counts since the store was created (tests, benchmark). */
  readonly stats: Readonly<BatchStats & { peakInFlight: number }>;
}

const iso = (ms: number) => new Date(ms).toISOString();

// The ledger as the view shows it: the same array while the committed ledger (a map replaced, never
// changed, once a round commits it) stays the same.
const ledgerViews = new WeakMap<HandledLedger, readonly HandledRecord[]>();

function ledgerOf(slot: Slot): readonly HandledRecord[] {
  const ledger = slot.cursor.handled;
  if (!ledger) return [];
  let view = ledgerViews.get(ledger);
  if (!view) {
    view = [...ledger.values()];
    ledgerViews.set(ledger, view);
  }
  return view;
}

/** The slot as the UI sees it, with its handled ledger (`buildView` knows only the Inbox). */
function buildView(slot: Slot, messagesChanged = true): MailboxView {
  return { ...buildSlotView(slot, messagesChanged), handledLedger: ledgerOf(slot) };
}

function isHandled(message: SyncedMessage, handledCategories: readonly string[]): boolean {
  const { flagStatus, categories, lastVerb } = message;
  return handledReason({ flagStatus, categories, lastVerbExecuted: lastVerb }, handledCategories) !== null;
}

/**
 * Sets `handledSeenAt` in a slot's newly committed snapshot: `now` for a message that was unhandled in
 * the snapshot `before` and is handled now; the earlier value for one seen handled before (a full
 * resync starts its messages afresh); cleared for one that is unhandled again (unless an action on it
 * is shown). A message first seen already handled keeps null: when it was handled is not known.
 * Returns whether any message changed.
 */
function noteHandledSeen(slot: Slot, before: ReadonlyMap<string, SyncedMessage>, now: string): boolean {
  const messages = slot.cursor.messages;
  const categories = slot.rules.handledCategories;
  let changed = false;
  for (const [id, message] of messages) {
    const handled = isHandled(message, categories);
    let seen = message.handledSeenAt;
    if (handled) {
      const previous = before.get(id);
      if (seen === null && previous) {
        seen =
          previous.handledSeenAt ?? (isHandled(previous, categories) ? null : now);
      }
    } else if (seen !== null && !slot.overlays.has(id)) {
      seen = null;
    }
    if (seen !== message.handledSeenAt) {
      messages.set(id, { ...message, handledSeenAt: seen });
      changed = true;
    }
  }
  return changed;
}

function notFound(address: string, messageId: string): GraphError {
  return {
    status: 404,
    code: 'messageNotInSnapshot',
    message: `Message ${messageId} is not in the Inbox of ${address} as last synced. Refresh and try again.`,
    retryAfter: null,
  };
}

/**
 * The mailbox-sync engine behind the UI: per-mailbox delta sync batched across mailboxes, IndexedDB
 * cache, optimistic actions, and an observable state (subscribe/getSnapshot) with progress and
 * last-updated time. Framework-free, like TanStack Query's core; `useSyncStore` is the React adapter.
 */
/** How long the cached data of a mailbox the user no longer covers is kept on the device. */
export const PURGE_AFTER_MS = 14 * 86_400_000;

export function createSyncStore(options: SyncStoreOptions): SyncStore {
  const { client, user, organisation } = options;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  // A promise either way; a failed open means no cache, not a failed store.
  const persistence = Promise.resolve(options.persistence ?? null).catch(() => null);
  const limiter = createLimiter(Math.min(4, Math.max(1, options.maxInFlight ?? 4)));
  const runner = createBatchRunner({
    client,
    ...(options.tokens ? { tokens: options.tokens } : {}),
    limiter,
    timers,
    clock,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const context: RoundContext = { runner, pageSize: options.pageSize ?? 200, expand: { refused: false } };

  const slots = options.mailboxes.map((entry) => {
    const slot = createSlot(entry, organisation);
    slot.cursor.handled = new Map();
    slot.view = buildView(slot);
    return slot;
  });
  const byAddress = new Map(slots.map((slot) => [slot.entry.address.toLowerCase(), slot]));

  let state: SyncState = {
    mailboxes: slots.map((s) => s.view),
    refreshing: false,
    progress: { done: 0, total: slots.length },
    lastUpdated: null,
    restored: false,
  };
  const listeners = new Set<() => void>();
  // Bumped when a round starts and when an action is confirmed: orders the two.
  let tick = 0;
  let restoring: Promise<void> | null = null;
  let running: Promise<SyncState> | null = null;

  function emit(changes: Partial<SyncState> = {}): void {
    state = { ...state, ...changes, mailboxes: slots.map((s) => s.view) };
    for (const listener of [...listeners]) listener();
  }

  async function save(slot: Slot, messagesChanged: boolean): Promise<void> {
    // Taken now: the cursor may move on while the storage opens.
    const record = {
      user,
      address: slot.entry.address,
      deltaLink: slot.cursor.deltaLink,
      deltaLinkExpands: slot.cursor.deltaLinkExpands,
      lastFresh: slot.lastFresh,
      deltaQueryVersion: DELTA_QUERY_VERSION,
    };
    // After a failed write the stored messages are behind: write them with the link, never a newer
    // link beside older messages (delta would never report the difference again).
    const withMessages = messagesChanged || slot.snapshotDirty;
    const messages = withMessages ? [...slot.cursor.messages.values()] : undefined;
    const handled = withMessages ? [...(slot.cursor.handled?.values() ?? [])] : undefined;
    const storage = await persistence;
    if (!storage) return;
    try {
      await storage.save(record, messages, handled);
      if (withMessages) slot.snapshotDirty = false;
    } catch {
      // A failed write (quota, private mode) costs only the cache, never the data on screen.
      if (withMessages) slot.snapshotDirty = true;
    }
  }

  function restore(): Promise<void> {
    restoring ??= (async () => {
      const storage = await persistence;
      if (!storage) return;
      const saved = await storage.load(user).catch(() => []);
      // The store is made for the mailboxes the user covers, as the register says: what is kept of
      // any other (no longer covered) is deleted — snapshot, delta link and ledger — once it has not
      // been refreshed for PURGE_AFTER_MS. The grace period keeps a ledger (statistics history) through
      // a register row that fails to parse for a day, or a cached register read before a change.
      const expired = (record: (typeof saved)[number]) =>
        !byAddress.has(record.address.toLowerCase()) &&
        (record.lastFresh === null || clock() - Date.parse(record.lastFresh) > PURGE_AFTER_MS);
      if (storage.purge && saved.some(expired)) {
        const keep = [...byAddress.keys(), ...saved.filter((record) => !expired(record)).map((record) => record.address)];
        await storage.purge(user, keep).catch(() => []);
      }
      let any = false;
      for (const record of saved) {
        const slot = byAddress.get(record.address.toLowerCase());
        // Only until the first round: a round that finished first has fresher data.
        if (!slot || slot.lastFresh !== null || slot.cursor.deltaLink !== null) continue;
        // Records stored before a field existed read it as null.
        slot.cursor.messages = new Map(record.messages.map((m) => [m.id, withSyncedDefaults(m)]));
        const ledger: HandledLedger = new Map(readLedger(record.handled).map((r) => [r.id, r]));
        pruneLedger(ledger, slot.rules.calendar, clock());
        slot.cursor.handled = ledger;
        // A link made with an older query would never bring the newer fields: sync from scratch instead
        // (the stored messages show meanwhile, and keep their handledSeenAt).
        slot.cursor.deltaLink = (record.deltaQueryVersion ?? 1) < DELTA_QUERY_VERSION ? null : record.deltaLink;
        slot.cursor.deltaLinkExpands = record.deltaLinkExpands;
        slot.lastFresh = record.lastFresh;
        slot.stale = true;
        slot.view = buildView(slot);
        any = true;
      }
      if (any) emit({ restored: true });
    })();
    return restoring;
  }

  async function runRound(): Promise<SyncState> {
    await restore();
    const startedAt = ++tick;
    for (const slot of slots) {
      slot.status = 'syncing';
      // A resumed chain keeps the start of the round that began it: its earlier pages are that old.
      if (!slot.cursor.resume) slot.chainStartedAt = startedAt;
      slot.view = buildView(slot, false);
    }
    let done = 0;
    emit({ refreshing: true, progress: { done, total: slots.length } });
    const saves: Array<Promise<void>> = [];
    try {
      await Promise.all(
        slots.map(async (slot) => {
          // The committed snapshot before the round; an action confirmed meanwhile updates it in place.
          const before = slot.cursor.messages;
          const outcome = await syncMailboxRound(slot.cursor, context, {
            rules: slot.rules,
            observedAt: iso(clock()),
          });
          let changed = outcome.ok && outcome.changed;
          if (outcome.ok) {
            const seenChanged = noteHandledSeen(slot, before, iso(clock()));
            changed ||= seenChanged;
            slot.status = 'idle';
            slot.error = null;
            slot.stale = false;
            slot.lastFresh = iso(clock());
            // Actions confirmed before this chain of requests began are in its data: their overlays can go.
            for (const [id, overlay] of slot.overlays) {
              if (overlay.confirmedAt !== null && overlay.confirmedAt < slot.chainStartedAt) {
                slot.overlays.delete(id);
                changed = true;
              }
            }
            saves.push(save(slot, outcome.changed || seenChanged));
          } else {
            slot.status = 'error';
            slot.error = outcome.error;
            slot.stale = true;
          }
          slot.view = buildView(slot, changed);
          done += 1;
          emit({ progress: { done, total: slots.length } });
        }),
      );
      await Promise.all(saves);
    } finally {
      // "Updated at" only when something was: a round in which every mailbox failed updated nothing.
      const anyFresh = slots.some((slot) => slot.status === 'idle');
      emit({ refreshing: false, lastUpdated: anyFresh ? iso(clock()) : state.lastUpdated, restored: false });
    }
    return state;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    restore,
    refresh() {
      running ??= runRound().finally(() => {
        running = null;
      });
      return running;
    },

    async markHandled(address, messageId) {
      const slot = byAddress.get(address.toLowerCase());
      const message = slot?.cursor.messages.get(messageId);
      if (!slot || !message) return { ok: false, error: notFound(address, messageId) };
      const shown = { ...message, ...slot.overlays.get(messageId)?.patch };
      const patch = handledPatch(shown, organisation.handledCategories);
      const overlay: Overlay = {
        patch: { categories: patch.categories, flagStatus: 'complete' },
        confirmedAt: null,
      };
      const previous = slot.overlays.get(messageId);
      slot.overlays.set(messageId, overlay);
      slot.view = buildView(slot);
      emit();

      const result = await patchHandled(client, limiter, slot.entry.address, messageId, patch);
      // Confirmed even when a later action has replaced it: if that later one fails and restores this
      // overlay, it must not stay pending (and hide delta's data) for ever.
      if (result.ok) overlay.confirmedAt = ++tick;
      if (slot.overlays.get(messageId) === overlay) {
        if (result.ok) {
          const current = slot.cursor.messages.get(messageId);
          // Confirmed: sync has now seen it handled (unless it already had).
          if (current) {
            slot.cursor.messages.set(messageId, {
              ...current,
              ...overlay.patch,
              handledSeenAt: current.handledSeenAt ?? iso(clock()),
            });
          }
          void save(slot, true);
        } else if (previous) {
          slot.overlays.set(messageId, previous);
        } else {
          slot.overlays.delete(messageId);
        }
        slot.view = buildView(slot);
        emit();
      }
      return result;
    },

    passOn(address, messageId) {
      const slot = byAddress.get(address.toLowerCase());
      if (!slot || !slot.cursor.messages.has(messageId)) {
        return Promise.resolve({ ok: false, error: notFound(address, messageId) });
      }
      return createForwardDraft(
        client,
        limiter,
        slot.entry.address,
        messageId,
        organisation.citizenServiceAddress,
      );
    },

    runner,
    get stats() {
      return { ...runner.stats, peakInFlight: limiter.peak };
    },
  };
}
