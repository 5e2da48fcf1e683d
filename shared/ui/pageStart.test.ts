import { afterEach, describe, expect, it, vi } from 'vitest';
import { standaloneHost } from '../host/HostAdapter.ts';
import type { HostAdapter } from '../host/HostAdapter.ts';
import type { ConfigLoad } from './loadConfig.ts';

// The seams beginPageStart drives: the configuration, the Graph SDK's chunk, IndexedDB, the session.
const seams = vi.hoisted(() => ({
  config: null as Promise<ConfigLoad> | null,
  graphModule: null as Promise<unknown> | null,
  begun: [] as Array<{ host: unknown }>,
  requested: null as Promise<void> | null,
  persona: 'elin.berg@sjoby.example' as string | null,
}));
vi.mock('./loadConfig.ts', () => ({ loadConfig: () => seams.config }));
vi.mock('./earlyStart.ts', () => ({ loadGraphModule: () => seams.graphModule, syncPersistence: () => Promise.resolve(null) }));
vi.mock('./firstSession.ts', () => ({
  beginFirstSession: (_config: unknown, host: unknown) => {
    seams.begun.push({ host });
    return {
      persona: seams.persona,
      tokens: {},
      started: { graph: {}, who: new Promise(() => undefined), requested: seams.requested, stop: () => undefined },
    };
  },
}));

const { beginPageStart, underWayCapMs } = await import('./pageStart.ts');

const ok: ConfigLoad = { ok: true, config: { auth: { mode: 'demo' } } as never };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Whether `promise` has settled after the pending microtasks (and timers up to now) ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

afterEach(() => {
  vi.useRealTimers();
  seams.begun.length = 0;
  seams.persona = 'elin.berg@sjoby.example';
});

describe('beginPageStart', () => {
  it('begins the first session as soon as host and configuration are known, without any React code', async () => {
    vi.useFakeTimers();
    const config = deferred<ConfigLoad>();
    const host = deferred<HostAdapter>();
    seams.config = config.promise;
    seams.graphModule = new Promise(() => undefined);
    seams.requested = new Promise(() => undefined);
    const start = beginPageStart({ detectHost: () => host.promise });
    await vi.advanceTimersByTimeAsync(0);
    expect(seams.begun).toHaveLength(0);
    config.resolve(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(seams.begun).toHaveLength(0); // the host is not known yet
    const found = standaloneHost();
    host.resolve(found);
    await vi.advanceTimersByTimeAsync(0);
    expect(seams.begun).toEqual([{ host: found }]);
    expect(await start.first).not.toBeNull();
  });

  it('for a demo persona is under way once the first sync round is asked for (the register has answered), not before', async () => {
    vi.useFakeTimers();
    const requested = deferred<void>();
    seams.config = Promise.resolve(ok);
    seams.graphModule = Promise.resolve({});
    seams.requested = requested.promise;
    const start = beginPageStart({ detectHost: async () => standaloneHost() });
    expect(await settled(start.underWay)).toBe(false); // the SDK is here, the round not asked for yet
    requested.resolve();
    expect(await settled(start.underWay)).toBe(true);
  });

  it('with a real tenant waits only for the SDK’s chunk (its first token may need a prompt)', async () => {
    vi.useFakeTimers();
    seams.persona = null;
    seams.config = Promise.resolve(ok);
    seams.graphModule = Promise.resolve({});
    seams.requested = new Promise(() => undefined); // /me, then the register: not waited for
    const start = beginPageStart({ detectHost: async () => standaloneHost() });
    expect(await settled(start.underWay)).toBe(true);
  });

  it('does not hold the views back longer than the cap when the network is slow', async () => {
    vi.useFakeTimers();
    seams.config = Promise.resolve(ok);
    seams.graphModule = new Promise(() => undefined);
    seams.requested = new Promise(() => undefined);
    const start = beginPageStart({ detectHost: async () => standaloneHost() });
    let done = false;
    void start.underWay.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(underWayCapMs - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('begins no session for a configuration that did not load, and is under way at once', async () => {
    vi.useFakeTimers();
    seams.config = Promise.resolve({ ok: false, message: 'Configuration error: …' });
    seams.graphModule = new Promise(() => undefined);
    const start = beginPageStart({ detectHost: async () => standaloneHost() });
    expect(await start.first).toBeNull();
    expect(seams.begun).toHaveLength(0);
    expect(await settled(start.underWay)).toBe(true);
  });

  it('reports a host that failed through `host` only (no unhandled rejection), and is under way at once', async () => {
    vi.useFakeTimers();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      seams.config = Promise.resolve(ok);
      seams.graphModule = new Promise(() => undefined);
      const start = beginPageStart({ detectHost: () => Promise.reject(new Error('no host')) });
      await expect(start.host).rejects.toThrow('no host');
      expect(await settled(start.underWay)).toBe(true);
      await vi.advanceTimersByTimeAsync(0);
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
