import { deadlineStateMs } from '../../domain/index.ts';
import type { HandledSource } from './handledLedger.ts';
import type { HandlingTimeSource } from './handlingTime.ts';
import type { MailboxView } from './syncState.ts';

/** One month's figures as `monthlyStatistics` (shared/ui/teams) gives them, from the Inbox. */
export interface MonthFigures {
  /** `YYYY-MM`: the month of receipt in the mailbox calendar's zone. */
  month: string;
  received: number;
  handledInTime: number;
  handledLate: number;
  handledUnknown: number;
  openInTime: number;
  overdue: number;
  shareInTime: number | null;
  sources: Record<HandlingTimeSource, number>;
}

/** A month's figures with the ledger counted in: the sources include `leftInbox`. */
export type MonthFiguresWithLedger<M extends MonthFigures = MonthFigures> = Omit<M, 'sources'> & {
  sources: Record<HandledSource, number>;
};

/**
 * Adds each mailbox's handled ledger — tracked messages that left the Inbox, handled by rules.md §3's
 * 4th rule — to its monthly figures from the Inbox (`monthlyStatistics`), and recomputes the share.
 * A record counts in the month it was received: as received, and as handled in time or late by its
 * `handledAt` against the due instant (from the mailbox's policy and calendar, as for Inbox messages),
 * with its source; a record without a handling time counts as handled at an unknown time. Months the
 * figures do not show, records of ids still in the Inbox and mailboxes without figures are ignored.
 */
export function withHandledLedger<M extends MonthFigures, S extends { address: string; months: readonly M[] }>(
  stats: readonly S[],
  mailboxes: ReadonlyArray<Pick<MailboxView, 'address' | 'entry' | 'calendar' | 'messages' | 'handledLedger'>>,
  nowMs: number,
): Array<Omit<S, 'months'> & { months: Array<MonthFiguresWithLedger<M>> }> {
  const byAddress = new Map(mailboxes.map((mailbox) => [mailbox.address.toLowerCase(), mailbox]));
  return stats.map((mailboxStats) => {
    const months = new Map<string, MonthFiguresWithLedger<M>>(
      mailboxStats.months.map((month) => [month.month, { ...month, sources: { ...month.sources, leftInbox: 0 } }]),
    );
    const mailbox = byAddress.get(mailboxStats.address.toLowerCase());
    const inInbox = new Set(mailbox?.messages.map((message) => message.id));
    for (const record of mailbox?.handledLedger ?? []) {
      if (inInbox.has(record.id)) continue;
      const receivedMs = Date.parse(record.receivedDateTime);
      if (receivedMs !== receivedMs) continue;
      const month = months.get(mailbox!.calendar.formatInstant(receivedMs).slice(0, 7));
      if (!month) continue;
      month.received += 1;
      let dueMs: number;
      try {
        dueMs = deadlineStateMs(receivedMs, nowMs, mailbox!.entry.policy, mailbox!.calendar).dueMs;
      } catch {
        // A calendar without opening hours has no deadline to judge by (as for Inbox messages).
        continue;
      }
      const handledMs = record.handledAt === null ? Number.NaN : Date.parse(record.handledAt);
      if (record.source === null || handledMs !== handledMs) {
        month.handledUnknown += 1;
        continue;
      }
      month.sources[record.source] += 1;
      if (handledMs <= dueMs) month.handledInTime += 1;
      else month.handledLate += 1;
    }
    for (const month of months.values()) {
      const judged = month.handledInTime + month.handledLate + month.overdue;
      month.shareInTime = judged === 0 ? null : month.handledInTime / judged;
    }
    return { ...mailboxStats, months: mailboxStats.months.map((m) => months.get(m.month)!) };
  });
}
