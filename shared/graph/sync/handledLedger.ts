import type { WorkCalendar } from '../../domain/index.ts';
import { handlingTime } from './handlingTime.ts';
import type { HandlingTimeSource } from './handlingTime.ts';
import type { SyncedMessage } from './syncedMessage.ts';
import { trackMessage } from './trackedMessage.ts';
import type { MailboxRules } from './trackedMessage.ts';

/**
 * Where a ledger record's handling time comes from: the sources of `handlingTime`, or `leftInbox` —
 * the message left the Inbox unhandled (rules.md §3, 4th rule) and the time is when sync observed it go.
 */
export type HandledSource = HandlingTimeSource | 'leftInbox';

/**
 * What is kept of a tracked message after it left the Inbox (moved or deleted, `@removed` in delta):
 * just enough for the statistics — never subject, sender or anything else (least data). The due time is
 * computed from `receivedDateTime` with the mailbox's policy and calendar, like an Inbox message's.
 */
export interface HandledRecord {
  id: string;
  /** When the message was received (ISO instant, UTC). */
  receivedDateTime: string;
  /**
   * When it was handled (ISO instant): the earlier handling time known while it was in the Inbox, else
   * when sync observed it leave. Null when it was already handled, at an unknown time, when first synced
   * (a category only): then it counts as handled at an unknown time, as it did in the Inbox.
   */
  handledAt: string | null;
  source: HandledSource | null;
}

/** The handled ledger of one mailbox: message id → record. */
export type HandledLedger = Map<string, HandledRecord>;

/** How many months before the current one the ledger keeps (besides the current month). */
export const LEDGER_FULL_MONTHS = 3;

/**
 * The record for a message that left the Inbox at `observedAt`, from its last synced state; null for a
 * message that is not tracked (received before the mailbox was registered) or has no readable
 * received time: the statistics never count those.
 */
export function handledRecordOf(message: SyncedMessage, rules: MailboxRules, observedAt: string): HandledRecord | null {
  const tracked = trackMessage(message, rules);
  if (!tracked.tracked || tracked.receivedMs !== tracked.receivedMs) return null;
  const base = { id: message.id, receivedDateTime: new Date(tracked.receivedMs).toISOString() };
  if (tracked.handled === null) return { ...base, handledAt: observedAt, source: 'leftInbox' };
  const time = handlingTime(tracked);
  return time ? { ...base, handledAt: time.at, source: time.source } : { ...base, handledAt: null, source: null };
}

/**
 * Notes that `previous` (the synced message, when it was in the snapshot) left the Inbox. A message
 * already in the ledger keeps its first record: a replayed `@removed` changes nothing.
 * Returns whether the ledger changed.
 */
export function recordLeftInbox(
  ledger: HandledLedger,
  previous: SyncedMessage | undefined,
  rules: MailboxRules,
  observedAt: string,
): boolean {
  if (!previous || ledger.has(previous.id)) return false;
  const record = handledRecordOf(previous, rules, observedAt);
  if (!record) return false;
  ledger.set(previous.id, record);
  return true;
}

/** `YYYY-MM` of the local month `back` months before `month` (`YYYY-MM`). */
export function monthBefore(month: string, back: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The first local month (`YYYY-MM`, in the mailbox calendar's zone) the ledger keeps at `nowMs`: the
 * current month and the `LEDGER_FULL_MONTHS` full months before it — more than the statistics show.
 */
export function ledgerWindowStart(calendar: Pick<WorkCalendar, 'formatInstant'>, nowMs: number): string {
  return monthBefore(calendar.formatInstant(nowMs).slice(0, 7), LEDGER_FULL_MONTHS);
}

/**
 * Drops records of messages received before the window (see `ledgerWindowStart`), so the ledger stays
 * bounded. Returns whether any was dropped.
 */
export function pruneLedger(ledger: HandledLedger, calendar: Pick<WorkCalendar, 'formatInstant'>, nowMs: number): boolean {
  const start = ledgerWindowStart(calendar, nowMs);
  let pruned = false;
  for (const [id, record] of ledger) {
    const receivedMs = Date.parse(record.receivedDateTime);
    if (receivedMs !== receivedMs || calendar.formatInstant(receivedMs).slice(0, 7) < start) {
      ledger.delete(id);
      pruned = true;
    }
  }
  return pruned;
}

const SOURCES: ReadonlySet<string> = new Set<HandledSource>(['replyForward', 'flagCompleted', 'firstObserved', 'leftInbox']);

/**
 * Stored records as today's shape; anything unreadable (a record from a future or broken version) is
 * left out rather than failing the whole load.
 */
export function readLedger(stored: unknown): HandledRecord[] {
  if (!Array.isArray(stored)) return [];
  const records: HandledRecord[] = [];
  for (const item of stored as Array<Partial<HandledRecord> | null>) {
    if (!item || typeof item.id !== 'string' || typeof item.receivedDateTime !== 'string') continue;
    const handledAt = typeof item.handledAt === 'string' ? item.handledAt : null;
    const source = typeof item.source === 'string' && SOURCES.has(item.source) ? item.source : null;
    records.push({ id: item.id, receivedDateTime: item.receivedDateTime, handledAt: source ? handledAt : null, source: handledAt ? source : null });
  }
  return records;
}
