import { deadlineStateMs } from '../../domain/index.ts';
import type { DeadlineStatus } from '../../domain/index.ts';
import type { MailboxView, SyncState } from './syncState.ts';
import type { TrackedMessage } from './trackedMessage.ts';

export interface DueMessage {
  mailbox: MailboxView;
  message: TrackedMessage;
  /** The due instant in the mailbox calendar's zone, e.g. `2026-11-18T17:00:00+01:00`. */
  due: string;
  dueMs: number;
  state: DeadlineStatus;
  /** Opening-hours minutes left until due; 0 when overdue. */
  openMinutesLeft: number;
}

export interface UnhandledGroups {
  overdue: DueMessage[];
  approaching: DueMessage[];
  ok: DueMessage[];
}

/**
 * The unhandled, tracked messages of every mailbox with their deadline state at `nowMs` (rules.md §5),
 * grouped overdue / approaching / ok, each group soonest due first. Computed at read time because the
 * state depends on `now`; the due instant itself depends only on the message and the mailbox.
 */
export function unhandledWithDeadlines(state: Pick<SyncState, 'mailboxes'>, nowMs: number): UnhandledGroups {
  const groups: UnhandledGroups = { overdue: [], approaching: [], ok: [] };
  for (const mailbox of state.mailboxes) {
    const { policy } = mailbox.entry;
    for (const message of mailbox.messages) {
      if (message.handled !== null || !message.tracked || message.receivedMs !== message.receivedMs) continue;
      let deadline: ReturnType<typeof deadlineStateMs>;
      try {
        deadline = deadlineStateMs(message.receivedMs, nowMs, policy, mailbox.calendar);
      } catch {
        // A calendar with no opening hours left (a misconfigured register row) has no deadline to show;
        // one such mailbox must not take the whole view down.
        continue;
      }
      groups[deadline.state].push({
        mailbox,
        message,
        due: mailbox.calendar.formatInstant(deadline.dueMs),
        dueMs: deadline.dueMs,
        state: deadline.state,
        openMinutesLeft: deadline.openMinutesLeft,
      });
    }
  }
  const byDue = (a: DueMessage, b: DueMessage) =>
    a.dueMs - b.dueMs || a.message.receivedMs - b.message.receivedMs;
  groups.overdue.sort(byDue);
  groups.approaching.sort(byDue);
  groups.ok.sort(byDue);
  return groups;
}
