import { describe, expect, it } from 'vitest';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware } from './createGraphClient.ts';
import type { TokenProvider } from './auth/TokenProvider.ts';

/** The next link in the chain: records what it was sent and answers with the given statuses in turn. */
function fakeNext(statuses: number[]) {
  const seen: Array<string | undefined> = [];
  const next: Middleware = {
    async execute(context: Context) {
      seen.push((context.options?.headers as Record<string, string> | undefined)?.authorization);
      context.response = new Response(null, { status: statuses.shift() ?? 200 });
    },
  };
  return { next, seen };
}

function tokens(...values: string[]) {
  const calls: Array<boolean> = [];
  const provider: TokenProvider = {
    async getToken(options) {
      calls.push(options?.forceRefresh ?? false);
      return values.shift() ?? 'last';
    },
  };
  return { provider, calls };
}

describe('BearerTokenMiddleware', () => {
  it('sends the token to the configured Graph origin', async () => {
    const { next, seen } = fakeNext([200]);
    const auth = new BearerTokenMiddleware(tokens('t1').provider, 'http://localhost:4000');
    auth.setNext(next);
    await auth.execute({ request: 'http://localhost:4000/v1.0/me', options: {} });
    expect(seen).toEqual(['Bearer t1']);
  });

  it('never sends the token to another origin', async () => {
    const { next, seen } = fakeNext([200]);
    const auth = new BearerTokenMiddleware(tokens('t1').provider, 'https://graph.microsoft.com');
    auth.setNext(next);
    await auth.execute({ request: 'https://evil.example/v1.0/me', options: {} });
    expect(seen).toEqual([undefined]);
  });

  it('renews an expired token once and repeats the request', async () => {
    const { next, seen } = fakeNext([401, 200]);
    const t = tokens('old', 'new');
    const auth = new BearerTokenMiddleware(t.provider, 'http://localhost:4000');
    auth.setNext(next);
    const context: Context = { request: 'http://localhost:4000/v1.0/me', options: {} };
    await auth.execute(context);
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(t.calls).toEqual([false, true]);
    expect(context.response?.status).toBe(200);
  });

  it('gives up after one renewal and reports the second 401', async () => {
    const { next, seen } = fakeNext([401, 401, 200]);
    const auth = new BearerTokenMiddleware(tokens('a', 'b', 'c').provider, 'http://localhost:4000');
    auth.setNext(next);
    const context: Context = { request: 'http://localhost:4000/v1.0/me', options: {} };
    await auth.execute(context);
    expect(seen).toHaveLength(2);
    expect(context.response?.status).toBe(401);
  });
});

describe('BearerTokenMiddleware with requests in flight together', () => {
  it('renews an expired token once for all the requests that were refused with it', async () => {
    const { next, seen } = fakeNext([401, 401, 401, 200, 200, 200]);
    const t = tokens('new');
    // Every request got the cached token before the first 401 came back.
    let cached = 'old';
    const provider: TokenProvider = {
      async getToken(options) {
        if (options?.forceRefresh) cached = await t.provider.getToken(options);
        return cached;
      },
    };
    const shared = new BearerTokenMiddleware(provider, 'http://localhost:4000');
    shared.setNext(next);
    const contexts: Context[] = [1, 2, 3].map(() => ({
      request: 'http://localhost:4000/v1.0/me',
      options: {},
    }));
    await Promise.all(contexts.map((context) => shared.execute(context)));
    expect(t.calls.filter((force) => force)).toHaveLength(1);
    expect(seen).toEqual([
      'Bearer old',
      'Bearer old',
      'Bearer old',
      'Bearer new',
      'Bearer new',
      'Bearer new',
    ]);
    expect(contexts.map((c) => c.response?.status)).toEqual([200, 200, 200]);
  });
});
