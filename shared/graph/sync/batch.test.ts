import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBatchRunner, toBatchUrl } from './batch.ts';
import { createLimiter } from './concurrency.ts';
import { fakeBatchEndpoint, instantTimers, staticTokens, testClient } from './testing.fixture.ts';
import type { PartAnswer, SentPart } from './testing.fixture.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const now = Date.UTC(2026, 10, 17, 9, 0, 0);

function setup(answer: (part: SentPart, batch: number) => PartAnswer | 'drop', retry = {}) {
  const endpoint = fakeBatchEndpoint(answer);
  server.use(endpoint.handler);
  const tokens = staticTokens();
  const timers = instantTimers();
  const runner = createBatchRunner({
    client: testClient(tokens),
    tokens,
    limiter: createLimiter(4),
    timers,
    clock: () => now,
    retry: { maxAttempts: 5, maxTotalWaitSeconds: 30, ...retry },
  });
  return { endpoint, tokens, timers, runner };
}

const ok = (part: SentPart): PartAnswer => ({ status: 200, body: { url: part.url } });

describe('toBatchUrl', () => {
  it('makes an absolute nextLink relative to the version root, as $batch parts must be', () => {
    expect(toBatchUrl('http://localhost:4000/v1.0/users/a%40b/messages?$skip=10')).toBe(
      '/users/a%40b/messages?$skip=10',
    );
    expect(toBatchUrl('users/a')).toBe('/users/a');
  });
});

describe('createBatchRunner', () => {
  it('puts up to 20 requests in one $batch and matches answers by id, whatever their order', async () => {
    const { endpoint, runner } = setup(ok);
    const urls = Array.from({ length: 45 }, (_, i) => `/users/m${i}/messages`);
    const results = await Promise.all(urls.map((url) => runner.run({ method: 'GET', url })));
    expect(results.map((r) => r.ok && (r.body as { url: string }).url)).toEqual(urls);
    expect(endpoint.batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(runner.stats.batches).toBe(3);
  });

  it('keeps at most 4 batches in flight', async () => {
    const { endpoint, runner } = setup(ok);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => runner.run({ method: 'GET', url: `/users/m${i}` })),
    );
    expect(endpoint.batches).toHaveLength(10);
    expect(endpoint.peakInFlight).toBeLessThanOrEqual(4);
  });

  it('sends again only the part that was throttled, after its own fractional Retry-After', async () => {
    let throttled = false;
    const { endpoint, timers, runner } = setup((part) => {
      if (part.url === '/users/b' && !throttled) {
        throttled = true;
        return {
          status: 429,
          headers: { 'Retry-After': '0.005' },
          body: { error: { code: 'TooManyRequests', message: 'Slow down' } },
        };
      }
      return ok(part);
    });
    const results = await Promise.all(
      ['/users/a', '/users/b', '/users/c'].map((url) => runner.run({ method: 'GET', url })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(endpoint.batches.map((b) => b.map((p) => p.url))).toEqual([
      ['/users/a', '/users/b', '/users/c'],
      ['/users/b'],
    ]);
    expect(timers.delays).toEqual([5]);
  });

  it('waits until the HTTP date a part names', async () => {
    let calls = 0;
    const { timers, runner } = setup((part) =>
      calls++ === 0 ? { status: 503, headers: { 'retry-after': 'Tue, 17 Nov 2026 09:00:02 GMT' } } : ok(part),
    );
    expect((await runner.run({ method: 'GET', url: '/users/a' })).ok).toBe(true);
    expect(timers.delays).toEqual([2000]);
  });

  it('gives up within the bounded total wait and reports a typed error with the Retry-After', async () => {
    const { endpoint, runner } = setup(() => ({
      status: 429,
      headers: { 'Retry-After': '10' },
      body: { error: { code: 'ApplicationThrottled', message: 'Too many requests' } },
    }));
    const result = await runner.run({ method: 'GET', url: '/users/a' });
    expect(result).toEqual({
      ok: false,
      error: { status: 429, code: 'ApplicationThrottled', message: 'Too many requests', retryAfter: 10 },
    });
    // 0 s + 10 s + 10 s waited; a third wait would pass the 30 s budget.
    expect(endpoint.batches).toHaveLength(4);
  });

  it('reports a part that cannot succeed at once, without retrying it', async () => {
    const { endpoint, runner } = setup((part) =>
      part.url === '/users/gone'
        ? { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'Not found' } } }
        : ok(part),
    );
    const [gone, fine] = await Promise.all([
      runner.run({ method: 'GET', url: '/users/gone' }),
      runner.run({ method: 'GET', url: '/users/fine' }),
    ]);
    expect(gone).toMatchObject({ ok: false, error: { status: 404, code: 'ErrorItemNotFound' } });
    expect(fine.ok).toBe(true);
    expect(endpoint.batches).toHaveLength(1);
  });

  it('renews the token once when several parts answer 401, and sends those parts again', async () => {
    const { tokens, endpoint, runner } = setup((part, batch) =>
      batch === 0 && part.url !== '/users/a'
        ? { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'expired' } } }
        : ok(part),
    );
    const results = await Promise.all(
      ['/users/a', '/users/b', '/users/c'].map((url) => runner.run({ method: 'GET', url })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(tokens.renewals).toBe(1);
    expect(runner.stats.renewals).toBe(1);
    expect(endpoint.batches.map((b) => b.map((p) => p.url).sort())).toEqual([
      ['/users/a', '/users/b', '/users/c'],
      ['/users/b', '/users/c'],
    ]);
  });

  it('reports a second 401 for the same part instead of renewing again', async () => {
    const { tokens, runner } = setup(() => ({
      status: 401,
      body: { error: { code: 'InvalidAuthenticationToken', message: 'no' } },
    }));
    const result = await runner.run({ method: 'GET', url: '/users/a' });
    expect(result).toMatchObject({ ok: false, error: { status: 401 } });
    expect(tokens.renewals).toBe(1);
  });

  it('sends every part of a batch whose connection dropped again', async () => {
    let dropped = false;
    const { endpoint, runner } = setup((part) => {
      if (!dropped) {
        dropped = true;
        return 'drop';
      }
      return ok(part);
    });
    const results = await Promise.all(
      ['/users/a', '/users/b'].map((url) => runner.run({ method: 'GET', url })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(endpoint.batches).toHaveLength(2);
  });

  it('leaves a throttled $batch request to the SDK’s retry instead of repeating it again', async () => {
    const { runner } = setup(ok);
    let posts = 0;
    server.use(
      http.post(/\/\$batch$/, () => {
        posts += 1;
        return HttpResponse.json(
          { error: { code: 'ServiceUnavailable', message: 'Busy.' } },
          { status: 503, headers: { 'Retry-After': '0' } },
        );
      }),
    );
    const result = await runner.run({ method: 'GET', url: '/users/a' });
    expect(!result.ok && result.error.status).toBe(503);
    // The test client's SDK retry is off: one POST, not the runner's five attempts on top.
    expect(posts).toBe(1);
  });

  it('adds a JSON Content-Type to parts with a body', async () => {
    const { endpoint, runner } = setup(ok);
    await runner.run({ method: 'POST', url: '/me/getMailTips', body: { EmailAddresses: [] } });
    expect(endpoint.batches[0]?.[0]?.headers).toEqual({ 'Content-Type': 'application/json' });
  });
});
