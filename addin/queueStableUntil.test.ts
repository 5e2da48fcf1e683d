import { describe, expect, it } from 'vitest';
import { parseInstantMs } from '../shared/domain/index.ts';
import type { DeadlinePolicy } from '../shared/domain/index.ts';
import { unhandledWithDeadlines } from '../shared/graph/index.ts';
import type { MailboxView } from '../shared/graph/index.ts';
import { testMailboxView, testSyncedMessage } from '../shared/graph/sync/testing.fixture.ts';
import { dayOffset } from './outlook/dueInWords.ts';
import { queueStableUntil } from './queueStableUntil.ts';

const zone = 'Europe/Stockholm';
const at = (iso: string) => parseInstantMs(iso);

const mailbox = (received: string[], policy: DeadlinePolicy = { kind: 'sameOrNextWorkingDay' }): MailboxView =>
  testMailboxView('a@sjoby.example', received.map((r, i) => testSyncedMessage(`m${i}`, r)), { policy });

/** What the queue shows of each message at `ms`, straight from the views' own functions. */
function shown(state: { mailboxes: MailboxView[] }, ms: number): string {
  const groups = unhandledWithDeadlines(state, ms);
  return [...groups.overdue, ...groups.approaching, ...groups.ok]
    .map((d) => {
      const days = dayOffset(d.dueMs, ms, zone);
      return `${d.message.id}:${d.state}:${days >= -1 && days < 7 ? days : 'date'}`;
    })
    .sort()
    .join(' ');
}

describe('queueStableUntil', () => {
  it('ends at most a second before the day word changes: "i morgon 17:00" becomes "i dag 17:00" at midnight', () => {
    // Received Tue 17 Nov 2026 10:00 (sameOrNextWorkingDay) → due Wed 18 Nov 17:00; at Tue 20:00 it is
    // ok and named "i morgon". Midnight in Stockholm is 23:00Z.
    const state = { mailboxes: [mailbox(['2026-11-17T09:00:00Z'])] };
    const now = at('2026-11-17T19:00:00Z');
    const until = queueStableUntil(state, now, zone);
    expect(until).toBeLessThan(at('2026-11-17T23:00:00Z'));
    expect(until).toBeGreaterThanOrEqual(at('2026-11-17T23:00:00Z') - 1000);
    expect(shown(state, until)).toBe(shown(state, now));
    expect(shown(state, at('2026-11-17T23:00:00Z'))).not.toBe(shown(state, now));
  });

  it('ends before a message turns approaching, even when that is long before its due time (closed hours)', () => {
    // 60 opening-hour minutes, warned 15 before: received Fri 20 Nov 16:30 local → due Mon 23 Nov
    // 08:30; approaching from Fri 17:00 (close) already, since only 15 opening minutes are left then.
    const state = { mailboxes: [mailbox(['2026-11-20T15:30:00Z'], { kind: 'openingHours', minutes: 60, warnBefore: 15 })] };
    const now = at('2026-11-20T15:40:00Z');
    expect(shown(state, now)).toContain(':ok:');
    const until = queueStableUntil(state, now, zone);
    expect(shown(state, until)).toBe(shown(state, now));
    expect(shown(state, until + 1000)).not.toBe(shown(state, now));
    expect(until).toBeLessThan(at('2026-11-23T07:30:00Z') - 15 * 60_000);
  });

  it('ends before the soonest change among many messages, whichever kind it is', () => {
    const received = ['2026-11-02T08:00:00Z', '2026-11-16T12:00:00Z', '2026-11-17T09:00:00Z', '2026-11-18T14:30:00Z', '2026-11-19T07:00:00Z'];
    const state = { mailboxes: [mailbox(received), mailbox(received, { kind: 'openingHours', minutes: 60 })] };
    for (const nowIso of ['2026-11-18T13:00:00Z', '2026-11-18T15:55:00Z', '2026-11-21T10:00:00Z']) {
      const now = at(nowIso);
      const until = queueStableUntil(state, now, zone);
      expect(until).toBeGreaterThan(now);
      expect(shown(state, until)).toBe(shown(state, now));
      expect(shown(state, until + 1000)).not.toBe(shown(state, now));
    }
  });

  it('is the horizon when nothing would change before it (an empty queue, or only old overdue messages)', () => {
    const now = at('2026-11-18T13:00:00Z');
    expect(queueStableUntil({ mailboxes: [] }, now, zone)).toBe(now + 7 * 86_400_000);
    const old = { mailboxes: [mailbox(['2026-09-01T08:00:00Z'])] };
    expect(queueStableUntil(old, now, zone, 3_600_000)).toBe(now + 3_600_000);
  });
});
