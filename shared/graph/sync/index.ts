// The public surface of mailbox sync: the store the UI observes, its state and selectors, the Graph
// calls it is built from that other features reuse (batching, absences), and the persistence seam.

export { createSyncStore } from './syncStore.ts';
export type { SyncStore, SyncStoreOptions } from './syncStore.ts';
export type { MailboxView, SyncState } from './syncState.ts';
export type { TrackedMessage, MailboxRules } from './trackedMessage.ts';
export { mailboxCalendar, trackMessage } from './trackedMessage.ts';
export { unhandledWithDeadlines } from './unhandledWithDeadlines.ts';
export { handlingTime } from './handlingTime.ts';
export type { HandlingTime, HandlingTimeSource } from './handlingTime.ts';
export { LEDGER_FULL_MONTHS, handledRecordOf, ledgerWindowStart, pruneLedger } from './handledLedger.ts';
export type { HandledLedger, HandledRecord, HandledSource } from './handledLedger.ts';
export type { DueMessage, UnhandledGroups } from './unhandledWithDeadlines.ts';
export { startAutoRefresh } from './autoRefresh.ts';
export type { AutoRefreshOptions } from './autoRefresh.ts';

export { createBatchRunner, MAX_BATCH_PARTS, toBatchUrl } from './batch.ts';
export type {
  BatchPart,
  BatchRetryOptions,
  BatchRunner,
  BatchRunnerOptions,
  BatchStats,
  PartResult,
} from './batch.ts';
export { createLimiter } from './concurrency.ts';
export type { Limiter } from './concurrency.ts';
export { parseRetryAfter } from './parseRetryAfter.ts';
export { systemClock, systemTimers } from './timers.ts';
export type { Clock, Timers } from './timers.ts';

export { applyDeltaPage } from './applyDeltaPage.ts';
export { lastVerbExpand } from './syncedMessage.ts';
export type { DeltaEntry, RawMessage, SyncedMessage } from './syncedMessage.ts';
export { initialDeltaUrl, isSyncStateLost, syncMailboxRound } from './syncMailboxRound.ts';
export type { LedgerOptions, MailboxCursor, RoundContext, RoundOutcome } from './syncMailboxRound.ts';

export { createForwardDraft, handledPatch, patchHandled } from './actions.ts';
export type { ForwardDraft, HandledPatch } from './actions.ts';

export {
  chunk,
  getAbsences,
  getAutomaticReplies,
  MAX_SCHEDULE_WINDOW_DAYS,
  splitWindow,
} from './absences.ts';
export type { AbsenceResult, AutomaticRepliesResult, PersonError } from './absences.ts';
export { instantOfDateTimeTimeZone, utcDateTimeTimeZone } from './dateTimeTimeZone.ts';
export type { DateTimeTimeZone } from './dateTimeTimeZone.ts';

export { openSyncPersistence, SYNC_DB_NAME, SYNC_DB_VERSION } from './persistence.ts';
export type { PersistedMailbox, RestoredMailbox, SyncPersistence } from './persistence.ts';
