// The public surface of the domain: the working-day calendar and deadline engine, validation helpers,
// the mailbox register and the "handled" rule. Everything else in this folder is internal.

export type { ParseResult, ValidationIssue } from './ParseResult.ts';
export { formatIssue } from './formatIssue.ts';

export { swedishHolidays } from './swedishHolidays.ts';
export type { SwedishHoliday } from './swedishHolidays.ts';

export { createWorkCalendar } from './createWorkCalendar.ts';
export type { WorkCalendar } from './createWorkCalendar.ts';
export { DEFAULT_CALENDAR_OPTIONS, WEEKDAYS } from './WorkCalendarOptions.ts';
export type { ResolvedCalendarOptions, Weekday, WorkCalendarOptions } from './WorkCalendarOptions.ts';
export { mergeCalendarOptions } from './mergeCalendarOptions.ts';
export { parseCalendarOptions } from './parseCalendarOptions.ts';
// Time-zone arithmetic from the platform's tz data, for wall times that come from elsewhere (Graph's
// dateTimeTimeZone): the calendar's own rules, so every layer agrees on gaps and overlaps.
export { canonicalTimeZoneId } from './intlZone.ts';
export { localEpochDay } from './ZoneOffsets.ts';
export { wallTimeToEpochMs } from './buildYearDays.ts';
export { unionIntervals } from './intervalSet.ts';

export { defaultWarnBefore } from './DeadlinePolicy.ts';
export type { DeadlinePolicy } from './DeadlinePolicy.ts';
export { policyPresets } from './policyPresets.ts';
export { parseDeadlinePolicy } from './parseDeadlinePolicy.ts';
export { dueAt } from './dueAt.ts';
export { deadlineState, deadlineStateMs } from './deadlineState.ts';
export type { DeadlineState, DeadlineStateMs, DeadlineStatus } from './deadlineState.ts';
export { parseInstantMs } from './parseInstantMs.ts';

export { coveredMailboxes, parseRegisterEntry } from './parseRegisterEntry.ts';
export type { MailboxRole, RegisterEntry, RegisterItem } from './parseRegisterEntry.ts';

export { handledReason } from './handledReason.ts';
export type { HandledEvidence, HandledReason } from './handledReason.ts';

export { findPersonnummer } from './findPersonnummer.ts';
export type { PersonnummerMatch } from './findPersonnummer.ts';
export { maskPersonnummer } from './maskPersonnummer.ts';

export { SIGNATURE_FIELDS } from './SignatureFields.ts';
export type { SignatureField, SignatureFields } from './SignatureFields.ts';
export { renderSignature } from './renderSignature.ts';
export { parseSignatureTemplate } from './parseSignatureTemplate.ts';
export { containsStandardSignature } from './containsStandardSignature.ts';

export { coverageFindings } from './coverageFindings.ts';
export type { AbsenceInterval, AutoReplyState, CoverageInput, CoveragePerson } from './CoverageInput.ts';
export type {
  AutoReplyNamesNeitherFinding,
  AwayWithoutAutoReplyFinding,
  BothAwayFinding,
  CoverageDayStatus,
  CoverageFinding,
  CoverageFindingKind,
  CoverageGridDay,
  CoverageGridRow,
  CoveragePersonRef,
  CoverageResult,
  CoverageSeverity,
  DormantMailboxFinding,
  NoDeputyFinding,
  NoOwnerFinding,
  OwnerIsDeputyFinding,
  PersonDisabledFinding,
  PersonNotFoundFinding,
} from './CoverageFinding.ts';
