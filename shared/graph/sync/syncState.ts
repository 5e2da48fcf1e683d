import type { RegisterEntry, WorkCalendar } from '../../domain/index.ts';
import type { GraphError } from '../GraphError.ts';
import type { HandledRecord } from './handledLedger.ts';
import type { TrackedMessage } from './trackedMessage.ts';

/** One covered mailbox as the UI sees it. */
export interface MailboxView {
  address: string;
  entry: RegisterEntry;
  /** The mailbox's working-day calendar (organisation calendar + its opening hours). */
  calendar: WorkCalendar;
  status: 'idle' | 'syncing' | 'error';
  /** Every Inbox message, newest first, handled or not; `unhandledWithDeadlines` picks the open ones. */
  messages: readonly TrackedMessage[];
  /**
   * Tracked messages that left the Inbox since sync began, counted as handled (rules.md §3, 4th rule),
   * for the statistics; only the statistics window is kept. Absent: none recorded.
   */
  handledLedger?: readonly HandledRecord[];
  /** When this mailbox's data was last confirmed by Graph (ISO 8601), null before the first sync. */
  lastFresh: string | null;
  /** The data shown is not confirmed by the latest round: restored from storage, or the round failed. */
  stale: boolean;
  /** Why the latest round failed, as a value to show in words. */
  error: GraphError | null;
  /** Message ids with an action (mark handled) still waiting for Graph's answer. */
  pending: ReadonlySet<string>;
}

export interface SyncState {
  mailboxes: readonly MailboxView[];
  refreshing: boolean;
  /** Mailboxes finished in the current (or last) round, out of all. */
  progress: { done: number; total: number };
  /** When the last round finished (ISO 8601), null before any. */
  lastUpdated: string | null;
  /** Whether the shown state came from IndexedDB and no round has finished since. */
  restored: boolean;
}
