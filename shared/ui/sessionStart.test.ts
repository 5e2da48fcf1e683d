import { describe, expect, it, vi } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterSessionStart, beginSession, sessionMe } from './sessionStart.ts';

describe('afterSessionStart', () => {
  it('resolves at once for a client no session began', async () => {
    const client = {} as Client;
    let resolved = false;
    void afterSessionStart(client).then(() => (resolved = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).toBe(true);
  });

  it('gives up waiting for start-up reads that do not end, after the cap', async () => {
    vi.useFakeTimers();
    try {
      const never = new Promise<never>(() => undefined);
      const session = beginSession({
        config: {
          graph: { baseUrl: 'http://localhost:1/v1.0' },
          register: { siteId: 's', listId: 'l' },
        } as never,
        tokens: { getToken: () => never },
        persona: null, // a real tenant: /me first, which here never answers
        persistence: Promise.resolve(null),
        isVisible: () => true,
      });
      let resolved = false;
      void afterSessionStart(session.graph, 1000).then(() => (resolved = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(resolved).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(resolved).toBe(true);
      session.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('sessionMe', () => {
  /** A Graph client answering /me (its first `failures` reads fail), counting the reads. */
  function fakeClient(failures = 0) {
    let reads = 0;
    const builder = {
      select: () => builder,
      get: async () => {
        reads += 1;
        if (reads <= failures) throw Object.assign(new Error('unavailable'), { statusCode: 503 });
        return { id: '1', displayName: 'Elin Berg', userPrincipalName: 'elin.berg@sjoby.example' };
      },
    };
    return { client: { api: () => builder } as unknown as Client, reads: () => reads };
  }

  it('reads /me once per session for every caller (sign-in, demo host, signature)', async () => {
    const { client, reads } = fakeClient();
    const first = sessionMe(client);
    expect(sessionMe(client)).toBe(first);
    expect(await first).toMatchObject({ ok: true, value: { displayName: 'Elin Berg' } });
    expect(reads()).toBe(1);
    const other = fakeClient();
    await sessionMe(other.client);
    expect(other.reads()).toBe(1);
  });

  it('keeps no failed read: the next caller reads again', async () => {
    const { client, reads } = fakeClient(1);
    expect((await sessionMe(client)).ok).toBe(false);
    expect(await sessionMe(client)).toMatchObject({ ok: true });
    expect(reads()).toBe(2);
  });
});
