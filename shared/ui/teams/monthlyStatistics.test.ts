import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../domain/index.ts';
import type { RegisterEntry } from '../../domain/index.ts';
import type { TrackedMessage } from '../../graph/index.ts';
import { monthlyStatistics } from './monthlyStatistics.ts';

const calendar = createWorkCalendar();
const entry = { displayName: 'Bygglov', policy: { kind: 'sameOrNextWorkingDay' } } as RegisterEntry;

function message(received: string, handled: boolean, tracked = true): TrackedMessage {
  return {
    id: received,
    subject: null,
    from: null,
    receivedDateTime: received,
    isRead: false,
    flagStatus: 'notFlagged',
    categories: [],
    conversationId: null,
    webLink: null,
    lastVerb: handled ? 102 : null,
    handled: handled ? 'replied' : null,
    tracked,
    receivedMs: Date.parse(received),
  } as TrackedMessage;
}

// Now: Wednesday 18 November 2026, 12:00.
const NOW = Date.parse('2026-11-18T12:00:00+01:00');

describe('monthlyStatistics', () => {
  const [stats] = monthlyStatistics(
    [
      {
        address: 'bygglov@sjoby.example',
        entry,
        calendar,
        messages: [
          message('2026-11-18T09:00:00+01:00', false), // due Thu 19 Nov: open in time
          message('2026-11-10T09:00:00+01:00', false), // due Wed 11 Nov: overdue
          message('2026-11-02T09:00:00+01:00', true),
          message('2026-10-15T09:00:00+02:00', true),
          message('2026-09-30T23:30:00+02:00', true), // 30 Sep local: September
          message('2026-08-20T09:00:00+02:00', true), // four months back: left out
          message('2026-11-03T09:00:00+01:00', false, false), // before tracking: left out
        ],
      },
    ],
    NOW,
  );

  it('gives the last three months, oldest first, by local date', () => {
    expect(stats!.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('counts received, handled, open in time and overdue per month', () => {
    expect(stats!.months[2]).toMatchObject({ received: 3, handled: 1, openInTime: 1, overdue: 1 });
    expect(stats!.months[1]).toMatchObject({ received: 1, handled: 1, openInTime: 0, overdue: 0 });
    expect(stats!.months[0]).toMatchObject({ received: 1, handled: 1 });
  });

  it('gives the share within deadline as an upper bound: everything not overdue', () => {
    expect(stats!.months[2]!.shareInTimeAtMost).toBeCloseTo(2 / 3);
    expect(stats!.months[1]!.shareInTimeAtMost).toBe(1);
  });

  it('gives no share for a month without mail', () => {
    const [empty] = monthlyStatistics([{ address: 'x@sjoby.example', entry, calendar, messages: [] }], NOW);
    expect(empty!.months.every((m) => m.shareInTimeAtMost === null && m.received === 0)).toBe(true);
  });

  it('crosses the year boundary', () => {
    const [jan] = monthlyStatistics([{ address: 'x@sjoby.example', entry, calendar, messages: [] }], Date.parse('2027-01-10T12:00:00+01:00'));
    expect(jan!.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
