import type { AppConfig } from '../config/index.ts';
import { DemoTokenProvider, fetchDemoPersonas, lazyMsalTokenProvider } from '../graph/index.ts';
import type { DemoPersona, TokenProvider } from '../graph/index.ts';
import type { HostAdapter } from '../host/index.ts';
import { syncPersistence } from './earlyStart.ts';
import { beginSession } from './sessionStart.ts';

// Who a page's session is for and its first reads, begun before any React code has run (pageStart.ts);
// AppRoot takes the session over. No React here: this runs while the views' code is still to be evaluated.

/** The sessionStorage key of the demo persona chosen in this browser session. */
export const personaKey = 'brevladevakten.demoPersona';

/** The session a page begins before React renders anything: its user, tokens and start-up reads. */
export interface FirstSession {
  persona: string | null;
  tokens: TokenProvider | null;
  started: ReturnType<typeof beginSession> | null;
  /** The demo's users (for the persona chooser); null with a real tenant. */
  personas: Promise<DemoPersona[]> | null;
}

const wantedPersona = (host: HostAdapter) =>
  new URLSearchParams(globalThis.location?.search ?? '').get('as') ?? host.session.getItem(personaKey);

/** The demo persona a page starts as: `?as=`, or the one chosen earlier in this browser session. */
export const startingPersona = (config: AppConfig, host: HostAdapter) =>
  config.auth.mode === 'demo' ? (wantedPersona(host)?.toLowerCase() ?? null) : null;

/** The user's token provider: the emulator's for a demo persona (none before one is chosen), else MSAL. */
export function tokenProvider(config: AppConfig, host: HostAdapter, persona: string | null): TokenProvider | null {
  if (config.auth.mode === 'demo') return persona ? new DemoTokenProvider(config.graph.baseUrl, persona) : null;
  return lazyMsalTokenProvider({
    clientId: config.auth.clientId,
    tenantId: config.auth.tenantId,
    redirectUri: `${host.origin}/auth-redirect.html`,
  });
}

/** Begins a session for this user and token provider (see `beginSession`). */
export function beginUserSession(config: AppConfig, host: HostAdapter, persona: string | null, tokens: TokenProvider) {
  return beginSession({
    config,
    tokens,
    persona: config.auth.mode === 'demo' ? persona : null,
    persistence: syncPersistence(),
    isVisible: host.isVisible,
  });
}

/**
 * Begins the first session before React renders anything (pageStart.ts calls it): the token, the
 * register and the first sync round then go out at once rather than after the views' code has been
 * evaluated and rendered, which on a cold start takes a while. AppRoot takes it over.
 */
export function beginFirstSession(config: AppConfig, host: HostAdapter): FirstSession {
  const persona = startingPersona(config, host);
  const tokens = tokenProvider(config, host, persona);
  const started = tokens ? beginUserSession(config, host, persona, tokens) : null;
  // The demo's users: once the start-up's own requests are out (the chooser is not what the first queue
  // waits for), or at once when no user is named yet (the first one listed is then the user).
  const personas =
    config.auth.mode === 'demo'
      ? (started?.requested ?? Promise.resolve()).then(() => fetchDemoPersonas(config.graph.baseUrl))
      : null;
  personas?.catch(() => undefined); // AppRoot reports a failure
  return { persona, tokens, started, personas };
}
