export type { TokenProvider } from './auth/TokenProvider.ts';
export { graphScopes } from './auth/TokenProvider.ts';
export { DemoTokenProvider, emulatorOrigin, fetchDemoPersonas } from './auth/DemoTokenProvider.ts';
export type { DemoPersona } from './auth/DemoTokenProvider.ts';
export { lazyMsalTokenProvider } from './auth/lazyMsalTokenProvider.ts';
export type { MsalSettings } from './auth/MsalTokenProvider.ts';
// createGraphClient (and with it the Graph SDK) is deliberately not re-exported: pages load it on demand
// (AppRoot) so the SDK stays out of their initial JavaScript. Import './createGraphClient.ts' directly.
export type { GraphClientOptions } from './createGraphClient.ts';
export { lazyClient } from './lazyClient.ts';
export { followLink } from './followLink.ts';
export { toGraphError } from './GraphError.ts';
export type { GraphError } from './GraphError.ts';
export { attempt } from './GraphResult.ts';
export type { GraphResult } from './GraphResult.ts';
export { forbiddenMessageFields, messageSelect } from './messageFields.ts';
export { getMe } from './queries.ts';
export type { Me } from './queries.ts';
export { readRegister } from './readRegister.ts';
export type { RegisterSnapshot } from './readRegister.ts';
export { updateDeputy } from './registerWrite.ts';
export type { UpdateDeputyResult } from './registerWrite.ts';
export {
  applyDeltaPage,
  chunk,
  createBatchRunner,
  createForwardDraft,
  createLimiter,
  createSyncStore,
  getAbsences,
  getAutomaticReplies,
  handledPatch,
  handlingTime,
  initialDeltaUrl,
  instantOfDateTimeTimeZone,
  isSyncStateLost,
  lastVerbExpand,
  mailboxCalendar,
  MAX_BATCH_PARTS,
  MAX_SCHEDULE_WINDOW_DAYS,
  openSyncPersistence,
  parseRetryAfter,
  patchHandled,
  splitWindow,
  startAutoRefresh,
  SYNC_DB_NAME,
  syncMailboxRound,
  systemClock,
  systemTimers,
  toBatchUrl,
  trackMessage,
  unhandledWithDeadlines,
  utcDateTimeTimeZone,
} from './sync/index.ts';
export type {
  AbsenceResult,
  AutoRefreshOptions,
  AutomaticRepliesResult,
  BatchPart,
  BatchRetryOptions,
  BatchRunner,
  BatchRunnerOptions,
  BatchStats,
  Clock,
  DateTimeTimeZone,
  DeltaEntry,
  DueMessage,
  ForwardDraft,
  HandledPatch,
  HandlingTime,
  HandledRecord,
  HandledSource,
  HandlingTimeSource,
  Limiter,
  MailboxCursor,
  MailboxRules,
  MailboxView,
  PartResult,
  PersistedMailbox,
  PersonError,
  RawMessage,
  RestoredMailbox,
  RoundContext,
  RoundOutcome,
  SyncedMessage,
  SyncPersistence,
  SyncState,
  SyncStore,
  SyncStoreOptions,
  Timers,
  TrackedMessage,
  UnhandledGroups,
} from './sync/index.ts';
