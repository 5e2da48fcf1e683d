import { deadlineStateMs } from '../../domain/index.ts';
import type { MailboxView } from '../../graph/index.ts';

export interface MonthStatistics {
  /** `YYYY-MM`, in the mailbox calendar's zone. */
  month: string;
  /** Tracked messages received that month and still in the Inbox. */
  received: number;
  /** Handled (rules.md §3); when is not known, so not whether in time. */
  handled: number;
  /** Unhandled and not yet due. */
  openInTime: number;
  /** Unhandled and past due: certainly late. */
  overdue: number;
  /**
   * The most the share within deadline can be: everything not overdue counted as in time. Null
   * without messages. An upper bound because the handling time of handled messages is not known.
   */
  shareInTimeAtMost: number | null;
}

export interface MailboxStatistics {
  address: string;
  name: string;
  months: MonthStatistics[];
}

/** The local month `YYYY-MM` of `month`, `back` months before. */
function monthBefore(month: string, back: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Per mailbox and month (this month and the `months − 1` before it, oldest first): messages received,
 * handled, open in time and overdue, from the synced Inbox.
 *
 * Limitation: the sync layer keeps neither the reply/forward time (0x1082), the flag's
 * `completedDateTime` nor when it first saw a message handled, and messages moved out of the Inbox
 * leave the snapshot. So "handled within / after the deadline" cannot be told apart yet; the share
 * within deadline is given as an upper bound.
 */
export function monthlyStatistics(
  mailboxes: ReadonlyArray<Pick<MailboxView, 'address' | 'entry' | 'calendar' | 'messages'>>,
  nowMs: number,
  months = 3,
): MailboxStatistics[] {
  return mailboxes.map((mailbox) => {
    const { calendar } = mailbox;
    const thisMonth = calendar.formatInstant(nowMs).slice(0, 7);
    const list = Array.from({ length: months }, (_, i) => monthBefore(thisMonth, months - 1 - i));
    const stats = new Map<string, MonthStatistics>(
      list.map((month) => [month, { month, received: 0, handled: 0, openInTime: 0, overdue: 0, shareInTimeAtMost: null }]),
    );
    for (const message of mailbox.messages) {
      if (!message.tracked || message.receivedMs !== message.receivedMs) continue;
      const month = stats.get(calendar.formatInstant(message.receivedMs).slice(0, 7));
      if (!month) continue;
      month.received += 1;
      if (message.handled !== null) month.handled += 1;
      else if (deadlineStateMs(message.receivedMs, nowMs, mailbox.entry.policy, calendar).state === 'overdue')
        month.overdue += 1;
      else month.openInTime += 1;
    }
    for (const month of stats.values()) {
      month.shareInTimeAtMost = month.received === 0 ? null : (month.received - month.overdue) / month.received;
    }
    return { address: mailbox.address, name: mailbox.entry.displayName, months: list.map((m) => stats.get(m)!) };
  });
}
