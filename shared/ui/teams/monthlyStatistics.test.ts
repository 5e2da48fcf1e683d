import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../domain/index.ts';
import type { HandledReason, RegisterEntry } from '../../domain/index.ts';
import type { TrackedMessage } from '../../graph/index.ts';
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
          message('2026-11-04T09:00:00+01:00', { handled: 'flagComplete', flagCompletedAt: '2026-11-06T09:00:00Z' }),
          // Category only, seen handled the same day: in time, by first observed.
          message('2026-11-09T09:00:00+01:00', { handled: 'category', handledSeenAt: '2026-11-09T14:00:00Z' }),
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
    expect(stats!.months[1]).toMatchObject({ received: 1, handledInTime: 1, handledLate: 0, handledUnknown: 0 });
    expect(stats!.months[0]).toMatchObject({ received: 1, handledInTime: 0, handledUnknown: 1 });
  });

  it('says which source the handled figures rest on', () => {
    expect(stats!.months[2]!.sources).toEqual({ replyForward: 1, flagCompleted: 1, firstObserved: 1 });
    expect(stats!.months[1]!.sources).toEqual({ replyForward: 1, flagCompleted: 0, firstObserved: 0 });
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
          messages: [message('2026-11-16T09:00:00+01:00', { handled: 'replied', lastVerbAt: new Date(calendar.dueAtMs(Date.parse('2026-11-16T09:00:00+01:00'), entry.policy)).toISOString() })],
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
    const [jan] = monthlyStatistics([{ address: 'x@sjoby.example', entry, calendar, messages: [] }], Date.parse('2027-01-10T12:00:00+01:00'));
    expect(jan!.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
