import { deadlineStateMs } from '../../domain/index.ts';
import { handlingTime } from '../../graph/index.ts';
import type { HandlingTimeSource, MailboxView } from '../../graph/index.ts';

/** How many handled messages of a month take their handling time from each source. */
export type SourceCounts = Record<HandlingTimeSource, number>;

export interface MonthStatistics {
  /** `YYYY-MM`: the month the messages were received, in the mailbox calendar's (the organisation's) zone. */
  month: string;
  /** Tracked messages received that month and still in the Inbox. */
  received: number;
  /** Handled (rules.md §3) at or before the due instant (rules.md §5). */
  handledInTime: number;
  /** Handled after the due instant. */
  handledLate: number;
  /**
   * Handled, but when is not known: no reply/forward time, no completed flag time, and already handled
   * when sync first saw it. Left out of the share.
   */
  handledUnknown: number;
  /** Unhandled and not yet due. Left out of the share: it may still be handled in time. */
  openInTime: number;
  /** Unhandled and past due: certainly late. */
  overdue: number;
  /** handledInTime / (handledInTime + handledLate + overdue); null when that is 0/0. */
  shareInTime: number | null;
  /** Which sources the handled-in-time and handled-late figures rest on. */
  sources: SourceCounts;
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

function emptyMonth(month: string): MonthStatistics {
  return {
    month,
    received: 0,
    handledInTime: 0,
    handledLate: 0,
    handledUnknown: 0,
    openInTime: 0,
    overdue: 0,
    shareInTime: null,
    sources: { replyForward: 0, flagCompleted: 0, firstObserved: 0 },
  };
}

/**
 * Per mailbox and month (this month and the `months − 1` before it, oldest first), by the month of
 * receipt: messages received, handled within and after the deadline, handled at an unknown time, and
 * unhandled in time or overdue, from the synced Inbox; and the share within deadline.
 *
 * The handling time is `handlingTime(message)`: the reply/forward time (0x1082), else the flag's
 * completed time, else when sync first saw the message handled. A message already handled at the
 * first sync, by a category only, has none: it counts as handled at an unknown time.
 * Messages that left the Inbox (handled by the 4th rule) are not in `messages`: the sync keeps them in
 * its handled ledger, and `withHandledLedger` (shared/graph/sync/ledgerStatistics.ts) adds them.
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
    const stats = new Map<string, MonthStatistics>(list.map((month) => [month, emptyMonth(month)]));
    for (const message of mailbox.messages) {
      if (!message.tracked || message.receivedMs !== message.receivedMs) continue;
      const month = stats.get(calendar.formatInstant(message.receivedMs).slice(0, 7));
      if (!month) continue;
      month.received += 1;
      let deadline: ReturnType<typeof deadlineStateMs>;
      try {
        deadline = deadlineStateMs(message.receivedMs, nowMs, mailbox.entry.policy, calendar);
      } catch {
        // A calendar without opening hours (a misconfigured register row) has no deadline to judge by.
        continue;
      }
      if (message.handled !== null) {
        const handled = handlingTime(message);
        const handledMs = handled ? Date.parse(handled.at) : Number.NaN;
        if (!handled || handledMs !== handledMs) {
          month.handledUnknown += 1;
          continue;
        }
        month.sources[handled.source] += 1;
        if (handledMs <= deadline.dueMs) month.handledInTime += 1;
        else month.handledLate += 1;
      } else if (deadline.state === 'overdue') month.overdue += 1;
      else month.openInTime += 1;
    }
    for (const month of stats.values()) {
      const judged = month.handledInTime + month.handledLate + month.overdue;
      month.shareInTime = judged === 0 ? null : month.handledInTime / judged;
    }
    return { address: mailbox.address, name: mailbox.entry.displayName, months: list.map((m) => stats.get(m)!) };
  });
}
