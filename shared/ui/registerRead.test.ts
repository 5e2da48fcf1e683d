import { describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { sessionRegister } from './registerRead.ts';

const list = { siteId: 'site', listId: 'list' };

/** A Graph client whose register list is empty (or whose first `failures` reads fail), counting the reads. */
function fakeClient(failures = 0) {
  const reads: string[] = [];
  const request = (path: string) => {
    const builder = {
      expand: () => builder,
      top: () => builder,
      get: async () => {
        reads.push(path);
        if (reads.length <= failures) throw Object.assign(new Error('unavailable'), { statusCode: 503 });
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

  it('keeps no failed read: the next caller reads again', async () => {
    const { client, reads } = fakeClient(1);
    expect((await sessionRegister(client, list)).ok).toBe(false);
    const again = sessionRegister(client, list);
    expect(await again).toMatchObject({ ok: true });
    expect(sessionRegister(client, list)).toBe(again);
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
