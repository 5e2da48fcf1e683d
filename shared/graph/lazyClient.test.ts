import { describe, expect, it, vi } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { lazyClient } from './lazyClient.ts';

/** A stand-in for the SDK's Client: its requests record what was configured and what was sent. */
function fakeClient() {
  const sent: Array<{ path: string; calls: string[]; method: string; body?: unknown }> = [];
  const client = {
    api(path: string) {
      const calls: string[] = [];
      const request = {
        select: (fields: string) => (calls.push(`select(${fields})`), request),
        header: (name: string, value: string) => (calls.push(`header(${name}=${value})`), request),
        top: (n: number) => (calls.push(`top(${n})`), request),
        get: async () => (sent.push({ path, calls: [...calls], method: 'get' }), { value: path }),
        patch: async (body: unknown) => (sent.push({ path, calls: [...calls], method: 'patch', body }), body),
      };
      return request;
    },
  };
  return { client: client as unknown as Client, sent };
}

describe('lazyClient', () => {
  it('asks for nothing until a request is sent, then replays the configuration in order and sends', async () => {
    const { client, sent } = fakeClient();
    const load = vi.fn(async () => client);
    const lazy = lazyClient(load);
    const request = lazy.api('/me').select('id,mail').top(1);
    expect(load).not.toHaveBeenCalled();
    expect(await request.get()).toEqual({ value: '/me' });
    expect(sent).toEqual([{ path: '/me', calls: ['select(id,mail)', 'top(1)'], method: 'get' }]);
  });

  it('keeps the SDK’s mutable builder: a header added without reassigning still goes out', async () => {
    const { client, sent } = fakeClient();
    const request = lazyClient(async () => client).api('/sites/s/lists/l/items/7/fields');
    request.header('If-Match', '"3"');
    await request.patch({ Deputy: 'anna@sjoby.example' });
    expect(sent[0]).toMatchObject({ calls: ['header(If-Match="3")'], method: 'patch', body: { Deputy: 'anna@sjoby.example' } });
  });

  it('loads the client once for many requests', async () => {
    const { client } = fakeClient();
    const load = vi.fn(async () => client);
    const lazy = lazyClient(load);
    await Promise.all([lazy.api('/a').get(), lazy.api('/b').get(), lazy.api('/c').get()]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('fails a request with the load error, and loads again for the next request', async () => {
    const { client, sent } = fakeClient();
    const load = vi.fn<() => Promise<Client>>().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue(client);
    const lazy = lazyClient(load);
    await expect(lazy.api('/me').get()).rejects.toThrow(/dynamically imported module/);
    await expect(lazy.api('/me').get()).resolves.toEqual({ value: '/me' });
    expect(load).toHaveBeenCalledTimes(2);
    expect(sent).toHaveLength(1);
  });

  it('names a configuring call the real request does not have, instead of failing obscurely', async () => {
    const { client } = fakeClient();
    const request = lazyClient(async () => client).api('/me') as unknown as { orderby(x: string): { get(): Promise<unknown> } };
    await expect(request.orderby('x').get()).rejects.toThrow(/GraphRequest has no method orderby\(\)/);
  });

  it('is not a thenable, and offers nothing but api()', async () => {
    const lazy = lazyClient(async () => fakeClient().client);
    expect(await Promise.resolve(lazy)).toBe(lazy);
    expect(() => (lazy as unknown as { config: unknown }).config).toThrow(/only api\(\)/);
  });
});
