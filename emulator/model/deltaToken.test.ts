import { describe, expect, it } from 'vitest';
import { decodeDeltaToken, encodeDeltaToken } from './deltaToken.ts';
import type { DeltaState } from './deltaToken.ts';

const options: DeltaState['options'] = {
  select: ['subject', 'receivedDateTime'],
  expand: ['Integer 0x1081'],
  filter: { operator: 'ge', instant: '2026-11-01T00:00:00Z' },
  newestFirst: true,
  changeType: null,
  pageSize: 50,
};

describe('delta tokens', () => {
  it('round-trip skip and delta states as URL-safe text', () => {
    const skip: DeltaState = {
      kind: 'skip',
      instance: '1a2b3c4d',
      mailboxId: 'c061412d-0178-4e3d-94a1-a47515afc4b3',
      folderId: 'AAMkAKtAES2Pj6qIPshn9lifMNoPcUaU7xA_6E2dkRov6XEQEVWHM_hb_ixG5g==',
      generation: 2,
      since: 120,
      upTo: 340,
      after: [1763370000000, 'AAMkAFoo=='],
      returned: 30,
      options,
    };
    const delta: DeltaState = { ...skip, kind: 'delta', since: 340 };
    delete delta.upTo;
    delete delta.after;
    delete delta.returned;
    for (const state of [skip, delta, { ...delta, since: null }]) {
      const token = encodeDeltaToken(state);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeDeltaToken(token)).toEqual(state);
    }
  });

  it('rejects tokens it did not write', () => {
    const skipWithoutCursor = encodeDeltaToken({
      kind: 'skip',
      instance: 'i',
      mailboxId: 'm',
      folderId: 'f',
      generation: 0,
      since: null,
      options,
    });
    for (const token of ['', 'nope', 'e30', 'eyJ2IjoyfQ', skipWithoutCursor, '%%%'])
      expect(decodeDeltaToken(token), token).toBeNull();
  });
});
