import { describe, expect, it } from 'vitest';
import { DemoTokenProvider } from './DemoTokenProvider.ts';

function emulator(statuses: number[] = []) {
  const calls: string[] = [];
  const fetchImpl = async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method} ${url} ${String(init?.body)}`);
    const status = statuses.shift() ?? 200;
    return new Response(JSON.stringify({ access_token: `t${calls.length}` }), { status });
  };
  return { calls, fetchImpl };
}

describe('DemoTokenProvider', () => {
  it('asks the emulator once for a token, however many requests start at the same time', async () => {
    const { calls, fetchImpl } = emulator();
    const provider = new DemoTokenProvider('http://localhost:4000/v1.0', 'anna@sjoby.example', fetchImpl);
    const tokens = await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    expect(tokens).toEqual(['t1', 't1', 't1']);
    expect(calls).toEqual(['POST http://localhost:4000/demo/token {"upn":"anna@sjoby.example"}']);
  });

  it('gets a new token when asked to renew an expired one', async () => {
    const { fetchImpl } = emulator();
    const provider = new DemoTokenProvider('http://localhost:4000/v1.0', 'anna@sjoby.example', fetchImpl);
    expect(await provider.getToken()).toBe('t1');
    expect(await provider.getToken({ forceRefresh: true })).toBe('t2');
    expect(await provider.getToken()).toBe('t2');
  });

  it('does not keep a refused request, and says how to fix it', async () => {
    const { fetchImpl } = emulator([404]);
    const provider = new DemoTokenProvider('http://localhost:4000/v1.0', 'nobody@sjoby.example', fetchImpl);
    await expect(provider.getToken()).rejects.toThrow(/Choose one of the demo users/);
    expect(await provider.getToken()).toBe('t2');
  });

  it('asks with a CORS-safelisted request (no custom headers, a simple content type): no preflight', async () => {
    let headers: Headers | null = null;
    const fetchImpl = async (_url: string, init?: RequestInit) => {
      headers = new Headers(init?.headers);
      return new Response(JSON.stringify({ access_token: 't' }));
    };
    await new DemoTokenProvider('http://localhost:4000/v1.0', 'anna@sjoby.example', fetchImpl).getToken();
    const names = [...(headers as unknown as Headers).keys()];
    expect(names).toEqual(['content-type']);
    expect((headers as unknown as Headers).get('content-type')?.split(';')[0]).toMatch(/^(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)$/);
  });
});
