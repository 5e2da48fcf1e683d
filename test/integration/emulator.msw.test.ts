import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTenant, createGraphHandlers } from '../../emulator/index.ts';
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

const server = setupServer(
  ...createGraphHandlers(tenant, {
    baseUrl: 'https://graph.microsoft.com/v1.0',
    middleware: [logRequests, throttle],
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
});
