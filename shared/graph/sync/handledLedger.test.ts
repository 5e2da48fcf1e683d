import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../domain/index.ts';
import { applyDeltaPage } from './applyDeltaPage.ts';
import { handledRecordOf, ledgerWindowStart, pruneLedger, readLedger } from './handledLedger.ts';
import type { HandledLedger, HandledRecord } from './handledLedger.ts';
import type { SyncedMessage } from './syncedMessage.ts';
import { testRawMessage, testRemoved } from './testing.fixture.ts';
import type { MailboxRules } from './trackedMessage.ts';

const calendar = createWorkCalendar();
const rules: MailboxRules = { handledCategories: ['Hanterad'], trackedSince: '2026-08-01', calendar };

const raw = testRawMessage;
const removed = testRemoved;
const SEEN = '2026-11-18T08:00:00.000Z';
const LATER = '2026-11-19T08:00:00.000Z';

function synced(id: string, changes: Partial<SyncedMessage> = {}): SyncedMessage {
  const snapshot = new Map<string, SyncedMessage>();
  applyDeltaPage(snapshot, [raw(id)]);
  return { ...snapshot.get(id)!, ...changes };
}

describe('handledRecordOf', () => {
  it('records a message that left unhandled as handled when sync saw it go (leftInbox), and nothing else', () => {
    const record = handledRecordOf(synced('a'), rules, SEEN);
    expect(record).toEqual({ id: 'a', receivedDateTime: '2026-11-17T09:00:00.000Z', handledAt: SEEN, source: 'leftInbox' });
    // Least data: no subject, sender, categories or links.
    expect(Object.keys(record!).sort()).toEqual(['handledAt', 'id', 'receivedDateTime', 'source']);
  });

  it('keeps an earlier handling time known while the message was in the Inbox', () => {
    expect(handledRecordOf(synced('r', { lastVerb: 102, lastVerbAt: '2026-11-17T10:00:00.000Z' }), rules, SEEN)).toMatchObject({
      handledAt: '2026-11-17T10:00:00.000Z',
      source: 'replyForward',
    });
    expect(
      handledRecordOf(synced('f', { flagStatus: 'complete', flagCompletedAt: '2026-11-17T11:00:00.000Z' }), rules, SEEN),
    ).toMatchObject({ handledAt: '2026-11-17T11:00:00.000Z', source: 'flagCompleted' });
    expect(
      handledRecordOf(synced('c', { categories: ['Hanterad'], handledSeenAt: '2026-11-17T12:00:00.000Z' }), rules, SEEN),
    ).toMatchObject({ handledAt: '2026-11-17T12:00:00.000Z', source: 'firstObserved' });
  });

  it('keeps the time unknown for a message already handled (category only) when first synced', () => {
    expect(handledRecordOf(synced('c', { categories: ['Hanterad'] }), rules, SEEN)).toMatchObject({ handledAt: null, source: null });
  });

  it('records nothing for a message that is not tracked or has no readable received time', () => {
    expect(handledRecordOf(synced('old', { receivedDateTime: '2026-07-31T09:00:00Z' }), rules, SEEN)).toBeNull();
    expect(handledRecordOf(synced('bad', { receivedDateTime: '' }), rules, SEEN)).toBeNull();
  });
});

