import { describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { sessionRegister } from './registerRead.ts';

const list = { siteId: 'site', listId: 'list' };

/** A Graph client whose register list is empty, counting the reads. */
function fakeClient() {
  const reads: string[] = [];
  const request = (path: string) => {
    const builder = {
      expand: () => builder,
      top: () => builder,
      get: async () => {
        reads.push(path);
        return { value: [] };
      },
    };
    return builder;
  };
  return { client: { api: request } as unknown as Client, reads };
}

describe('sessionRegister', () => {
  it('reads the register once for every caller of the same session', async () => {
    const { client, reads } = fakeClient();
    const first = sessionRegister(client, list);
    expect(sessionRegister(client, list)).toBe(first);
    expect(await first).toEqual({ ok: true, value: { entries: [], invalid: [] } });
    expect(reads).toHaveLength(1);
  });

  it('reads again when asked for a fresh read, and shares that one from then on', async () => {
    const { client, reads } = fakeClient();
    await sessionRegister(client, list);
    const fresh = sessionRegister(client, list, { fresh: true });
    expect(sessionRegister(client, list)).toBe(fresh);
    await fresh;
    expect(reads).toHaveLength(2);
  });

  it('reads separately for another session or another list', async () => {
    const a = fakeClient();
    const b = fakeClient();
    await Promise.all([
      sessionRegister(a.client, list),
      sessionRegister(b.client, list),
      sessionRegister(a.client, { siteId: 'site', listId: 'other' }),
    ]);
    expect(a.reads).toHaveLength(2);
    expect(b.reads).toHaveLength(1);
  });
});
