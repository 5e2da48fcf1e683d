import { deadlineStateMs } from '../../domain/index.ts';
import { handlingTime } from '../../graph/index.ts';
import type { HandledSource, MailboxView } from '../../graph/index.ts';

/** How many handled messages of a month take their handling time from each source. */
export type SourceCounts = Record<HandledSource, number>;

export interface MonthStatistics {
  /** `YYYY-MM`: the month the messages were received, in the mailbox calendar's (the organisation's) zone. */
  month: string;
  /** Tracked messages received that month: in the Inbox, or in the handled ledger (they left it). */
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
    sources: { replyForward: 0, flagCompleted: 0, firstObserved: 0, leftInbox: 0 },
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
 * Messages that left the Inbox (handled by rules.md §3's 4th rule) come from the mailbox's handled
 * ledger: each counts in its month of receipt as handled in time or late by its `handledAt` (the time
 * known before it left, or when sync saw it leave: source `leftInbox`), or at an unknown time. A record
 * whose message is in the Inbox again (moved back, not yet pruned) counts once, as the Inbox says.
 */
export function monthlyStatistics(
  mailboxes: ReadonlyArray<
    Pick<MailboxView, 'address' | 'entry' | 'calendar' | 'messages'> &
      Partial<Pick<MailboxView, 'handledLedger'>>
  >,
  nowMs: number,
  months = 3,
): MailboxStatistics[] {
  return mailboxes.map((mailbox) => {
    const { calendar } = mailbox;
    const thisMonth = calendar.formatInstant(nowMs).slice(0, 7);
    const list = Array.from({ length: months }, (_, i) => monthBefore(thisMonth, months - 1 - i));
    const stats = new Map<string, MonthStatistics>(list.map((month) => [month, emptyMonth(month)]));
    /**
     * Counts one message received at `receivedMs` in its month; `handled` is null while unhandled, and
     * has a null time when it was handled at an unknown time.
     */
    const count = (
      receivedMs: number,
      handled: { at: string | null; source: HandledSource | null } | null,
    ) => {
      if (receivedMs !== receivedMs) return;
      const month = stats.get(calendar.formatInstant(receivedMs).slice(0, 7));
      if (!month) return;
      month.received += 1;
      let deadline: ReturnType<typeof deadlineStateMs>;
      try {
        deadline = deadlineStateMs(receivedMs, nowMs, mailbox.entry.policy, calendar);
      } catch {
        // A calendar without opening hours (a misconfigured register row) has no deadline to judge by.
        return;
      }
      if (handled !== null) {
        const handledMs = handled.at === null ? Number.NaN : Date.parse(handled.at);
        if (handled.source === null || handledMs !== handledMs) {
          month.handledUnknown += 1;
          return;
        }
        month.sources[handled.source] += 1;
        if (handledMs <= deadline.dueMs) month.handledInTime += 1;
        else month.handledLate += 1;
      } else if (deadline.state === 'overdue') month.overdue += 1;
      else month.openInTime += 1;
    };
    const inInbox = new Set<string>();
    for (const message of mailbox.messages) {
      inInbox.add(message.id);
      if (!message.tracked) continue;
      const handled = message.handled === null ? null : handlingTime(message);
      count(
        message.receivedMs,
        message.handled === null ? null : { at: handled?.at ?? null, source: handled?.source ?? null },
      );
    }
    for (const record of mailbox.handledLedger ?? []) {
      if (!inInbox.has(record.id))
        count(Date.parse(record.receivedDateTime), { at: record.handledAt, source: record.source });
    }
    for (const month of stats.values()) {
      const judged = month.handledInTime + month.handledLate + month.overdue;
      month.shareInTime = judged === 0 ? null : month.handledInTime / judged;
    }
    return {
      address: mailbox.address,
      name: mailbox.entry.displayName,
      months: list.map((m) => stats.get(m)!),
    };
  });
}
