import {
  createWorkCalendar,
  handledReason,
  mergeCalendarOptions,
  parseInstantMs,
} from '../../domain/index.ts';
import type { HandledReason, RegisterEntry, WorkCalendar, WorkCalendarOptions } from '../../domain/index.ts';
import type { SyncedMessage } from './syncedMessage.ts';

/** An Inbox message as the UI sees it: its metadata, whether it is handled and whether it is tracked at all. */
export interface TrackedMessage extends SyncedMessage {
  /** Why the message counts as handled (rules.md §3), or null while it is unhandled. */
  handled: HandledReason | null;
  /**
   * Whether it was received on or after the day the mailbox was added to the register (`TrackedSince`,
   * a date in the organisation's zone): "messages received before … are not tracked" (rules.md §3).
   */
  tracked: boolean;
  /** `receivedDateTime` as epoch milliseconds, for the deadline engine's fast path; NaN if unreadable. */
  receivedMs: number;
}

/** What decides a mailbox's handled and deadline state besides the message itself. */
export interface MailboxRules {
  handledCategories: readonly string[];
  trackedSince: string | null;
  calendar: WorkCalendar;
}

/** The mailbox's calendar: the organisation's, with the register's opening hours for this mailbox on top. */
export function mailboxCalendar(
  organisation: WorkCalendarOptions,
  entry: Pick<RegisterEntry, 'openingHours'>,
): WorkCalendar {
  return createWorkCalendar(
    entry.openingHours
      ? mergeCalendarOptions(organisation, { openingHours: entry.openingHours })
      : organisation,
  );
}

function instantMs(text: string): number {
  try {
    return parseInstantMs(text);
  } catch {
    return Number.NaN;
  }
}

/**
 * The handled state of a synced message. Removal from the Inbox (the 4th rule) never reaches here:
 * an `@removed` entry deletes the message from the snapshot and records it in the mailbox's handled
 * ledger (`handledLedger.ts`).
 */
export function trackMessage(message: SyncedMessage, rules: MailboxRules): TrackedMessage {
  const receivedMs = instantMs(message.receivedDateTime);
  let tracked = true;
  if (rules.trackedSince !== null && receivedMs === receivedMs) {
    // The local date in the organisation's zone decides, not the UTC date.
    tracked = rules.calendar.formatInstant(receivedMs).slice(0, 10) >= rules.trackedSince;
  }
  return {
    ...message,
    handled: handledReason(
      { flagStatus: message.flagStatus, categories: message.categories, lastVerbExecuted: message.lastVerb },
      rules.handledCategories,
    ),
    tracked,
    receivedMs,
  };
}
