import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../domain/index.ts';
import type { RegisterEntry } from '../../domain/index.ts';
import { monthlyStatistics } from '../../ui/teams/monthlyStatistics.ts';
import type { HandledRecord } from './handledLedger.ts';
import { withHandledLedger } from './ledgerStatistics.ts';
import type { TrackedMessage } from './trackedMessage.ts';

const calendar = createWorkCalendar();
const entry = { displayName: 'Bygglov', policy: { kind: 'sameOrNextWorkingDay' } } as RegisterEntry;
const ADDRESS = 'bygglov@sjoby.example';
// Now: Wednesday 18 November 2026, 12:00. Same-or-next-working-day: due at 17:00 the next working day.
const NOW = Date.parse('2026-11-18T12:00:00+01:00');

const record = (id: string, received: string, handledAt: string | null, source: HandledRecord['source']): HandledRecord => ({
  id,
  receivedDateTime: new Date(Date.parse(received)).toISOString(),
  handledAt,
  source,
});

function inboxMessage(id: string, received: string): TrackedMessage {
  return {
    id,
    subject: null,
    from: null,
    receivedDateTime: received,
    isRead: false,
    flagStatus: 'notFlagged',
    categories: [],
    conversationId: null,
    webLink: null,
    lastVerb: null,
    lastVerbAt: null,
    flagCompletedAt: null,
    handledSeenAt: null,
    handled: null,
    tracked: true,
    receivedMs: Date.parse(received),
  };
}

function statistics(messages: TrackedMessage[], handledLedger: HandledRecord[] | undefined) {
  const mailboxes = [{ address: ADDRESS, entry, calendar, messages, ...(handledLedger ? { handledLedger } : {}) }];
  return withHandledLedger(monthlyStatistics(mailboxes, NOW, 3), mailboxes, NOW);
}

describe('withHandledLedger', () => {
  it('counts messages that left the Inbox as handled in time or late by their handling time, with their source', () => {
    const [stats] = statistics(
      [inboxMessage('open', '2026-11-18T09:00:00+01:00'), inboxMessage('late', '2026-11-10T09:00:00+01:00')],
      [
        // Received Mon 2 Nov, due Tue 3 Nov 17:00: moved out unhandled Tue 16:59 → in time, left the Inbox.
        record('m1', '2026-11-02T09:00:00+01:00', '2026-11-03T15:59:00.000Z', 'leftInbox'),
        // Due Tue 3 Nov 17:00 exactly: still in time.
        record('m2', '2026-11-02T10:00:00+01:00', '2026-11-03T16:00:00.000Z', 'leftInbox'),
        // Seen leaving Wed 4 Nov: late.
        record('m3', '2026-11-02T11:00:00+01:00', '2026-11-04T08:00:00.000Z', 'leftInbox'),
        // Replied Tue 3 Nov before it was moved: in time by the reply time.
        record('m4', '2026-11-02T12:00:00+01:00', '2026-11-03T08:00:00.000Z', 'replyForward'),
        // Handled by a category before the first sync: time unknown, left out of the share.
        record('m5', '2026-11-02T13:00:00+01:00', null, null),
        // October: received Fri 30 Oct, due Mon 2 Nov 17:00; flag completed Tue 3 Nov → late.
        record('o1', '2026-10-30T09:00:00+01:00', '2026-11-03T08:00:00.000Z', 'flagCompleted'),
        // August: outside the three months shown.
        record('a1', '2026-08-20T09:00:00+02:00', '2026-08-20T10:00:00.000Z', 'leftInbox'),
      ],
    );
    const [september, october, november] = stats!.months;
    expect(september).toMatchObject({ month: '2026-09', received: 0, shareInTime: null });
    expect(october).toMatchObject({
      month: '2026-10',
      received: 1,
      handledInTime: 0,
      handledLate: 1,
      shareInTime: 0,
      sources: { replyForward: 0, flagCompleted: 1, firstObserved: 0, leftInbox: 0 },
    });
    expect(november).toEqual({
      month: '2026-11',
      received: 7,
      handledInTime: 3,
      handledLate: 1,
      handledUnknown: 1,
      openInTime: 1,
      overdue: 1,
      // 3 in time of 3 + 1 late + 1 overdue.
      shareInTime: 3 / 5,
      sources: { replyForward: 1, flagCompleted: 0, firstObserved: 0, leftInbox: 3 },
    });
  });

  it('leaves the figures as they were without a ledger, and never counts a message twice', () => {
    const inbox = [inboxMessage('x', '2026-11-10T09:00:00+01:00')];
    const [plain] = statistics(inbox, undefined);
    expect(plain!.months[2]).toMatchObject({ received: 1, overdue: 1, shareInTime: 0, sources: { leftInbox: 0 } });
    // A record whose message is in the Inbox again (moved back, not yet pruned) counts once, as the Inbox says.
    const [both] = statistics(inbox, [record('x', '2026-11-10T09:00:00+01:00', '2026-11-10T10:00:00.000Z', 'leftInbox')]);
    expect(both!.months[2]).toEqual(plain!.months[2]);
  });
});
