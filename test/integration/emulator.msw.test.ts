import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FaultInjector,
  RequestLog,
  createDemoTenant,
  createGraphHandlers,
  demoTokenFor,
} from '../../emulator/index.ts';
import type { Middleware } from '../../emulator/index.ts';

/**
 * The same handlers, as plain msw values, intercepting `fetch` in-process (no HTTP server): how
 * unit and component tests can talk to "Graph". Also shows the pipeline slot that fault injection
 * and request logging will use.
 */

const tenant = createDemoTenant({ seed: 5, now: '2026-11-17T10:00:00+01:00' });
const log: string[] = [];
let throttleNext = false;

const logRequests: Middleware = async (context, next) => {
  const response = await next();
  log.push(`${context.request.method} ${context.route?.name ?? 'unknown'} ${response.status}`);
  return response;
};
const throttle: Middleware = async (context, next) => {
  if (!throttleNext) return next();
  throttleNext = false;
  return Response.json(
    { error: { code: 'TooManyRequests', message: 'Application is over its MailboxConcurrency limit.' } },
    { status: 429, headers: { 'Retry-After': '2' } },
  );
};

const faults = new FaultInjector();
const requestLog = new RequestLog();
const server = setupServer(
  ...createGraphHandlers(tenant, {
    baseUrl: 'https://graph.microsoft.com/v1.0',
    middleware: [logRequests, throttle],
    faults,
    log: requestLog,
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const get = (path: string) =>
  fetch(`https://graph.microsoft.com/v1.0${path}`, { headers: { Authorization: 'Bearer demo' } });

describe('the Graph handlers under msw setupServer', () => {
  it('answer requests to the configured base URL', async () => {
    const response = await get('/me?$select=displayName');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ displayName: 'Elin Berg' });
  });

  it('write nextLinks on the base URL the client used', async () => {
    const body = (await (
      await get('/users/bygglov@sjoby.example/mailFolders/inbox/messages?$top=2')
    ).json()) as { '@odata.nextLink': string };
    expect(body['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\//);
    expect((await get(body['@odata.nextLink'].replace('https://graph.microsoft.com/v1.0', ''))).status).toBe(
      200,
    );
  });

  it('run extra pipeline steps around every request, before authentication', async () => {
    throttleNext = true;
    const throttled = await fetch('https://graph.microsoft.com/v1.0/me');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('2');
    expect(throttled.headers.get('request-id')).toBeTruthy();
    expect(log.at(-1)).toBe('GET user.get 429');
    await get('/me');
    expect(log.at(-1)).toBe('GET user.get 200');
  });

  it('take fault injection and a request log as options, in-process as over HTTP', async () => {
    faults.set({ throttleRate: 1, retryAfterSeconds: 0.5 });
    const throttled = await get('/me');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('0.5');
    faults.clear();
    const batch = await fetch('https://graph.microsoft.com/v1.0/$batch', {
      method: 'POST',
      headers: { Authorization: 'Bearer demo', 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me?$select=id' }] }),
    });
    expect(batch.status).toBe(200);
    const entries = requestLog.entries().slice(-3);
    expect(entries.map((e) => [e.route, e.status, e.viaBatch, e.fault])).toEqual([
      ['user.get', 429, false, 'throttle'],
      ['user.get', 200, true, undefined],
      ['batch', 200, false, undefined],
    ]);
  });

  it('keep the demo control endpoints anonymous on loopback only', async () => {
    const change = (headers: Record<string, string>) =>
      fetch('https://graph.microsoft.com/demo/simulate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ count: 1 }),
      });
    expect((await change({})).status).toBe(401);
    const signedIn = await change({ Authorization: `Bearer ${demoTokenFor('elin.berg@sjoby.example')}` });
    expect(signedIn.status).toBe(200);
  });
});
