import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../domain/index.ts';
import type { BatchPart, BatchRunner, PartResult } from './batch.ts';
import { initialDeltaUrl, syncMailboxRound } from './syncMailboxRound.ts';
import type { MailboxCursor, RoundContext } from './syncMailboxRound.ts';
import type { RawMessage } from './syncedMessage.ts';

const MAILBOX = 'bygglov@sjoby.example';

/** A runner answering from a script: url (prefix) → answers in turn; records every url asked. */
function scriptedRunner(script: Record<string, Array<PartResult>>): BatchRunner & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    stats: { batches: 0, parts: 0, retries: 0, renewals: 0 },
    async run(part: BatchPart) {
      asked.push(part.url);
      const key = Object.keys(script).find((k) => part.url.startsWith(k));
      const answer = key ? script[key]?.shift() : undefined;
      if (!answer) throw new Error(`No scripted answer for ${part.url}`);
      return answer;
    },
  };
}

const page = (value: unknown[], links: { next?: string; delta?: string }): PartResult => ({
  ok: true,
  status: 200,
  headers: {},
  body: {
    value,
    ...(links.next ? { '@odata.nextLink': links.next } : {}),
    ...(links.delta ? { '@odata.deltaLink': links.delta } : {}),
  },
});
const failure = (status: number, code: string): PartResult => ({
  ok: false,
  error: { status, code, message: code, retryAfter: null },
});
const message = (id: string, changes: Partial<RawMessage> = {}): RawMessage => ({
  id,
  subject: id,
  receivedDateTime: '2026-11-17T09:00:00Z',
  ...changes,
});

function cursor(changes: Partial<MailboxCursor> = {}): MailboxCursor {
  return {
    address: MAILBOX,
    messages: new Map(),
    deltaLink: null,
    deltaLinkExpands: true,
    resume: null,
    ...changes,
  };
}

function context(runner: BatchRunner): RoundContext {
  return { runner, pageSize: 2, expand: { refused: false } };
}

const first = initialDeltaUrl(MAILBOX, true);
const firstWithoutExpand = initialDeltaUrl(MAILBOX, false);

