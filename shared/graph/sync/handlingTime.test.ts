import { describe, expect, it } from 'vitest';
import { handlingTime } from './handlingTime.ts';

const base = {
  lastVerb: null,
  lastVerbAt: null,
  flagStatus: 'notFlagged' as const,
  flagCompletedAt: null,
  handledSeenAt: null,
};

describe('handlingTime', () => {
  it('takes the reply/forward time (0x1082) first', () => {
    expect(
      handlingTime({
        ...base,
        lastVerb: 104,
        lastVerbAt: '2026-11-17T10:00:00.000Z',
        flagStatus: 'complete',
        flagCompletedAt: '2026-11-17T09:00:00.000Z',
        handledSeenAt: '2026-11-17T11:00:00.000Z',
      }),
    ).toEqual({ at: '2026-11-17T10:00:00.000Z', source: 'replyForward' });
  });

  it("falls back to the flag's completed time, then to when sync first saw it handled", () => {
    expect(
      handlingTime({
        ...base,
        flagStatus: 'complete',
        flagCompletedAt: '2026-11-17T09:00:00.000Z',
        handledSeenAt: '2026-11-17T11:00:00.000Z',
      }),
    ).toEqual({ at: '2026-11-17T09:00:00.000Z', source: 'flagCompleted' });
    // A completed time left on a flag that is no longer complete does not count.
    expect(
      handlingTime({ ...base, flagStatus: 'flagged', flagCompletedAt: '2026-11-17T09:00:00.000Z', handledSeenAt: '2026-11-17T11:00:00.000Z' }),
    ).toEqual({ at: '2026-11-17T11:00:00.000Z', source: 'firstObserved' });
  });

  it('gives first observed for a message handled by a category only', () => {
    expect(handlingTime({ ...base, handled: 'category', handledSeenAt: '2026-11-17T11:00:00.000Z' })).toEqual({
      at: '2026-11-17T11:00:00.000Z',
      source: 'firstObserved',
    });
  });

  it('ignores a verb time without a reply/forward verb', () => {
    expect(handlingTime({ ...base, lastVerb: 0, lastVerbAt: '2026-11-17T10:00:00.000Z' })).toBeNull();
  });

  it('is null when nothing is known, and for an unhandled message', () => {
    expect(handlingTime({ ...base, handled: 'category' })).toBeNull();
    expect(handlingTime({ ...base, handled: null, handledSeenAt: '2026-11-17T11:00:00.000Z' })).toBeNull();
  });
});
