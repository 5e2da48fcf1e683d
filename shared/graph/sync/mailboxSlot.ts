import type { RegisterEntry, WorkCalendarOptions } from '../../domain/index.ts';
import type { GraphError } from '../GraphError.ts';
import type { MailboxCursor } from './syncMailboxRound.ts';
import type { SyncedMessage } from './syncedMessage.ts';
import type { MailboxView } from './syncState.ts';
import { mailboxCalendar, trackMessage } from './trackedMessage.ts';
import type { MailboxRules, TrackedMessage } from './trackedMessage.ts';

/**
 * An action's change shown before Graph confirms it. Kept after confirmation until a chain of delta
 * requests that began later has committed (`confirmedAt` < its start): one already under way — or
 * resumed after a failure — may still carry the old state of the message.
 */
export interface Overlay {
  patch: Pick<SyncedMessage, 'categories' | 'flagStatus'>;
  confirmedAt: number | null;
}

/** Everything the store keeps for one mailbox. */
export interface Slot {
  entry: RegisterEntry;
  rules: MailboxRules;
  cursor: MailboxCursor;
  status: MailboxView['status'];
  lastFresh: string | null;
  stale: boolean;
  error: GraphError | null;
  overlays: Map<string, Overlay>;
  /** The store tick when the cursor's current chain of delta requests began. */
  chainStartedAt: number;
  /**
   * The stored messages lag behind the cursor (a write failed): the next save must write them with the
   * delta link, or a later delta link would be stored beside messages it has already moved past.
   */
  snapshotDirty: boolean;
  /** Tracked forms by message object: unchanged messages keep their object across rounds. */
  tracked: WeakMap<SyncedMessage, TrackedMessage>;
  view: MailboxView;
}

export function createSlot(
  entry: RegisterEntry,
  organisation: { calendar: WorkCalendarOptions; handledCategories: readonly string[] },
): Slot {
  const slot: Slot = {
    entry,
    rules: {
      handledCategories: organisation.handledCategories,
      trackedSince: entry.trackedSince,
      calendar: mailboxCalendar(organisation.calendar, entry),
    },
    cursor: {
      address: entry.address,
      messages: new Map(),
      deltaLink: null,
      deltaLinkExpands: true,
      resume: null,
    },
    status: 'idle',
    lastFresh: null,
    stale: false,
    error: null,
    overlays: new Map(),
    chainStartedAt: 0,
    snapshotDirty: false,
    tracked: new WeakMap(),
    view: undefined as unknown as MailboxView,
  };
  slot.view = buildView(slot);
  return slot;
}

function trackedOf(slot: Slot, message: SyncedMessage): TrackedMessage {
  const overlay = slot.overlays.get(message.id);
  if (overlay) return trackMessage({ ...message, ...overlay.patch }, slot.rules);
  let tracked = slot.tracked.get(message);
  if (!tracked) {
    tracked = trackMessage(message, slot.rules);
    slot.tracked.set(message, tracked);
  }
  return tracked;
}

/** The slot as the UI sees it; the message list is rebuilt only when `messagesChanged`. */
export function buildView(slot: Slot, messagesChanged = true): MailboxView {
  const messages =
    messagesChanged || !slot.view
      ? [...slot.cursor.messages.values()]
          .map((m) => trackedOf(slot, m))
          .sort((a, b) => b.receivedMs - a.receivedMs)
      : slot.view.messages;
  const pending = new Set<string>();
  for (const [id, overlay] of slot.overlays) if (overlay.confirmedAt === null) pending.add(id);
  return {
    address: slot.entry.address,
    entry: slot.entry,
    calendar: slot.rules.calendar,
    status: slot.status,
    messages,
    lastFresh: slot.lastFresh,
    stale: slot.stale,
    error: slot.error,
    pending,
  };
}