describe('syncMailboxRound', () => {
  it('follows every page of a first sync and keeps the delta link', async () => {
    const runner = scriptedRunner({
      [first]: [page([message('a'), message('b')], { next: 'https://g/v1.0/next1' })],
      'https://g/v1.0/next1': [page([message('c')], { delta: 'https://g/v1.0/delta1' })],
    });
    const state = cursor();
    expect(await syncMailboxRound(state, context(runner))).toEqual({
      ok: true,
      changed: true,
      fullSync: true,
    });
    expect([...state.messages.keys()]).toEqual(['a', 'b', 'c']);
    expect(state.deltaLink).toBe('https://g/v1.0/delta1');
  });

  it('drops a delta link that answers 410 and syncs that mailbox from scratch', async () => {
    const runner = scriptedRunner({
      'https://g/v1.0/old': [failure(410, 'SyncStateNotFound')],
      [first]: [page([message('b'), message('c')], { delta: 'https://g/v1.0/fresh' })],
    });
    const state = cursor({
      deltaLink: 'https://g/v1.0/old',
      messages: new Map([['a', { ...message('a') } as never]]),
    });
    const outcome = await syncMailboxRound(state, context(runner));
    expect(outcome).toEqual({ ok: true, changed: true, fullSync: true });
    expect([...state.messages.keys()]).toEqual(['b', 'c']);
    expect(state.deltaLink).toBe('https://g/v1.0/fresh');
  });

  it('keeps the old snapshot until a resync is complete, and resumes it where it failed', async () => {
    const old = new Map([['a', message('a') as never]]);
    const runner = scriptedRunner({
      'https://g/v1.0/old': [failure(400, 'syncStateNotFound')],
      [first]: [page([message('b')], { next: 'https://g/v1.0/p2' })],
      'https://g/v1.0/p2': [
        failure(503, 'ServiceUnavailable'),
        page([message('c')], { delta: 'https://g/v1.0/fresh' }),
      ],
    });
    const state = cursor({ deltaLink: 'https://g/v1.0/old', messages: old });
    const failed = await syncMailboxRound(state, context(runner));
    expect(failed).toMatchObject({ ok: false, error: { status: 503 }, fullSync: true });
    expect(state.messages).toBe(old);
    expect(state.deltaLink).toBeNull();

    const resumed = await syncMailboxRound(state, context(runner));
    expect(resumed).toEqual({ ok: true, changed: true, fullSync: true });
    expect(runner.asked.slice(-1)).toEqual(['https://g/v1.0/p2']);
    expect([...state.messages.keys()]).toEqual(['b', 'c']);
  });

  it('falls back to GETs of the reply state when the service refuses the $expand', async () => {
    const runner = scriptedRunner({
      [first]: [failure(400, 'ErrorInvalidUrlQuery')],
      [firstWithoutExpand]: [
        page([message('a'), message('b'), { id: 'gone', '@removed': { reason: 'deleted' } }], {
          delta: 'https://g/v1.0/d',
        }),
      ],
      [`/users/${encodeURIComponent(MAILBOX)}/messages/a?`]: [
        {
          ok: true,
          status: 200,
          headers: {},
          body: {
            id: 'a',
            singleValueExtendedProperties: [
              { id: 'Integer 0x1081', value: '104' },
              { id: 'SystemTime 0x1082', value: '2026-11-17T10:15:00Z' },
            ],
          },
        },
      ],
      [`/users/${encodeURIComponent(MAILBOX)}/messages/b?`]: [
        { ok: true, status: 200, headers: {}, body: { id: 'b' } },
      ],
    });
    const ctx = context(runner);
    const state = cursor();
    expect(await syncMailboxRound(state, ctx)).toMatchObject({ ok: true });
    expect(ctx.expand.refused).toBe(true);
    expect(state.deltaLinkExpands).toBe(false);
    expect([...state.messages.values()].map((m) => [m.id, m.lastVerb, m.lastVerbAt])).toEqual([
      ['a', 104, '2026-11-17T10:15:00.000Z'],
      ['b', null, null],
    ]);
    const gets = runner.asked.filter((u) => u.includes('/messages/') && !u.includes('delta'));
    expect(gets).toHaveLength(2);
    // The fallback asks for the verb and its time in one expansion, like the delta request.
    expect(decodeURIComponent(gets[0]!)).toContain(
      "$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')",
    );
  });

  it('asks for the reply/forward verb and its time in one $expand, and the whole flag', () => {
    const url = decodeURIComponent(first);
    expect(url).toContain(
      "$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')",
    );
    expect(url).toMatch(/\$select=[^&]*\bflag\b/);
    expect(decodeURIComponent(firstWithoutExpand)).not.toContain('$expand');
  });

  it('reads 0x1082 and the completed flag time from the delta entries', async () => {
    const runner = scriptedRunner({
      [first]: [
        page(
          [
            message('a', {
              singleValueExtendedProperties: [
                { id: 'Integer 0x1081', value: '102' },
                { id: 'SystemTime 0x1082', value: '2026-11-17T10:15:00Z' },
              ],
            }),
            message('b', {
              flag: {
                flagStatus: 'complete',
                completedDateTime: { dateTime: '2026-11-17T11:00:00.0000000', timeZone: 'W. Europe Standard Time' },
              },
            }),
          ],
          { delta: 'https://g/v1.0/d' },
        ),
      ],
    });
    const state = cursor();
    expect(await syncMailboxRound(state, context(runner))).toMatchObject({ ok: true });
    expect(state.messages.get('a')).toMatchObject({ lastVerb: 102, lastVerbAt: '2026-11-17T10:15:00.000Z' });
    expect(state.messages.get('b')).toMatchObject({ flagStatus: 'complete', flagCompletedAt: '2026-11-17T10:00:00.000Z' });
  });

  it('takes a passing 500 for a failure, not for a refused $expand', async () => {
    const snapshot = new Map([['a', message('a') as never]]);
    const runner = scriptedRunner({ 'https://g/v1.0/d1': [failure(500, 'InternalServerError')] });
    const state = cursor({ deltaLink: 'https://g/v1.0/d1', deltaLinkExpands: true, messages: snapshot });
    const ctx = context(runner);
    expect(await syncMailboxRound(state, ctx)).toMatchObject({ ok: false, error: { status: 500 } });
    expect(ctx.expand.refused).toBe(false);
    expect(state.deltaLink).toBe('https://g/v1.0/d1');
  });

  it('reports a failure without touching the snapshot or the delta link', async () => {
    const snapshot = new Map([['a', message('a') as never]]);
    const runner = scriptedRunner({ 'https://g/v1.0/d1': [failure(429, 'TooManyRequests')] });
    const state = cursor({ deltaLink: 'https://g/v1.0/d1', messages: snapshot });
    expect(await syncMailboxRound(state, context(runner))).toMatchObject({
      ok: false,
      error: { status: 429 },
      fullSync: false,
    });
    expect(state.messages).toBe(snapshot);
    expect(state.deltaLink).toBe('https://g/v1.0/d1');
  });

  describe('with the handled ledger', () => {
    const rules = { handledCategories: ['Hanterad'], trackedSince: null, calendar: createWorkCalendar() };
    const at = (observedAt: string) => ({ rules, observedAt });

    it('records messages that left, and keeps the ledger through a 410 full resync without counting twice', async () => {
      const runner = scriptedRunner({
        [first]: [
          page([message('a'), message('b'), message('c'), message('d')], { delta: 'https://g/v1.0/d1' }),
          // The resync after the 410: b and c are gone for good; d left while the link was lost.
          page([message('a')], { delta: 'https://g/v1.0/d3' }),
        ],
        'https://g/v1.0/d1': [page([{ id: 'b', '@removed': { reason: 'deleted' } }], { delta: 'https://g/v1.0/d2' })],
        'https://g/v1.0/d2': [
          page([{ id: 'c', '@removed': { reason: 'deleted' } }, { id: 'b', '@removed': { reason: 'deleted' } }], {
            delta: 'https://g/v1.0/e3',
          }),
        ],
        'https://g/v1.0/e3': [failure(410, 'SyncStateNotFound')],
      });
      const state = cursor();
      await syncMailboxRound(state, context(runner), at('2026-11-17T10:00:00.000Z'));
      expect(state.handled?.size).toBe(0);
      await syncMailboxRound(state, context(runner), at('2026-11-17T11:00:00.000Z'));
      expect([...state.handled!.keys()]).toEqual(['b']);
      // A replayed removal of b changes nothing; c is new.
      await syncMailboxRound(state, context(runner), at('2026-11-17T12:00:00.000Z'));
      expect(state.handled?.get('b')?.handledAt).toBe('2026-11-17T11:00:00.000Z');
      const outcome = await syncMailboxRound(state, context(runner), at('2026-11-17T13:00:00.000Z'));
      expect(outcome).toMatchObject({ ok: true, fullSync: true });
      expect([...state.messages.keys()]).toEqual(['a']);
      expect(
        [...state.handled!.values()].map((r) => [r.id, r.handledAt, r.source]).sort(),
      ).toEqual([
        ['b', '2026-11-17T11:00:00.000Z', 'leftInbox'],
        ['c', '2026-11-17T12:00:00.000Z', 'leftInbox'],
        ['d', '2026-11-17T13:00:00.000Z', 'leftInbox'],
      ]);
    });

    it('commits the ledger only with the snapshot: a failed round leaves the committed one as it was', async () => {
      const runner = scriptedRunner({
        'https://g/v1.0/d1': [
          page([{ id: 'a', '@removed': { reason: 'deleted' } }], { next: 'https://g/v1.0/p2' }),
        ],
        'https://g/v1.0/p2': [failure(503, 'ServiceUnavailable'), page([], { delta: 'https://g/v1.0/d2' })],
      });
      const snapshot = new Map([['a', { ...(await firstSnapshot()).get('a')! }]]);
      const state = cursor({ messages: snapshot, deltaLink: 'https://g/v1.0/d1', handled: new Map() });
      expect((await syncMailboxRound(state, context(runner), at('2026-11-17T10:00:00.000Z'))).ok).toBe(false);
      expect(state.handled?.size).toBe(0);
      expect((await syncMailboxRound(state, context(runner), at('2026-11-17T11:00:00.000Z'))).ok).toBe(true);
      expect(state.handled?.get('a')).toMatchObject({ handledAt: '2026-11-17T10:00:00.000Z', source: 'leftInbox' });
    });

    it('prunes records received before the window', async () => {
      const runner = scriptedRunner({ 'https://g/v1.0/d1': [page([], { delta: 'https://g/v1.0/d1' })] });
      const old = { id: 'old', receivedDateTime: '2026-07-31T10:00:00.000Z', handledAt: '2026-08-01T10:00:00.000Z', source: 'leftInbox' as const };
      const kept = { ...old, id: 'kept', receivedDateTime: '2026-08-01T10:00:00.000Z' };
      const state = cursor({ deltaLink: 'https://g/v1.0/d1', handled: new Map([['old', old], ['kept', kept]]) });
      expect(await syncMailboxRound(state, context(runner), at('2026-11-17T10:00:00.000Z'))).toMatchObject({ ok: true, changed: true });
      expect([...state.handled!.keys()]).toEqual(['kept']);
    });
  });
});

async function firstSnapshot() {
  const state = cursor();
  await syncMailboxRound(state, context(scriptedRunner({ [first]: [page([message('a')], { delta: 'https://g/v1.0/x' })] })));
  return state.messages;
}
