import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import config from '../../config.json' with { type: 'json' };
import { startEmulator } from '../../emulator/index.ts';
import { coveredMailboxes } from '../../shared/domain/index.ts';
import {
  DemoTokenProvider,
  attempt,
  followLink,
  forbiddenMessageFields,
  getMe,
  messageSelect,
  readRegister,
} from '../../shared/graph/index.ts';
import { createGraphClient } from '../../shared/graph/createGraphClient.ts';
import { lazyClient } from '../../shared/graph/lazyClient.ts';
import type { TokenProvider } from '../../shared/graph/index.ts';
import { graphGet, personas } from '../support/graphTruth.ts';
import type { Persona } from '../support/graphTruth.ts';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let graphBaseUrl: string;
let people: Persona[];
const requested: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 7, now: '2026-11-17T10:30:00+01:00' });
  graphBaseUrl = `${new URL(emulator.url).origin}/v1.0`;
  people = await personas(graphBaseUrl);
  // Record every URL the Graph SDK fetches, to check what it asks for.
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    requested.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return realFetch(input, init);
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await emulator?.close();
});

const persona = (role: Persona['role']) => people.find((p) => p.role === role) as Persona;
const clientFor = (upn: string) => createGraphClient({ baseUrl: graphBaseUrl, tokens: new DemoTokenProvider(graphBaseUrl, upn) });

describe('the Graph client against the emulator over HTTP', () => {
  it('signs in as a demo user and reads their profile', async () => {
    const owner = persona('owner');
    const me = await getMe(clientFor(owner.upn));
    expect(me.ok && me.value.userPrincipalName.toLowerCase()).toBe(owner.upn.toLowerCase());
    expect(me.ok && me.value.displayName).toBe(owner.displayName);
  });

  it('reads the whole register into valid entries and finds the mailboxes each persona covers', async () => {
    const owner = persona('owner');
    const register = await readRegister(clientFor(owner.upn), config.register);
    expect(register.ok).toBe(true);
    if (!register.ok) return;
    const raw = await graphGet<{ value: unknown[] }>(
      graphBaseUrl,
      `/sites/${encodeURIComponent(config.register.siteId)}/lists/${config.register.listId}/items?expand=fields&$top=999`,
    );
    expect(register.value.entries.length + register.value.invalid.length).toBe(raw.value.length);
    expect(register.value.entries.filter((e) => e.kind === 'function').length).toBeGreaterThanOrEqual(8);
    expect(register.value.entries.filter((e) => e.kind === 'authority').length).toBeGreaterThanOrEqual(3);
    expect(coveredMailboxes(register.value.entries, owner.upn).length).toBeGreaterThan(0);
  });

  it('gives the same answers through the lazy client the pages use (register paged with next links, /me)', async () => {
    const owner = persona('owner');
    const lazy = lazyClient(async () => clientFor(owner.upn));
    const [viaLazy, direct] = await Promise.all([readRegister(lazy, config.register), readRegister(clientFor(owner.upn), config.register)]);
    expect(viaLazy).toEqual(direct);
    const me = await getMe(lazy);
    expect(me.ok && me.value.userPrincipalName.toLowerCase()).toBe(owner.upn.toLowerCase());
  });

  it('follows Graph’s absolute next links, http ones included, through an Inbox with nothing lost or repeated', async () => {
    const owner = persona('owner');
    const client = clientFor(owner.upn);
    const register = await readRegister(client, config.register);
    if (!register.ok) throw new Error('register');
    const mailbox = coveredMailboxes(register.value.entries, owner.upn)[0]!.entry.address;
    type Page = { value: Array<{ id: string; receivedDateTime: string }>; '@odata.nextLink'?: string };
    let page = (await client
      .api(`/users/${mailbox}/mailFolders/inbox/messages`)
      .select([...messageSelect])
      .orderby('receivedDateTime desc')
      .top(7)
      .get()) as Page;
    const ids: string[] = [];
    const times: string[] = [];
    for (;;) {
      ids.push(...page.value.map((m) => m.id));
      times.push(...page.value.map((m) => m.receivedDateTime));
      const next = page['@odata.nextLink'];
      if (!next) break;
      expect(next).toMatch(/^http:\/\//);
      page = (await followLink(client, next).get()) as Page;
    }
    const folder = await graphGet<{ totalItemCount: number }>(graphBaseUrl, `/users/${mailbox}/mailFolders/inbox`, owner.upn);
    expect(ids.length).toBe(folder.totalItemCount);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('reports an unknown user as a GraphError value, not an exception', async () => {
    const result = await attempt(() => clientFor(persona('staff').upn).api('/users/finns-inte@sjoby.example').get());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.status).toBe(404);
    expect(!result.ok && result.error.code).toMatch(/\w+/);
  });

  it('renews a token the service rejects and repeats the request once', async () => {
    const staff = persona('staff');
    const real = new DemoTokenProvider(graphBaseUrl, staff.upn);
    const issued: boolean[] = [];
    const tokens: TokenProvider = {
      async getToken(options) {
        issued.push(options?.forceRefresh ?? false);
        return options?.forceRefresh ? real.getToken(options) : 'expired-token';
      },
    };
    const me = await getMe(createGraphClient({ baseUrl: graphBaseUrl, tokens }));
    expect(me.ok).toBe(true);
    expect(issued).toEqual([false, true]);
  });

  it('reports a token provider that cannot sign in as a 401 to sign in again, not as a network error', async () => {
    const tokens: TokenProvider = {
      async getToken() {
        throw new Error('interaction_required: popup blocked');
      },
    };
    const me = await getMe(createGraphClient({ baseUrl: graphBaseUrl, tokens }));
    expect(!me.ok && me.error).toMatchObject({ status: 401, code: 'tokenUnavailable' });
    expect(!me.ok && me.error.message).toContain('popup blocked');
  });

  it('never asks Graph for message bodies', () => {
    const graphRequests = requested.filter((url) => url.startsWith(graphBaseUrl));
    expect(graphRequests.length).toBeGreaterThan(5);
    for (const url of graphRequests) {
      const select = new URL(url).searchParams.get('$select') ?? '';
      for (const field of forbiddenMessageFields) expect(select.split(',')).not.toContain(field);
    }
  });
});