describe('applyDeltaPage with a ledger', () => {
  function start() {
    const snapshot = new Map<string, SyncedMessage>();
    const ledger: HandledLedger = new Map();
    applyDeltaPage(snapshot, [raw('a'), raw('b', { singleValueExtendedProperties: [
      { id: 'Integer 0x1081', value: '102' },
      { id: 'SystemTime 0x1082', value: '2026-11-17T09:30:00Z' },
    ] })]);
    return { snapshot, ledger };
  }

  it('records a removed message as handled, with source leftInbox, and takes it out of the snapshot', () => {
    const { snapshot, ledger } = start();
    const effect = applyDeltaPage(snapshot, [removed('a'), removed('b')], undefined, { ledger, rules, observedAt: SEEN });
    expect(effect).toEqual({ upserted: 0, removed: 2 });
    expect([...snapshot.keys()]).toEqual([]);
    expect(ledger.get('a')).toMatchObject({ handledAt: SEEN, source: 'leftInbox' });
    expect(ledger.get('b')).toMatchObject({ handledAt: '2026-11-17T09:30:00.000Z', source: 'replyForward' });
  });

  it('is harmless to replay: the same removal twice leaves one record, with the first time', () => {
    const { snapshot, ledger } = start();
    applyDeltaPage(snapshot, [removed('a')], undefined, { ledger, rules, observedAt: SEEN });
    const before = new Map(ledger);
    applyDeltaPage(snapshot, [removed('a'), removed('a')], undefined, { ledger, rules, observedAt: LATER });
    expect(ledger).toEqual(before);
    expect(ledger.size).toBe(1);
    expect(ledger.get('a')?.handledAt).toBe(SEEN);
  });

  it('tracks a message moved back to the Inbox again and takes it out of the ledger', () => {
    const { snapshot, ledger } = start();
    applyDeltaPage(snapshot, [removed('a')], undefined, { ledger, rules, observedAt: SEEN });
    applyDeltaPage(snapshot, [raw('a')], undefined, { ledger, rules, observedAt: LATER });
    expect(ledger.has('a')).toBe(false);
    expect(snapshot.has('a')).toBe(true);
    // Leaving again is recorded anew, at the new time.
    applyDeltaPage(snapshot, [removed('a')], undefined, { ledger, rules, observedAt: LATER });
    expect(ledger.get('a')).toMatchObject({ handledAt: LATER, source: 'leftInbox' });
  });

  it('records nothing for a removal of a message it never had', () => {
    const { snapshot, ledger } = start();
    applyDeltaPage(snapshot, [removed('unknown')], undefined, { ledger, rules, observedAt: SEEN });
    expect(ledger.size).toBe(0);
  });
});

describe('pruneLedger', () => {
  const record = (id: string, receivedDateTime: string): HandledRecord => ({ id, receivedDateTime, handledAt: SEEN, source: 'leftInbox' });

  it('keeps the current month and the three full months before it, in the organisation zone', () => {
    // Now: 1 December 2026 00:30 in Stockholm (still 30 November in UTC): the window starts 1 September local.
    const now = Date.parse('2026-12-01T00:30:00+01:00');
    expect(ledgerWindowStart(calendar, now)).toBe('2026-09');
    const ledger: HandledLedger = new Map(
      [
        record('aug', '2026-08-31T21:59:00Z'), // 31 Aug 23:59 local: out
        record('sep', '2026-08-31T22:00:00Z'), // 1 Sep 00:00 local: in
        record('dec', '2026-11-30T23:10:00Z'), // 1 Dec local: in
        record('bad', 'not a time'),
      ].map((r) => [r.id, r]),
    );
    expect(pruneLedger(ledger, calendar, now)).toBe(true);
    expect([...ledger.keys()]).toEqual(['sep', 'dec']);
    expect(pruneLedger(ledger, calendar, now)).toBe(false);
  });

  it('crosses the year', () => {
    expect(ledgerWindowStart(calendar, Date.parse('2027-02-10T12:00:00Z'))).toBe('2026-11');
  });
});

describe('readLedger', () => {
  it('reads stored records, leaving out unreadable ones and odd sources', () => {
    expect(readLedger(undefined)).toEqual([]);
    expect(
      readLedger([
        { id: 'a', receivedDateTime: '2026-11-17T09:00:00.000Z', handledAt: SEEN, source: 'leftInbox', subject: 'x' },
        { id: 'b', receivedDateTime: '2026-11-17T09:00:00.000Z', handledAt: SEEN, source: 'guess' },
        { id: 3 },
        null,
      ]),
    ).toEqual([
      { id: 'a', receivedDateTime: '2026-11-17T09:00:00.000Z', handledAt: SEEN, source: 'leftInbox' },
      { id: 'b', receivedDateTime: '2026-11-17T09:00:00.000Z', handledAt: null, source: null },
    ]);
  });
});
