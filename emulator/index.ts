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
  MailboxState,
  MessageState,
  SiteState,
  TombstoneState,
  UserState,
  WellKnownFolderName,
} from './model/types.ts';
export { createGraphHandlers, graphRoutes } from './createHandlers.ts';
export type { GraphHandlerOptions } from './createHandlers.ts';
export type { GraphContext, Middleware, RouteDefinition } from './pipeline/types.ts';
export { defaultAllowedOrigins } from './pipeline/cors.ts';
export type { OriginRule } from './pipeline/cors.ts';
export { demoTokenFor } from './pipeline/demoTokens.ts';
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
