import { describe, expect, it } from 'vitest';
import { applyDeltaPage } from './applyDeltaPage.ts';
import type { DeltaEntry, SyncedMessage } from './syncedMessage.ts';
import { testRawMessage, testRemoved } from './testing.fixture.ts';

const raw = testRawMessage;
const removed = testRemoved;

describe('applyDeltaPage', () => {
  it('adds new messages with their metadata and reply state', () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(snapshot, [
      raw('a', { singleValueExtendedProperties: [{ id: 'Integer 0x1081', value: '102' }] }),
      raw('b'),
    ]);
    expect(snapshot.get('a')).toMatchObject({
      id: 'a',
      subject: 'Ärende a',
      from: { address: 'kim@example.se' },
      lastVerb: 102,
    });
    expect(snapshot.get('b')?.lastVerb).toBeNull();
  });

  it('replaces a changed message', () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(snapshot, [raw('a')]);
    applyDeltaPage(snapshot, [raw('a', { categories: ['Hanterad'], flag: { flagStatus: 'complete' } })]);
    expect(snapshot.get('a')).toMatchObject({ categories: ['Hanterad'], flagStatus: 'complete' });
  });

  it('deletes a message that comes back @removed, and ignores one it never had', () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(snapshot, [raw('a'), raw('b')]);
    const effect = applyDeltaPage(snapshot, [removed('a'), removed('zz')]);
    expect([...snapshot.keys()]).toEqual(['b']);
    expect(effect).toEqual({ upserted: 0, removed: 1 });
  });

  it('gives the same snapshot when a page is applied twice', () => {
    const page: DeltaEntry[] = [raw('a'), raw('b', { isRead: true }), removed('a'), raw('c')];
    const once = new Map<string, SyncedMessage>();
    applyDeltaPage(once, page);
    const twice = new Map<string, SyncedMessage>();
    applyDeltaPage(twice, page);
    applyDeltaPage(twice, page);
    expect(twice).toEqual(once);
  });

  it('takes the reply state from separately fetched verbs when the expansion was refused', () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(
      snapshot,
      [raw('a'), raw('b')],
      new Map([['a', { lastVerb: 104, lastVerbAt: '2026-11-17T10:15:00.000Z' }]]),
    );
    expect(snapshot.get('a')).toMatchObject({ lastVerb: 104, lastVerbAt: '2026-11-17T10:15:00.000Z' });
    expect(snapshot.get('b')).toMatchObject({ lastVerb: null, lastVerbAt: null });
  });

  it('reads the reply/forward time (SystemTime 0x1082) beside the verb, ids in any case', () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(snapshot, [
      raw('a', {
        singleValueExtendedProperties: [
          { id: 'integer 0x1081', value: '104' },
          { id: 'SYSTEMTIME 0x1082', value: '2026-11-17T10:15:00Z' },
        ],
      }),
      raw('b', { singleValueExtendedProperties: [{ id: 'SystemTime 0x1082', value: 'not a time' }] }),
    ]);
    expect(snapshot.get('a')).toMatchObject({ lastVerb: 104, lastVerbAt: '2026-11-17T10:15:00.000Z' });
    expect(snapshot.get('b')).toMatchObject({ lastVerb: null, lastVerbAt: null });
  });

  it("reads the flag's completedDateTime in its own zone as a UTC instant", () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(snapshot, [
      raw('a', {
        flag: {
          flagStatus: 'complete',
          completedDateTime: { dateTime: '2026-11-17T14:30:00.0000000', timeZone: 'W. Europe Standard Time' },
        },
      }),
      raw('b', {
        flag: { flagStatus: 'complete', completedDateTime: { dateTime: '2026-07-01T08:00:00', timeZone: 'Europe/Stockholm' } },
      }),
      raw('c'),
    ]);
    expect(snapshot.get('a')?.flagCompletedAt).toBe('2026-11-17T13:30:00.000Z');
    expect(snapshot.get('b')?.flagCompletedAt).toBe('2026-07-01T06:00:00.000Z');
    expect(snapshot.get('c')?.flagCompletedAt).toBeNull();
  });

  it('keeps handledSeenAt and the completed time across later entries for the message', () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(snapshot, [
      raw('a', { flag: { flagStatus: 'complete', completedDateTime: { dateTime: '2026-11-17T13:30:00', timeZone: 'UTC' } } }),
    ]);
    snapshot.set('a', { ...snapshot.get('a')!, handledSeenAt: '2026-11-17T13:35:00.000Z' });
    applyDeltaPage(snapshot, [{ id: 'a', isRead: true }]);
    expect(snapshot.get('a')).toMatchObject({
      isRead: true,
      handledSeenAt: '2026-11-17T13:35:00.000Z',
      flagCompletedAt: '2026-11-17T13:30:00.000Z',
    });
    expect(snapshot.get('a')?.handledSeenAt).toBe('2026-11-17T13:35:00.000Z');
  });

  it('keeps known fields when an entry carries only some of them', () => {
    const snapshot = new Map<string, SyncedMessage>();
    applyDeltaPage(snapshot, [raw('a')]);
    applyDeltaPage(snapshot, [{ id: 'a', isRead: true }]);
    expect(snapshot.get('a')).toMatchObject({
      subject: 'Ärende a',
      isRead: true,
      receivedDateTime: '2026-11-17T09:00:00Z',
    });
  });
});
