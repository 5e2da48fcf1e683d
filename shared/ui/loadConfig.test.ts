// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import demoConfig from '../../config.json' with { type: 'json' };
import { loadConfig } from './loadConfig.ts';

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  delete window.__brevladevaktenConfig;
});

describe('loadConfig', () => {
  it('takes the response the page head already requested, once, and fetches itself after that', async () => {
    window.__brevladevaktenConfig = Promise.resolve(json(demoConfig));
    const fetchImpl = vi.fn(async () => json(demoConfig));
    const first = await loadConfig('/config.json', fetchImpl);
    expect(first.ok).toBe(true);
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(window.__brevladevaktenConfig).toBeUndefined();
    expect((await loadConfig('/config.json', fetchImpl)).ok).toBe(true);
    expect(fetchImpl).toHaveBeenCalledWith('/config.json', { cache: 'no-store' });
  });

  it('ignores the early request for another configuration URL', async () => {
    window.__brevladevaktenConfig = Promise.resolve(json({ broken: true }));
    const fetchImpl = vi.fn(async () => json(demoConfig));
    expect((await loadConfig('/tenant/config.json', fetchImpl)).ok).toBe(true);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('reports a failed early request like a failed fetch, naming the file', async () => {
    window.__brevladevaktenConfig = Promise.reject(new TypeError('Failed to fetch'));
    const result = await loadConfig('/config.json', vi.fn());
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/`\/config\.json` could not be loaded \(TypeError: Failed to fetch\)/),
    });
  });

  it('names the HTTP status when the file is missing', async () => {
    const result = await loadConfig('/config.json', async () => json({}, 404));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('HTTP 404') });
  });
});
