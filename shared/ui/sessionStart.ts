import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../config/index.ts';
import { coveredMailboxes } from '../domain/index.ts';
import { getMe, lazyClient } from '../graph/index.ts';
import type { GraphError, GraphResult, Me, RestoredMailbox, SyncPersistence, TokenProvider } from '../graph/index.ts';
import { loadGraphModule } from './earlyStart.ts';
import { sessionRegister } from './registerRead.ts';
import { prepareSessionStorage, startMailboxSync } from './mailboxSession.ts';

export type SignedIn = { ok: true; upn: string } | { ok: false; error: GraphError };

export interface SessionStart {
  /** The session's Graph client (the SDK's chunk is fetched alongside; requests wait for it). */
  graph: Client;
  /** Who signed in: the demo persona at once, otherwise from /me. */
  who: Promise<SignedIn>;
  /**
   * Settles once the start-up reads have asked for the first sync round (the register has answered), or
   * ended without one (a failure, a stop).
   */
  requested: Promise<void>;
  /** No sync is started after this (the session was replaced, for example by another demo user). */
  stop(): void;
}

/** How long work that gives way to the start-up waits at most (a slow round must not hold it for ever). */
export const sessionStartCapMs = 3000;

const started = new WeakMap<Client, Promise<void>>();
const profiles = new WeakMap<Client, Promise<GraphResult<Me>>>();

/**
 * The signed-in user's profile (`/me`), read once per session (Graph client) and shared: who signed in
 * (with a real tenant), the demo host and the signature all use it. A failed read is not kept.
 */
export function sessionMe(graph: Client): Promise<GraphResult<Me>> {
  let read = profiles.get(graph);
  if (!read) {
    const started = getMe(graph);
    read = started;
    profiles.set(graph, started);
    void started.then((result) => {
      if (!result.ok && profiles.get(graph) === started) profiles.delete(graph);
    });
  }
  return read;
}

/**
 * Begins a session: its Graph client, who signed in, and what every page reads first — the mailbox
 * register and then the first sync round of the mailboxes the user covers. Started here, not when
 * the views have loaded and rendered, so the first queue waits for the network rather than for the
 * views' code; the views share these reads (`useRegister`, `useMailboxSync`). A demo token is asked
 * for at once too (one request to the emulator), while the SDK's chunk arrives.
 */
export function beginSession(options: {
  config: AppConfig;
  tokens: TokenProvider;
  /** Demo mode: the persona is the user (no /me). */
  persona: string | null;
  persistence: Promise<SyncPersistence | null>;
  isVisible: () => boolean;
}): SessionStart {
  const { config, tokens, persona, persistence, isVisible } = options;
  // The Graph SDK's chunk is fetched alongside (startApp began it), not in the initial JavaScript, and
  // nothing waits for it but the requests themselves: a persisted queue is on screen without it.
  const graph = lazyClient(() =>
    loadGraphModule().then((module) => module.createGraphClient({ baseUrl: config.graph.baseUrl, tokens })),
  );
  // (MSAL is left to the first request: it may have to prompt, and allows one interaction at a time.)
  if (persona) tokens.getToken().catch(() => undefined); // the first request reports a failure
  // In demo mode the user is the persona: no /me before anything can start. With a real tenant, /me
  // says who signed in (the register is matched on that address).
  const who: Promise<SignedIn> = persona
    ? Promise.resolve({ ok: true, upn: persona })
    : sessionMe(graph).then((me) =>
        me.ok ? { ok: true, upn: (me.value.mail ?? me.value.userPrincipalName).toLowerCase() } : me,
      );
  let stopped = false;
  let markRequested = () => undefined as void;
  const requested = new Promise<void>((resolve) => (markRequested = resolve));
  // After /me with a real tenant, not alongside it: the first token may need that prompt.
  const reads = who.then(async (user) => {
    if (stopped || !user.ok) return;
    const storage = withEarlyLoad(persistence, user.upn);
    prepareSessionStorage(graph, storage);
    const register = await sessionRegister(graph, config.register);
    if (stopped || !register.ok) return;
    const covered = coveredMailboxes(register.value.entries, user.upn).map(({ entry }) => entry);
    const round = startMailboxSync(
      { graph, tokens, config, persistence: storage, userPrincipalName: user.upn },
      covered,
      { isVisible },
    );
    markRequested();
    await round;
  });
  started.set(
    graph,
    reads.catch(() => undefined),
  );
  void reads.finally(markRequested).catch(() => undefined);
  return {
    graph,
    who,
    requested,
    stop() {
      stopped = true;
    },
  };
}

/**
 * Resolves when the session's start-up reads have ended (the first sync round, or the register read
 * when it failed), or after `capMs`; at once for a client no session began. For requests the first
 * view does not need (the demo host's message lists, the profile for signatures), which would only
 * slow the start-up's requests down by competing with them.
 */
export function afterSessionStart(graph: Client, capMs = sessionStartCapMs): Promise<void> {
  const start = started.get(graph);
  if (!start) return Promise.resolve();
  return Promise.race([start, new Promise<void>((resolve) => setTimeout(resolve, capMs))]);
}

/**
 * The storage, with the user's persisted snapshot read now rather than when the register has
 * answered: the first sync round then starts as soon as it has, not after a further IndexedDB read.
 * The early read serves the first `load` of that user; later ones read afresh.
 */
function withEarlyLoad(
  persistence: Promise<SyncPersistence | null>,
  user: string,
): Promise<SyncPersistence | null> {
  return persistence.then((storage) => {
    if (!storage) return null;
    let early: Promise<RestoredMailbox[]> | null = storage.load(user);
    early.catch(() => undefined); // the store reads a failure as "nothing kept"
    return {
      ...storage,
      load(who) {
        const saved = early && who.toLowerCase() === user.toLowerCase() ? early : storage.load(who);
        early = null;
        return saved;
      },
    };
  });
}
