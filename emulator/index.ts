// The emulator's public surface: the tenant model, the msw handlers, the server and the demo.
export { Tenant } from './tenant.ts';
export type { NewMessage, NewUser, TenantOptions, TenantPersona } from './tenant.ts';
export type {
  AutomaticRepliesState,
  CalendarEventState,
  EmailAddressState,
  FlagState,
  ListItemState,
  ListState,
  MailFolderState,
  FlagStatus,
  FreeBusyStatus,
  LastVerb,
  MailboxState,
  MessageState,
  SiteState,
  TombstoneState,
  UserState,
  WellKnownFolderName,
} from './model/types.ts';
export { TenantChanges } from './changes/tenantChanges.ts';
export type { NewMessageInput } from './changes/tenantChanges.ts';
export type { SimulatedChange, SimulatedChangeKind } from './changes/simulateChanges.ts';
export { createGraphHandlers, graphRoutes, requestClassifier } from './createHandlers.ts';
export type { GraphHandlerOptions, RequestClassifier } from './createHandlers.ts';
export type { BatchPart, GraphContext, Middleware, RouteDefinition } from './pipeline/types.ts';
export { FaultInjector, noFaults, parseFaultSpec, validateFaultSettings } from './faults/faultInjector.ts';
export type {
  FaultCounters,
  FaultDecision,
  FaultSettings,
  FaultSettingsInput,
} from './faults/faultInjector.ts';
export { RequestLog, readableUrl } from './pipeline/requestLog.ts';
export type { RequestLogEntry } from './pipeline/requestLog.ts';
export { decodeDeltaToken, encodeDeltaToken } from './model/deltaToken.ts';
export type { DeltaOptions, DeltaState } from './model/deltaToken.ts';
export { batchLimit } from './handlers/batch.ts';
export { forwardSubjectPrefix } from './handlers/forward.ts';
export { automaticReplyHtml, mailTipsAddressLimit } from './handlers/mailTips.ts';
export { scheduleLimits } from './handlers/schedule.ts';
export { directoryFilterClauseLimit } from './handlers/users.ts';
export { changeKinds } from './handlers/demoChanges.ts';
export type { ChangeKind } from './handlers/demoChanges.ts';
export {
  createSyntheticTenant,
  syntheticDomain,
  syntheticManagerUpn,
  syntheticPersonaUpn,
} from './synthetic/createSyntheticTenant.ts';
export type { SyntheticTenantOptions } from './synthetic/createSyntheticTenant.ts';
export { defaultAllowedOrigins } from './pipeline/cors.ts';
export type { OriginRule } from './pipeline/cors.ts';
export { demoTokenFor, parseDemoToken } from './pipeline/demoTokens.ts';
export type { ParsedDemoToken } from './pipeline/demoTokens.ts';
export { startEmulator } from './startEmulator.ts';
export type { RunningEmulator, StartEmulatorOptions } from './startEmulator.ts';
export {
  createDemoTenant,
  demoCalendarOptions,
  demoMailboxes,
  demoPeople,
  demoPersonas,
  demoPlantedProblems,
  demoRegisterDefaults,
  demoUnits,
} from './demo/index.ts';
export type { DemoMailbox, DemoPerson, DemoPersona, DemoTenantOptions, DemoUnit } from './demo/index.ts';
