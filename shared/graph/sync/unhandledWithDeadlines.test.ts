import { describe, expect, it } from 'vitest';
import { parseInstantMs } from '../../domain/index.ts';
import { testMailboxView, testSyncedMessage } from './testing.fixture.ts';
import { unhandledWithDeadlines } from './unhandledWithDeadlines.ts';

const message = testSyncedMessage;
const view = testMailboxView;

const at = (iso: string) => parseInstantMs(iso);

describe('unhandledWithDeadlines', () => {
  // rules.md §5: received Tue 17 Nov 10:00, sameOrNextWorkingDay → due Wed 18 Nov 17:00.
  const mailboxes = [
    view('a@sjoby.example', [
      message('tuesday', '2026-11-17T09:00:00Z'),
      message('monday', '2026-11-16T09:00:00Z'),
      message('replied', '2026-11-16T08:00:00Z', { lastVerb: 102 }),
      message('tagged', '2026-11-16T08:00:00Z', { categories: ['hanterad'] }),
    ]),
  ];

  it('groups the open messages by deadline state at the given time', () => {
    const groups = unhandledWithDeadlines({ mailboxes }, at('2026-11-18T15:00:00+01:00'));
    expect(groups.overdue.map((d) => d.message.id)).toEqual(['monday']);
    expect(groups.approaching.map((d) => [d.message.id, d.due])).toEqual([
      ['tuesday', '2026-11-18T17:00:00+01:00'],
    ]);
    expect(groups.ok).toEqual([]);
  });

  it('leaves out handled messages', () => {
    const groups = unhandledWithDeadlines({ mailboxes }, at('2026-11-17T12:00:00+01:00'));
    const ids = [...groups.overdue, ...groups.approaching, ...groups.ok].map((d) => d.message.id);
    expect(ids).not.toContain('replied');
    expect(ids).not.toContain('tagged');
  });

  it('sorts each group soonest due first across mailboxes', () => {
    const two = [
      ...mailboxes,
      view('b@sjoby.example', [
        message('b-early', '2026-11-12T09:00:00Z'),
        message('b-late', '2026-11-13T09:00:00Z'),
      ]),
    ];
    const groups = unhandledWithDeadlines({ mailboxes: two }, at('2026-11-19T09:00:00+01:00'));
    expect(groups.overdue.map((d) => d.message.id)).toEqual(['b-early', 'b-late', 'monday', 'tuesday']);
  });

  it("uses the mailbox's own opening hours for its deadlines", () => {
    const early = [
      view('c@sjoby.example', [message('c', '2026-11-17T09:00:00Z')], {
        openingHours: { wed: '08:00-12:00' },
      }),
    ];
    const groups = unhandledWithDeadlines({ mailboxes: early }, at('2026-11-17T12:00:00+01:00'));
    expect(groups.ok[0]?.due).toBe('2026-11-18T12:00:00+01:00');
  });

  it('leaves out messages that are not tracked', () => {
    const tracked = [
      view('d@sjoby.example', [message('before', '2026-08-30T10:00:00Z')], { trackedSince: '2026-09-01' }),
    ];
    const groups = unhandledWithDeadlines({ mailboxes: tracked }, at('2026-11-17T12:00:00+01:00'));
    expect(groups.overdue).toEqual([]);
  });
});
