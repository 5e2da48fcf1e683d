import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultInjector, demoTokenFor, startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';

/** Fault injection (429, 503, drops, latency, expired tokens) and the request log. */

type Json = Record<string, unknown>;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 8, now: '2026-11-17T10:00:00+01:00' });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.log.clear();
});

const get = (path: string, init: { token?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${emulator.url}${path}`, {
    headers: { Authorization: `Bearer ${init.token ?? 'demo'}`, ...init.headers },
  });

async function statuses(count: number, path = '/me?$select=id'): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await get(path);
    await response.arrayBuffer();
    result.push(response.status);
  }
  return result;
}

async function issueToken(upn: string): Promise<string> {
  const response = await fetch(`${emulator.origin}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  return String(((await response.json()) as Json).access_token);
}

describe('throttling and unavailability', () => {
  it('answers the configured share of requests 429, the same requests for the same seed', async () => {
    emulator.faults.set({ throttleRate: 0.2, seed: 42 });
    const first = await statuses(1000);
    const throttled = first.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(160);
    expect(throttled).toBeLessThan(240);
    expect(first.every((s) => s === 200 || s === 429)).toBe(true);
    expect(emulator.faults.counters).toMatchObject({ decided: 1000, throttled });
    emulator.faults.set({ throttleRate: 0.2, seed: 42 });
    expect(await statuses(1000)).toEqual(first);
    emulator.faults.set({ throttleRate: 0.2, seed: 43 });
    expect(await statuses(1000)).not.toEqual(first);
  });

  it('sends TooManyRequests with Retry-After in seconds (fractions allowed) or as an HTTP date', async () => {
    emulator.faults.set({ throttleRate: 1, retryAfterSeconds: 0.01 });
    const seconds = await get('/me');
    expect(seconds.status).toBe(429);
    expect(seconds.headers.get('Retry-After')).toBe('0.01');
    expect(((await seconds.json()) as Json).error).toMatchObject({ code: 'TooManyRequests' });
    emulator.faults.set({ throttleRate: 1, retryAfterSeconds: 2, retryAfterFormat: 'date' });
    const before = Date.now();
    const dated = await get('/me');
    const retryAt = Date.parse(String(dated.headers.get('Retry-After')));
    expect(dated.headers.get('Retry-After')).toMatch(/GMT$/);
    expect(retryAt).toBeGreaterThanOrEqual(before + 1000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 3000);
  });

  it('answers 503 ServiceUnavailable with Retry-After, exposed to browsers', async () => {
    emulator.faults.set({ unavailableRate: 1, retryAfterSeconds: 3 });
    const response = await get('/me', { headers: { Origin: 'http://localhost:3000' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('3');
    expect(response.headers.get('Access-Control-Expose-Headers')).toMatch(/Retry-After/);
    expect(((await response.json()) as Json).error).toMatchObject({ code: 'ServiceUnavailable' });
  });

  it('never faults the demo endpoints', async () => {
    emulator.faults.set({ throttleRate: 0.5, unavailableRate: 0.5, dropRate: 1, latencyMs: 2000 });
    const started = Date.now();
    expect((await fetch(`${emulator.origin}/demo/personas`)).status).toBe(200);
    expect(await issueToken('elin.berg@sjoby.example')).toMatch(/^demo\./);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('dropped connections, latency and expired tokens', () => {
  it('closes the connection without an answer: fetch rejects', async () => {
    emulator.faults.set({ dropRate: 1 });
    await expect(get('/me')).rejects.toThrow();
    expect(emulator.log.entries()).toEqual([
      expect.objectContaining({
        status: 0,
        fault: 'drop',
        route: 'user.get',
        method: 'GET',
        responseBytes: 0,
      }),
    ]);
    emulator.faults.set({ dropRate: 0.3, seed: 9 });
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      outcomes.push(
        await get('/me?$select=id').then(
          async (r) => {
            await r.arrayBuffer();
            return String(r.status);
          },
          () => 'dropped',
        ),
      );
    }
    expect(outcomes.filter((o) => o === 'dropped').length).toBeGreaterThan(3);
    expect(outcomes.filter((o) => o === '200').length).toBeGreaterThan(15);
    emulator.faults.clear();
    expect((await get('/me')).status).toBe(200);
  });

  it('adds latency to Graph requests', async () => {
    emulator.faults.set({ latencyMs: 150 });
    const started = Date.now();
    expect((await get('/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    expect(emulator.log.entries().at(-1)).toMatchObject({ route: 'user.get', status: 200 });
  });

  it('expires every issued token: 401 InvalidAuthenticationToken; a fresh token works; bare demo tokens stay valid', async () => {
    const issued = await issueToken('anna.johansson@sjoby.example');
    expect(issued).toMatch(/^demo\.[A-Za-z0-9_-]+\.0$/);
    expect((await get('/me', { token: issued })).status).toBe(200);
    emulator.faults.expireTokens();
    const expired = await get('/me', { token: issued });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(((await expired.json()) as Json).error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Lifetime validation failed, the token is expired.',
    });
    const fresh = await issueToken('anna.johansson@sjoby.example');
    expect(fresh).not.toBe(issued);
    const me = await get('/me?$select=userPrincipalName', { token: fresh });
    expect(((await me.json()) as Json).userPrincipalName).toBe('anna.johansson@sjoby.example');
    for (const token of ['demo', demoTokenFor('anna.johansson@sjoby.example')])
      expect((await get('/me', { token })).status, token).toBe(200);
    expect(emulator.log.entries().filter((e) => e.fault === 'expiredToken')).toHaveLength(1);
  });
});

describe('the fault endpoints', () => {
  it('set, show and clear faults over HTTP', async () => {
    const set = await fetch(`${emulator.origin}/demo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 1, retryAfterSeconds: 5 }),
    });
    expect(set.status).toBe(200);
    expect(((await set.json()) as Json).settings).toMatchObject({ throttleRate: 1, retryAfterSeconds: 5 });
    expect((await get('/me')).status).toBe(429);
    const shown = (await (await fetch(`${emulator.origin}/demo/faults`)).json()) as Json;
    expect(shown.counters).toMatchObject({ throttled: 1 });
    const bad = await fetch(`${emulator.origin}/demo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 2 }),
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${emulator.origin}/demo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttle: 0.5 }),
    });
    expect(unknown.status).toBe(400);
    expect((await fetch(`${emulator.origin}/demo/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await get('/me')).status).toBe(200);
    const expire = await fetch(`${emulator.origin}/demo/faults/expireTokens`, { method: 'POST' });
    expect(((await expire.json()) as Json).tokenEpoch).toBe(emulator.faults.tokenEpoch);
  });

  it('accepts faults as startEmulator options, or a shared injector', async () => {
    const shared = new FaultInjector({ unavailableRate: 1 });
    const second = await startEmulator({
      port: 0,
      seed: 1,
      now: '2026-11-17T10:00:00+01:00',
      faults: shared,
    });
    const third = await startEmulator({
      port: 0,
      seed: 1,
      now: '2026-11-17T10:00:00+01:00',
      faults: { throttleRate: 1 },
    });
    try {
      expect(second.faults).toBe(shared);
      expect((await fetch(`${second.url}/me`, { headers: { Authorization: 'Bearer demo' } })).status).toBe(
        503,
      );
      expect((await fetch(`${third.url}/me`, { headers: { Authorization: 'Bearer demo' } })).status).toBe(
        429,
      );
    } finally {
      await Promise.all([second.close(), third.close()]);
    }
  });
});

describe('the request log', () => {
  it('records method, decoded URL, route, status, bytes and the Prefer and If-Match headers', async () => {
    const box = 'bygglov@sjoby.example';
    const list = await get(`/users/${box}/mailFolders/inbox/messages?$select=id,subject&$top=2`, {
      headers: { Prefer: 'odata.maxpagesize=2' },
    });
    const listBytes = (await list.arrayBuffer()).byteLength;
    const id = emulator.tenant.inboxMessages(box)[0]?.id ?? '';
    const patch = await fetch(`${emulator.url}/users/${box}/messages/${id}`, {
      method: 'PATCH',
      headers: { Authorization: 'Bearer demo', 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ isRead: true }),
    });
    await patch.arrayBuffer();
    await (await get('/no/such/thing')).arrayBuffer();
    await fetch(`${emulator.origin}/demo/personas`);
    const entries = emulator.log.entries();
    expect(entries).toHaveLength(3);
    const [a, b, c] = entries;
    expect(a).toMatchObject({
      method: 'GET',
      url: `${emulator.url}/users/${box}/mailFolders/inbox/messages?$select=id,subject&$top=2`,
      route: 'mailFolder.messages.list',
      status: 200,
      viaBatch: false,
      responseBytes: listBytes,
      requestHeaders: { prefer: 'odata.maxpagesize=2' },
    });
    expect(a?.at).toBeGreaterThan(Date.parse('2020-01-01'));
    expect(b).toMatchObject({
      method: 'PATCH',
      route: 'message.patch',
      status: 200,
      requestHeaders: { ifMatch: '*' },
    });
    expect(c).toMatchObject({ route: null, status: 400 });
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((x, y) => x - y));
    const served = (await (await fetch(`${emulator.origin}/demo/log`)).json()) as { value: unknown[] };
    expect(served.value).toEqual(JSON.parse(JSON.stringify(entries)));
    emulator.log.clear();
    expect(emulator.log.entries()).toEqual([]);
  });
});
