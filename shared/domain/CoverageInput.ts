import type { WorkCalendar } from './createWorkCalendar.ts';
import type { RegisterEntry } from './parseRegisterEntry.ts';

/** What the directory says about an owner or deputy (Graph `/users`). */
export interface CoveragePerson {
  displayName: string;
  /** False when the address matches no user. */
  found: boolean;
  /** `accountEnabled`; null when it could not be read (it needs a directory permission). */
  accountEnabled: boolean | null;
}

/** An out-of-office interval (`oof` from getSchedule), as ISO instants with an offset; `end` exclusive. */
export interface AbsenceInterval {
  start: string;
  end: string;
}

/** A person's automatic reply (mail tips `automaticReplies`); `scheduled` is on from `start` to `end`. */
export interface AutoReplyState {
  status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  /** The reply text, usually HTML. */
  message: string;
  start?: string;
  end?: string;
}

/**
 * Everything coverageFindings looks at. Every map is keyed by e-mail address (any case). A person
 * missing from `people` was not looked up and counts as not found; a person missing from `autoReplies`
 * has an unknown automatic reply, and a mailbox missing from `lastIncoming` an unknown last message:
 * unknown data produces no finding rather than a false one.
 */
export interface CoverageInput {
  entries: readonly RegisterEntry[];
  people: Readonly<Record<string, CoveragePerson>>;
  absences: Readonly<Record<string, readonly AbsenceInterval[]>>;
  autoReplies: Readonly<Record<string, AutoReplyState>>;
  /** Received time of the newest Inbox message per mailbox; null when the Inbox has none. */
  lastIncoming: Readonly<Record<string, string | null>>;
  /** The organisation's calendar. */
  calendar: WorkCalendar;
  /**
   * A mailbox's own calendar. Default: the organisation's with the entry's opening-hours override
   * (`RegisterEntry.openingHours`) applied, as the sync layer does (mailboxCalendar).
   */
  calendarFor?: (entry: RegisterEntry) => WorkCalendar;
  /** The current instant, ISO 8601 with an offset. */
  now: string;
  /** How many working days ahead coverage is checked. Default 10 (rules.md §4). */
  workingDays?: number;
  /** Days without incoming mail after which a mailbox is a dormancy candidate (R9). Default 60. */
  dormantAfterDays?: number;
}
