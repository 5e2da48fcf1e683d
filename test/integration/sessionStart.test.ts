import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import rawConfig from '../../config.json' with { type: 'json' };
import { startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';
import { parseAppConfig } from '../../shared/config/index.ts';
import type { AppConfig } from '../../shared/config/index.ts';
import { coveredMailboxes } from '../../shared/domain/index.ts';
import { DemoTokenProvider } from '../../shared/graph/index.ts';
import type { RestoredMailbox, SyncPersistence } from '../../shared/graph/index.ts';
import { sessionRegister } from '../../shared/ui/registerRead.ts';
import { afterSessionStart, beginSession } from '../../shared/ui/sessionStart.ts';
import { sessionMailboxSync } from '../../shared/ui/mailboxSession.ts';

const upn = 'elin.berg@sjoby.example';
let emulator: RunningEmulator;
let config: AppConfig;
const fetched: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 1, now: '2026-11-17T10:30:00+01:00' });
  const parsed = parseAppConfig({ ...rawConfig, graph: { ...rawConfig.graph, baseUrl: emulator.url } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  config = parsed.value;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return realFetch(input, init);
  });
});
beforeEach(() => {
  fetched.length = 0;
  emulator.log.clear();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await emulator?.close();
});

/** An in-memory storage that counts its reads. */
function memoryPersistence() {
  const loads: string[] = [];
  const persistence: SyncPersistence = {
    load: async (user) => {
      loads.push(user);
      return [] as RestoredMailbox[];
    },
    save: async () => undefined,
    close: () => undefined,
  };
  return { persistence, loads };
}

/** A session for the demo user, as AppRoot begins it. */
function begin({ visible = true, tokens = new DemoTokenProvider(emulator.url, upn) } = {}) {
  const { persistence, loads } = memoryPersistence();
  const session = beginSession({
    config,
    tokens,
    persona: upn,
    persistence: Promise.resolve(persistence),
    isVisible: () => visible,
  });
  return { session, tokens, persistence, loads };
}

const count = (pattern: RegExp) => emulator.log.entries().filter((entry) => pattern.test(entry.url)).length;

describe('a session’s start-up reads', () => {
  it('asks for a demo token once, at once, however many requests need it', async () => {
    const tokens = new DemoTokenProvider(emulator.url, upn);
    const getToken = vi.spyOn(tokens, 'getToken');
    const { session } = begin({ tokens });
    // Asked before any request was sent, not when the first one needed it.
    expect(getToken).toHaveBeenCalledTimes(1);
    await afterSessionStart(session.graph, 20_000);
    expect(fetched.filter((url) => url.endsWith('/demo/token'))).toHaveLength(1);
    session.stop();
  });

  it('says when the first sync round is asked for: after the register answered, before the round ends', async () => {
    const { session } = begin();
    let ended = false;
    void afterSessionStart(session.graph, 20_000).then(() => (ended = true));
    await session.requested;
    expect(fetched.some((url) => url.includes('/lists/'))).toBe(true); // the register was read
    expect(ended).toBe(false);
    await afterSessionStart(session.graph, 20_000);
    expect(fetched.some((url) => url.endsWith('/$batch'))).toBe(true);
    session.stop();
  });

  it('says so too when the start-up reads end without a round (the register failed)', async () => {
    const { session } = begin({ tokens: { getToken: () => Promise.reject(new Error('no token')) } as never });
    await session.requested; // settles rather than hangs
    expect(fetched.some((url) => url.endsWith('/$batch'))).toBe(false);
    session.stop();
  });

  it('reads the register once for the session and every view that shows it', async () => {
    const { session } = begin();
    // The task pane and the demo host around it both show the register.
    const [pane, host] = await Promise.all([
      sessionRegister(session.graph, config.register),
      sessionRegister(session.graph, config.register),
    ]);
    expect(pane).toBe(host);
    await afterSessionStart(session.graph, 20_000);
    expect(count(/\/lists\/[^/]+\/items/)).toBe(1);
    session.stop();
  });

  async function oneRound(viewFirst: boolean, viewAfterRound = false) {
    const { session, tokens, persistence, loads } = begin();
    // The view renders once the register is in (after the session has begun the round), or earlier,
    // from a register it cached (before the session could).
    if (!viewFirst) await session.who;
    if (viewAfterRound) await afterSessionStart(session.graph, 20_000);
    const register = await sessionRegister(session.graph, config.register);
    if (!register.ok) throw new Error(register.error.message);
    const covered = coveredMailboxes(register.value.entries, upn).map(({ entry }) => entry);
    expect(covered.length).toBeGreaterThan(0);
    // What `useMailboxSync` does when the view renders.
    const view = sessionMailboxSync(
      { graph: session.graph, tokens, config, persistence, userPrincipalName: upn },
      covered,
    );
    const state = await view.refresh();
    await afterSessionStart(session.graph, 20_000);
    expect(state.lastUpdated).not.toBeNull();
    expect(state.mailboxes.map((m) => m.address)).toEqual(covered.map((entry) => entry.address));
    // One delta request per mailbox: one round, not the session's and the view's.
    expect(count(/\/messages\/delta/)).toBe(covered.length);
    // The persisted snapshot was read once, while the register loaded.
    expect(loads).toEqual([upn]);
    // A later refresh is a new round.
    await view.refresh();
    expect(count(/\/messages\/delta/)).toBe(2 * covered.length);
    session.stop();
  }

  it('begins the first sync round of the covered mailboxes, which the view then joins instead of starting another', () =>
    oneRound(false));

  it('counts a round that ended before the view rendered as the view’s first refresh', () =>
    oneRound(false, true));

  it('leaves the round to a view that rendered first, from a cached register', () => oneRound(true));

  it('waits, after start-up, for the round of a view that rendered from a cached register', async () => {
    // The register as the pane cached it on an earlier start (read through a session stopped at once).
    const earlier = begin();
    earlier.session.stop();
    const cached = await sessionRegister(earlier.session.graph, config.register);
    if (!cached.ok) throw new Error(cached.error.message);
    const covered = coveredMailboxes(cached.value.entries, upn).map(({ entry }) => entry);
    await afterSessionStart(earlier.session.graph, 20_000);
    emulator.log.clear();

    const { session, tokens, persistence } = begin();
    // The pane renders from the cached register before the session's read answers, and refreshes.
    const view = sessionMailboxSync({ graph: session.graph, tokens, config, persistence, userPrincipalName: upn }, covered);
    let viewRoundDone = false;
    void view.refresh().then(() => (viewRoundDone = true));
    await afterSessionStart(session.graph, 20_000);
    expect(viewRoundDone).toBe(true);
    // …and that one round was the start-up's: no second one for the session.
    expect(count(/\/messages\/delta/)).toBe(covered.length);
    session.stop();
  });

  it('starts no sync for a session stopped before the register answered', async () => {
    const { session } = begin();
    session.stop();
    await afterSessionStart(session.graph, 20_000);
    expect(count(/\/messages\/delta/)).toBe(0);
  });

  it('starts no round while the page is hidden, but shows the persisted snapshot', async () => {
    const { session, loads } = begin({ visible: false });
    await afterSessionStart(session.graph, 20_000);
    expect(count(/\/messages\/delta/)).toBe(0);
    expect(loads).toEqual([upn]);
    session.stop();
  });
});
