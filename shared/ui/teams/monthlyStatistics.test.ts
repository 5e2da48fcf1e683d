import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../domain/index.ts';
import type { HandledReason, RegisterEntry } from '../../domain/index.ts';
import type { HandledRecord, TrackedMessage } from '../../graph/index.ts';
import { monthlyStatistics } from './monthlyStatistics.ts';

const calendar = createWorkCalendar();
const entry = { displayName: 'Bygglov', policy: { kind: 'sameOrNextWorkingDay' } } as RegisterEntry;

interface Handling {
  handled?: HandledReason | null;
  lastVerbAt?: string;
  flagCompletedAt?: string;
  handledSeenAt?: string;
  tracked?: boolean;
}

function message(received: string, handling: Handling = {}): TrackedMessage {
  const handled = handling.handled ?? null;
  return {
    id: received,
    subject: null,
    from: null,
    receivedDateTime: received,
    isRead: false,
    flagStatus: handled === 'flagComplete' ? 'complete' : 'notFlagged',
    categories: handled === 'category' ? ['Hanterad'] : [],
    conversationId: null,
    webLink: null,
    lastVerb: handled === 'replied' ? 102 : handled === 'forwarded' ? 104 : null,
    lastVerbAt: handling.lastVerbAt ?? null,
    flagCompletedAt: handling.flagCompletedAt ?? null,
    handledSeenAt: handling.handledSeenAt ?? null,
    handled,
    tracked: handling.tracked ?? true,
    receivedMs: Date.parse(received),
  };
}

// Now: Wednesday 18 November 2026, 12:00. Same-or-next-working-day: due at the end of the next working day.
const NOW = Date.parse('2026-11-18T12:00:00+01:00');

describe('monthlyStatistics', () => {
  const [stats] = monthlyStatistics(
    [
      {
        address: 'bygglov@sjoby.example',
        entry,
        calendar,
        messages: [
          message('2026-11-18T09:00:00+01:00'), // due Thu 19 Nov: open in time
          message('2026-11-10T09:00:00+01:00'), // due Wed 11 Nov: overdue
          // Replied on Tue 3 Nov (due Tue 3 Nov end of day): in time, by the reply/forward time.
          message('2026-11-02T09:00:00+01:00', { handled: 'replied', lastVerbAt: '2026-11-03T08:00:00Z' }),
          // Flag completed Fri 6 Nov, due Thu 5 Nov: late, by the flag's completed time.
          message('2026-11-04T09:00:00+01:00', {
            handled: 'flagComplete',
            flagCompletedAt: '2026-11-06T09:00:00Z',
          }),
          // Category only, seen handled the same day: in time, by first observed.
          message('2026-11-09T09:00:00+01:00', {
            handled: 'category',
            handledSeenAt: '2026-11-09T14:00:00Z',
          }),
          // Handled at the first sync: time unknown.
          message('2026-11-12T09:00:00+01:00', { handled: 'category' }),
          message('2026-10-15T09:00:00+02:00', { handled: 'forwarded', lastVerbAt: '2026-10-15T10:00:00Z' }),
          message('2026-09-30T23:30:00+02:00', { handled: 'replied' }), // 30 Sep local: September; time unknown
          message('2026-08-20T09:00:00+02:00', { handled: 'replied' }), // four months back: left out
          message('2026-11-03T09:00:00+01:00', { tracked: false }), // before tracking: left out
        ],
      },
    ],
    NOW,
  );

  it('gives the last three months, oldest first, by local date of receipt', () => {
    expect(stats!.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('counts received, handled in time, late and at an unknown time, and unhandled in time and overdue', () => {
    expect(stats!.months[2]).toMatchObject({
      received: 6,
      handledInTime: 2,
      handledLate: 1,
      handledUnknown: 1,
      openInTime: 1,
      overdue: 1,
    });
    expect(stats!.months[1]).toMatchObject({
      received: 1,
      handledInTime: 1,
      handledLate: 0,
      handledUnknown: 0,
    });
    expect(stats!.months[0]).toMatchObject({ received: 1, handledInTime: 0, handledUnknown: 1 });
  });

  it('says which source the handled figures rest on', () => {
    expect(stats!.months[2]!.sources).toEqual({
      replyForward: 1,
      flagCompleted: 1,
      firstObserved: 1,
      leftInbox: 0,
    });
    expect(stats!.months[1]!.sources).toEqual({
      replyForward: 1,
      flagCompleted: 0,
      firstObserved: 0,
      leftInbox: 0,
    });
  });

  it('gives the share within deadline over handled in time, handled late and overdue unhandled', () => {
    expect(stats!.months[2]!.shareInTime).toBeCloseTo(2 / 4);
    expect(stats!.months[1]!.shareInTime).toBe(1);
    // Only a message with an unknown handling time: nothing to judge.
    expect(stats!.months[0]!.shareInTime).toBeNull();
  });

  it('counts a message handled exactly at the due instant as in time', () => {
    const [due] = monthlyStatistics(
      [
        {
          address: 'x@sjoby.example',
          entry,
          calendar,
          messages: [
            message('2026-11-16T09:00:00+01:00', {
              handled: 'replied',
              lastVerbAt: new Date(
                calendar.dueAtMs(Date.parse('2026-11-16T09:00:00+01:00'), entry.policy),
              ).toISOString(),
            }),
          ],
        },
      ],
      NOW,
    );
    expect(due!.months[2]).toMatchObject({ handledInTime: 1, handledLate: 0, shareInTime: 1 });
  });

  it('gives no share for a month without mail', () => {
    const [empty] = monthlyStatistics([{ address: 'x@sjoby.example', entry, calendar, messages: [] }], NOW);
    expect(empty!.months.every((m) => m.shareInTime === null && m.received === 0)).toBe(true);
  });

  it('crosses the year boundary', () => {
    const [jan] = monthlyStatistics(
      [{ address: 'x@sjoby.example', entry, calendar, messages: [] }],
      Date.parse('2027-01-10T12:00:00+01:00'),
    );
    expect(jan!.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

const record = (
  id: string,
  received: string,
  handledAt: string | null,
  source: HandledRecord['source'],
): HandledRecord => ({
  id,
  receivedDateTime: new Date(Date.parse(received)).toISOString(),
  handledAt,
  source,
});

function statistics(messages: TrackedMessage[], handledLedger: HandledRecord[] | undefined) {
  const mailboxes = [
    {
      address: 'bygglov@sjoby.example',
      entry,
      calendar,
      messages,
      ...(handledLedger ? { handledLedger } : {}),
    },
  ];
  return monthlyStatistics(mailboxes, NOW, 3);
}

describe('monthlyStatistics with the handled ledger', () => {
  it('counts messages that left the Inbox as handled in time or late by their handling time, with their source', () => {
    const [stats] = statistics(
      [message('2026-11-18T09:00:00+01:00'), message('2026-11-10T09:00:00+01:00')],
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
    const inbox = [message('2026-11-10T09:00:00+01:00')];
    const [plain] = statistics(inbox, undefined);
    expect(plain!.months[2]).toMatchObject({
      received: 1,
      overdue: 1,
      shareInTime: 0,
      sources: { leftInbox: 0 },
    });
    // A record whose message is in the Inbox again (moved back, not yet pruned) counts once, as the Inbox says.
    const [both] = statistics(inbox, [
      record(inbox[0]!.id, '2026-11-10T09:00:00+01:00', '2026-11-10T10:00:00.000Z', 'leftInbox'),
    ]);
    expect(both!.months[2]).toEqual(plain!.months[2]);
  });
});
