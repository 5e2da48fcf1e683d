import type { HostAdapter } from '../host/index.ts';
import { loadGraphModule, syncPersistence } from './earlyStart.ts';
import { beginFirstSession } from './firstSession.ts';
import type { FirstSession } from './firstSession.ts';
import { loadConfig } from './loadConfig.ts';
import { mark } from './mark.ts';
import type { ConfigLoad } from './loadConfig.ts';

/** What a page starts before any of its views' code (React, Fluent UI, the views) has been evaluated. */
export interface PageStart {
  host: Promise<HostAdapter>;
  config: Promise<ConfigLoad>;
  /** The first session, begun as soon as host and configuration are known; null when the configuration did not load. */
  first: Promise<FirstSession | null>;
  /**
   * Settles once the session's start-up requests are out: for a demo persona, once the register has
   * answered and the first sync round is asked for; with a real tenant (whose first token may need a
   * prompt), once the Graph SDK's chunk is here. At the latest after `capMs`, and at once when the start
   * failed. The task pane evaluates its views' code after it: that long task would otherwise hold the
   * responses those requests wait for.
   */
  underWay: Promise<void>;
}

/** The longest `underWay` waits: the views' code is not held back for a slow network. */
export const underWayCapMs = 250;

/**
 * Begins a page's start (addin/taskpaneStart.ts, teams-app/tabEntry.tsx): the configuration (which the
 * page's head script has already requested), the host, the Graph SDK's chunk, the IndexedDB store and,
 * once host and configuration are known, the first session: its token, the mailbox register and the
 * first sync round. Nothing here imports React, so on a cold start those requests are on the network
 * while the views' code is evaluated and rendered (`startApp` takes this over).
 */
export function beginPageStart({
  detectHost,
  configUrl = '/config.json',
  capMs = underWayCapMs,
}: {
  detectHost: () => Promise<HostAdapter>;
  /** Where the organisation's configuration is deployed; the app's own origin by default. */
  configUrl?: string;
  capMs?: number;
}): PageStart {
  mark('start');
  const config = loadConfig(configUrl);
  // Fetched and opened now, while the host and configuration are worked out: the first requests need them.
  const graphModule = loadGraphModule();
  graphModule.catch(() => undefined); // AppRoot reports a failure (and retries)
  void syncPersistence();
  const host = detectHost();
  const first = Promise.all([config, host]).then(([loaded, found]) => {
    mark('begin');
    return loaded.ok ? beginFirstSession(loaded.config, found) : null;
  });
  first.catch(() => undefined); // a host that failed is reported by `startApp`, through `host`
  const ready = first.then((session): Promise<unknown> | undefined => {
    if (!session?.started) return;
    // A demo persona's chain (token, register, round) needs no one; MSAL's first token may need a prompt.
    return session.persona ? session.started.requested : graphModule;
  });
  const underWay = Promise.race([
    ready.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, capMs)),
  ]);
  return { host, config, first, underWay };
}
