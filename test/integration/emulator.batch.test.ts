import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoTokenFor, startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';

/** JSON batching: limits, dependsOn, per-part status/headers/faults, order, and the request log. */

type Json = Record<string, unknown>;
interface Part {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Json;
}

let emulator: RunningEmulator;
const box = 'bygglov@sjoby.example';

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 4, now: '2026-11-17T10:00:00+01:00' });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.log.clear();
});

async function batch(requests: unknown[], token = 'demo') {
  const response = await fetch(`${emulator.url}/$batch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ requests }),
  });
  const body = (await response.json()) as Json;
  return { response, status: response.status, body, parts: (body.responses ?? []) as Part[] };
}

const byId = (parts: Part[], id: string) => {
  const part = parts.find((p) => p.id === id);
  if (!part) throw new Error(`no response for part ${id}`);
  return part;
};
const gets = (count: number, url = '/me?$select=displayName') =>
  Array.from({ length: count }, (_, i) => ({ id: String(i + 1), method: 'GET', url }));

describe('$batch', () => {
  it('takes up to 20 requests and refuses 21 with a 400 that says so', async () => {
    const twenty = await batch(gets(20));
    expect(twenty.status).toBe(200);
    expect(twenty.parts).toHaveLength(20);
    expect(twenty.parts.every((p) => p.status === 200)).toBe(true);
    const over = await batch(gets(21));
    expect(over.status).toBe(400);
    expect((over.body.error as Json).message).toMatch(/limit of 20/);
  });

  it('refuses duplicate ids, unknown dependencies, cycles and a body without Content-Type', async () => {
    const cases: unknown[][] = [
      [
        { id: 'a', method: 'GET', url: '/me' },
        { id: 'A', method: 'GET', url: '/me' },
      ],
      [{ id: 'a', method: 'GET', url: '/me', dependsOn: ['zz'] }],
      [
        { id: 'a', method: 'GET', url: '/me', dependsOn: ['b'] },
        { id: 'b', method: 'GET', url: '/me', dependsOn: ['a'] },
      ],
      [{ id: 'a', method: 'PATCH', url: `/users/${box}/messages/x`, body: { isRead: true } }],
      [{ id: 'a', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }],
      [],
    ];
    for (const requests of cases) {
      const { status, body } = await batch(requests);
      expect(status, JSON.stringify(requests)).toBe(400);
      expect((body.error as Json).code).toBe('BadRequest');
    }
  });

  it('answers each part with its own status, headers and body; the envelope is 200 even when parts fail', async () => {
    const message = emulator.tenant.inboxMessages(box)[0];
    const { status, parts } = await batch([
      { id: 'me', method: 'GET', url: '/me?$select=displayName' },
      { id: 'relative', method: 'GET', url: `users/${box}/mailFolders/inbox?$select=totalItemCount` },
      { id: 'missing', method: 'GET', url: '/users/nobody@sjoby.example' },
      { id: 'forbidden', method: 'GET', url: '/users/socialtjanst@sjoby.example/messages' },
      {
        id: 'patch',
        method: 'PATCH',
        url: `/users/${box}/messages/${String(message?.id)}`,
        headers: { 'Content-Type': 'application/json' },
        body: { categories: ['Hanterad'] },
      },
      {
        id: 'nested',
        method: 'POST',
        url: '/$batch',
        headers: { 'Content-Type': 'application/json' },
        body: {},
      },
      {
        id: 'paged',
        method: 'GET',
        url: `/users/${box}/mailFolders/inbox/messages?$select=id`,
        headers: { Prefer: 'odata.maxpagesize=3' },
      },
    ]);
    expect(status).toBe(200);
    expect(byId(parts, 'me')).toMatchObject({ status: 200, body: { displayName: 'Elin Berg' } });
    expect(byId(parts, 'me').headers['Content-Type']).toMatch(/^application\/json/);
    expect(byId(parts, 'relative')).toMatchObject({
      status: 200,
      body: { totalItemCount: expect.any(Number) },
    });
    expect(byId(parts, 'missing')).toMatchObject({
      status: 404,
      body: { error: { code: 'Request_ResourceNotFound' } },
    });
    expect(byId(parts, 'forbidden')).toMatchObject({
      status: 403,
      body: { error: { code: 'ErrorAccessDenied' } },
    });
    expect(byId(parts, 'patch')).toMatchObject({ status: 200, body: { categories: ['Hanterad'] } });
    expect(byId(parts, 'patch').headers.ETag).toMatch(/^W\/"/);
    expect(byId(parts, 'nested').status).toBe(400);
    expect(byId(parts, 'paged').headers['Preference-Applied']).toBe('odata.maxpagesize=3');
    expect((byId(parts, 'paged').body?.value as unknown[]).length).toBe(3);
    expect(message?.categories).toEqual(['Hanterad']);
  });

  it('runs parts in dependsOn order and answers 424 for parts whose dependency failed', async () => {
    const { parts } = await batch([
      { id: '4', method: 'GET', url: '/me?$select=id', dependsOn: ['2'] },
      { id: '1', method: 'GET', url: '/users/nobody@sjoby.example' },
      { id: '2', method: 'GET', url: '/me?$select=mail' },
      { id: '3', method: 'GET', url: '/me', dependsOn: ['1'] },
      { id: '5', method: 'GET', url: '/me', dependsOn: ['3'] },
    ]);
    expect(byId(parts, '1').status).toBe(404);
    expect(byId(parts, '2').status).toBe(200);
    expect(byId(parts, '4').status).toBe(200);
    expect(byId(parts, '3')).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
    expect(byId(parts, '5').status).toBe(424);
    const order = emulator.log
      .entries()
      .filter((e) => e.viaBatch)
      .map((e) => e.batchPartId);
    // Parts that failed a dependency never ran; '4' ran after its dependency '2'.
    expect(order).toEqual(['1', '2', '4']);
  });

  it('uses the batch’s Authorization for its parts unless a part sends its own', async () => {
    const { parts } = await batch([
      { id: 'outer', method: 'GET', url: '/me?$select=userPrincipalName' },
      {
        id: 'own',
        method: 'GET',
        url: '/me?$select=userPrincipalName',
        headers: { Authorization: `Bearer ${demoTokenFor('anna.johansson@sjoby.example')}` },
      },
      { id: 'bad', method: 'GET', url: '/me', headers: { Authorization: 'Bearer nonsense' } },
    ]);
    expect(byId(parts, 'outer').body?.userPrincipalName).toBe('elin.berg@sjoby.example');
    expect(byId(parts, 'own').body?.userPrincipalName).toBe('anna.johansson@sjoby.example');
    expect(byId(parts, 'bad')).toMatchObject({
      status: 401,
      body: { error: { code: 'InvalidAuthenticationToken' } },
    });
    const unauthenticated = await fetch(`${emulator.url}/$batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: gets(1) }),
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('throttles parts on their own, each 429 with its own Retry-After', async () => {
    emulator.faults.set({ throttleRate: 0.4, retryAfterSeconds: 0.01, seed: 11 });
    let result = await batch(gets(20));
    for (let i = 0; result.status !== 200 && i < 20; i++) result = await batch(gets(20));
    expect(result.status).toBe(200);
    const throttled = result.parts.filter((p) => p.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.length).toBeLessThan(20);
    for (const part of throttled) {
      expect(part.headers['Retry-After']).toBe('0.01');
      expect(part.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    }
    for (const part of result.parts.filter((p) => p.status !== 429)) expect(part.status).toBe(200);
    const logged = emulator.log.entries().filter((e) => e.viaBatch && e.status === 429);
    expect(logged.every((e) => e.fault === 'throttle')).toBe(true);
  });

  it('returns responses in another order than the requests: pairs swapped, or a seeded shuffle', async () => {
    const requests = gets(6);
    const plain = await batch(requests);
    expect(plain.parts.map((p) => p.id)).toEqual(['2', '1', '4', '3', '6', '5']);
    emulator.faults.set({ seed: 5 });
    const shuffled = (await batch(requests)).parts.map((p) => p.id);
    expect(shuffled).not.toEqual(['1', '2', '3', '4', '5', '6']);
    expect([...shuffled].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    emulator.faults.set({ seed: 5 });
    expect((await batch(requests)).parts.map((p) => p.id)).toEqual(shuffled);
  });

  it('logs each part with viaBatch and the batch’s request id, and the batch itself', async () => {
    const { response } = await batch([
      { id: 'x', method: 'GET', url: '/me?$select=id' },
      { id: 'y', method: 'GET', url: `/users/${box}/mailFolders/inbox/messages/delta?$select=id` },
    ]);
    const entries = emulator.log.entries();
    const outer = entries.find((e) => e.route === 'batch');
    expect(outer).toMatchObject({
      method: 'POST',
      status: 200,
      viaBatch: false,
      url: `${emulator.url}/$batch`,
    });
    const parts = entries.filter((e) => e.viaBatch);
    expect(parts.map((e) => [e.batchPartId, e.route])).toEqual([
      ['x', 'user.get'],
      ['y', 'mailFolder.messages.delta'],
    ]);
    for (const part of parts) {
      expect(part.batchRequestId).toBe(response.headers.get('request-id'));
      expect(part.seq).toBeLessThan(outer?.seq ?? 0);
      expect(part.responseBytes).toBeGreaterThan(0);
    }
    expect(parts[1]?.url).toBe(`${emulator.url}/users/${box}/mailFolders/inbox/messages/delta?$select=id`);
  });
});
