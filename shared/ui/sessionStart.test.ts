import { describe, expect, it, vi } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterSessionStart, beginSession } from './sessionStart.ts';

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
