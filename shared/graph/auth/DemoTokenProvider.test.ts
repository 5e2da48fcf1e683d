import { afterEach, describe, expect, it, vi } from 'vitest';
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

  describe('with a token request the page started early', () => {
    afterEach(() => vi.unstubAllGlobals());
    const early = (upn: string, graphBaseUrl = 'http://localhost:4000/v1.0') => ({
      graphBaseUrl,
      upn,
      response: Promise.resolve(new Response(JSON.stringify({ access_token: 'early' }))),
    });

    it('takes it (once) for the same user and emulator, whatever the address’s case', async () => {
      const { calls, fetchImpl } = emulator();
      const win: { __brevladevaktenDemoToken?: unknown } = { __brevladevaktenDemoToken: early('Anna@SJOBY.example') };
      vi.stubGlobal('window', win);
      const provider = new DemoTokenProvider('http://localhost:4000/v1.0', 'anna@sjoby.example', fetchImpl);
      expect(await provider.getToken()).toBe('early');
      expect(calls).toEqual([]);
      expect(win.__brevladevaktenDemoToken).toBeUndefined();
      expect(await provider.getToken({ forceRefresh: true })).toBe('t1'); // renewing asks afresh
    });

    it('leaves it for another user or another emulator', async () => {
      for (const other of [early('bo@sjoby.example'), early('anna@sjoby.example', 'http://localhost:5000/v1.0')]) {
        const { calls, fetchImpl } = emulator();
        vi.stubGlobal('window', { __brevladevaktenDemoToken: other });
        expect(await new DemoTokenProvider('http://localhost:4000/v1.0', 'anna@sjoby.example', fetchImpl).getToken()).toBe('t1');
        expect(calls).toHaveLength(1);
      }
    });
  });
});
