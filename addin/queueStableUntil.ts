import { unhandledWithDeadlines } from '../shared/graph/index.ts';
import type { SyncState } from '../shared/graph/index.ts';
import { dayOffset } from './outlook/dueInWords.ts';

const DAY_MS = 86_400_000;

/**
 * How the queue reads at `atMs`, per open message: its state and how its due day is named (today,
 * tomorrow, a weekday, a date). Both only ever move one way as time passes (ok → approaching → overdue;
 * the day offset only shrinks), so a reading that differs from now's stays different.
 */
function reading(state: Pick<SyncState, 'mailboxes'>, atMs: number, timeZone: string): Map<string, string> {
  const groups = unhandledWithDeadlines(state, atMs);
  const out = new Map<string, string>();
  for (const group of [groups.overdue, groups.approaching, groups.ok]) {
    for (const due of group) {
      const days = dayOffset(due.dueMs, atMs, timeZone);
      // dueInWords names -1…6 days relatively and anything else by its date, which then stays put.
      const day = days < -1 ? 'past' : days >= 7 ? 'later' : String(days);
      out.set(`${due.mailbox.address}/${due.message.id}`, `${due.state}|${day}`);
    }
  }
  return out;
}

const same = (a: Map<string, string>, b: Map<string, string>) => {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
};

/**
 * An instant up to which the queue as rendered at `nowMs` still reads the same: at most a second before
 * the first change (a message turns approaching or overdue, or "i morgon" becomes "i dag"), and at most
 * `horizonMs` after `nowMs`. A saved picture of the queue is true until then.
 */
export function queueStableUntil(
  state: Pick<SyncState, 'mailboxes'>,
  nowMs: number,
  timeZone: string,
  horizonMs = 7 * DAY_MS,
): number {
  const now = reading(state, nowMs, timeZone);
  let high = nowMs + horizonMs;
  if (same(now, reading(state, high, timeZone))) return high;
  // Readings only move one way, so "still the same" holds on [now, change) and nowhere after.
  let low = nowMs;
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2);
    if (same(now, reading(state, mid, timeZone))) low = mid;
    else high = mid;
  }
  return low;
}
