import type { MailboxRole } from './parseRegisterEntry.ts';

export type CoverageSeverity = 'error' | 'warning';

export interface CoveragePersonRef {
  address: string;
  /** The directory display name; the address when the person was not found. */
  name: string;
}

interface MailboxFinding {
  /** The mailbox address, lower case. */
  mailbox: string;
  mailboxName: string;
  severity: CoverageSeverity;
}

/** A finding about the owner or deputy. When one person is both, it is reported once, as owner. */
interface PersonFinding extends MailboxFinding, CoveragePersonRef {
  role: MailboxRole;
}

export interface NoOwnerFinding extends MailboxFinding {
  kind: 'noOwner';
  severity: 'error';
}

export interface NoDeputyFinding extends MailboxFinding {
  kind: 'noDeputy';
  severity: 'error';
  owner: CoveragePersonRef | null;
}

export interface OwnerIsDeputyFinding extends MailboxFinding {
  kind: 'ownerIsDeputy';
  severity: 'error';
  person: CoveragePersonRef;
}

export interface PersonNotFoundFinding extends PersonFinding {
  kind: 'personNotFound';
  severity: 'error';
}

export interface PersonDisabledFinding extends PersonFinding {
  kind: 'personDisabled';
  severity: 'error';
}

/** Out of office now (R4) with no automatic reply on now. `awayFrom`/`awayUntil`: the absence. */
export interface AwayWithoutAutoReplyFinding extends PersonFinding {
  kind: 'awayWithoutAutoReply';
  severity: 'error';
  awayFrom: string;
  awayUntil: string;
}

/**
 * An automatic reply that is on or scheduled and names neither the other person of the mailbox (the
 * deputy for the owner, the owner for the deputy; by name or address) nor the mailbox address (R4).
 */
export interface AutoReplyNamesNeitherFinding extends PersonFinding {
  kind: 'autoReplyNamesNeitherDeputyNorMailbox';
  severity: 'warning';
  autoReply: { status: 'alwaysEnabled' | 'scheduled'; start: string | null; end: string | null };
  /** Whom the reply should name besides the mailbox; null when the mailbox has no such person. */
  shouldName: CoveragePersonRef | null;
}

/** No incoming mail for `dormantAfterDays` days, or none at all (R9). */
export interface DormantMailboxFinding extends MailboxFinding {
  kind: 'dormantMailbox';
  severity: 'warning';
  /** The newest message's received time, in the mailbox calendar's offset; null when there is none. */
  lastIncoming: string | null;
  /** Whole days since then; null when there is no message. */
  daysWithoutMail: number | null;
  dormantAfterDays: number;
}

/**
 * A coverage gap (rules.md §4): owner and deputy both away during opening hours. `start`/`end` are the
 * time both are away, clipped to [now, close of the last working day of the horizon]; gaps separated
 * only by closed time (a night, a weekend) are one gap. `openMinutes` counts the opening hours it takes
 * (fractional when the inputs have seconds), `dates` the working days it touches.
 */
export interface BothAwayFinding extends MailboxFinding {
  kind: 'bothAway';
  severity: 'error';
  owner: CoveragePersonRef;
  deputy: CoveragePersonRef;
  start: string;
  end: string;
  openMinutes: number;
  dates: string[];
  /** Whether the gap continues past the horizon (for example an automatic reply with no end). */
  endsAfterHorizon: boolean;
}

export type CoverageFinding =
  | NoOwnerFinding
  | NoDeputyFinding
  | OwnerIsDeputyFinding
  | PersonNotFoundFinding
  | PersonDisabledFinding
  | AwayWithoutAutoReplyFinding
  | AutoReplyNamesNeitherFinding
  | DormantMailboxFinding
  | BothAwayFinding;

export type CoverageFindingKind = CoverageFinding['kind'];

/**
 * `covered`: nobody nominated is away during the day's opening hours; `oneAway`: someone is;
 * `bothAway`: owner and deputy are away at the same time during them.
 */
export type CoverageDayStatus = 'covered' | 'oneAway' | 'bothAway';

export interface CoverageGridDay {
  date: string;
  status: CoverageDayStatus;
  /** The nominated people away during the day's opening hours, owner first. */
  away: string[];
}

export interface CoverageGridRow {
  mailbox: string;
  /** The distinct people nominated (owner, then deputy): the grid's statuses are about them. */
  people: string[];
  days: CoverageGridDay[];
}

export interface CoverageResult {
  /** Errors first, then warnings; within each by mailbox address. */
  findings: CoverageFinding[];
  /** One row per register entry, in register order. */
  grid: CoverageGridRow[];
}
