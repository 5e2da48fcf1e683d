import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from '@mswjs/http-middleware';
import { http } from 'msw';
import { createGraphHandlers, requestClassifier } from './createHandlers.ts';
import type { GraphHandlerOptions } from './createHandlers.ts';
import { createDemoTenant } from './demo/createDemoTenant.ts';
import type { DemoTenantOptions } from './demo/createDemoTenant.ts';
import { FaultInjector, parseFaultSpec } from './faults/faultInjector.ts';
import type { FaultSettingsInput } from './faults/faultInjector.ts';
import { RequestLog, readableUrl } from './pipeline/requestLog.ts';
import { json } from './pipeline/respond.ts';
import type { Tenant } from './tenant.ts';
import { toGraphInstant } from './time.ts';

export interface StartEmulatorOptions extends Omit<GraphHandlerOptions, 'baseUrl' | 'faults' | 'log'> {
  /**
   * Fault injection: an injector to share, or settings for a new one (`{ throttleRate: 0.2, seed: 1 }`).
   * Either way the running emulator exposes it as `faults`. Without this option the settings come
   * from the environment variable `GRAPH_FAULTS` (`throttle=0.2,latency=150,…`), if set — so
   * `npm start` and `npm run emulator` can run the demo with faults.
   */
  faults?: FaultInjector | FaultSettingsInput;
  /** The request log to record into. Default: a new one, exposed as `log`. */
  log?: RequestLog;
  /** 0 picks a free port; the running emulator reports the one it got. Default 4000. */
  port?: number;
  /**
   * Interface to listen on. Default: loopback only, on both 127.0.0.1 and ::1, so `localhost`
   * works whichever address a client resolves it to. `0.0.0.0` for a container.
   */
  host?: string;
  /** Demo seed (default 1), ignored when `tenant` is given. */
  seed?: number;
  /** The demo's `now` (ISO 8601). Default: the current time. */
  now?: string;
  /** Passed to `createDemoTenant`. */
  calendar?: DemoTenantOptions['calendar'];
  register?: DemoTenantOptions['register'];
  handledCategories?: DemoTenantOptions['handledCategories'];
  /** Serve this tenant instead of the demo municipality. */
  tenant?: Tenant;
  /** The tenant clock. Default: starts at `now` and runs with real time. */
  clock?: () => string;
}

export interface RunningEmulator {
  /** The Graph base URL, e.g. `http://localhost:4000/v1.0`. */
  url: string;
  /** The origin, for the demo endpoints (`/demo/token`, `/demo/personas`). */
  origin: string;
  port: number;
  tenant: Tenant;
  /** Fault injection: `faults.set({ throttleRate: 0.2, seed: 1 })`, `faults.clear()`, `faults.expireTokens()`. */
  faults: FaultInjector;
  /** Every Graph request and `$batch` part answered: `log.entries()`, `log.clear()`. */
  log: RequestLog;
  close(): Promise<void>;
}

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

function listen(listener: Listener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createHttpServer(listener);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
    server.listen(port, host);
  });
}

/**
 * Drops a share of Graph requests (fault injection's `dropRate`) by destroying the socket before
 * msw sees them: the client gets a connection reset and no answer. The demo endpoints and CORS
 * preflights are never dropped.
 */
function dropConnections(app: Listener, faults: FaultInjector, log: RequestLog): Listener {
  const classify = requestClassifier('/v1.0');
  return (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'OPTIONS' && faults.settings.dropRate > 0) {
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
      if (classify.scope(url) === 'service' && faults.shouldDrop()) {
        const prefer = request.headers.prefer;
        const ifMatch = request.headers['if-match'];
        log.record({
          at: Date.now(),
          method,
          url: readableUrl(url),
          route: classify.routeName(method, url),
          status: 0,
          viaBatch: false,
          responseBytes: 0,
          requestHeaders: {
            ...(typeof prefer === 'string' ? { prefer } : {}),
            ...(typeof ifMatch === 'string' ? { ifMatch } : {}),
          },
          fault: 'drop',
        });
        request.socket.destroy();
        return;
      }
    }
    app(request, response);
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A clock that starts at `now` and advances with real time (so a demo at a fixed DEMO_NOW still moves). */
function runningClockFrom(now: string): () => string {
  const offset = Date.parse(now) - Date.now();
  return () => toGraphInstant(Date.now() + offset);
}

/**
 * Starts the Graph emulator as a real HTTP server, in-process: what tests, the e2e harness and the
 * CLI use. Resolves once it listens.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? toGraphInstant(Date.now());
  const clock = options.clock ?? runningClockFrom(now);
  const tenant =
    options.tenant ??
    createDemoTenant({
      seed: options.seed ?? 1,
      now,
      clock,
      ...(options.calendar ? { calendar: options.calendar } : {}),
      ...(options.register ? { register: options.register } : {}),
      ...(options.handledCategories ? { handledCategories: options.handledCategories } : {}),
    });
  const faults =
    options.faults instanceof FaultInjector
      ? options.faults
      : new FaultInjector(
          options.faults ?? (process.env.GRAPH_FAULTS ? parseFaultSpec(process.env.GRAPH_FAULTS) : {}),
        );
  const log = options.log ?? new RequestLog();
  const handlers = createGraphHandlers(tenant, { ...options, baseUrl: '/v1.0', faults, log });
  const notFound = http.all('*', ({ request }) =>
    json(
      {
        error: {
          code: 'NotFound',
          message: `Nothing at ${new URL(request.url).pathname}. Graph is under /v1.0; demo sign-in under /demo/personas and /demo/token.`,
        },
      },
      { status: 404 },
    ),
  );
  const about = http.get('/', ({ request }) => {
    const origin = new URL(request.url).origin;
    return json({
      name: 'Brevlådevakten Graph emulator',
      graph: `${origin}/v1.0`,
      personas: `${origin}/demo/personas`,
      token: `${origin}/demo/token`,
      changes: `${origin}/demo/changes`,
      simulate: `${origin}/demo/simulate`,
      faults: `${origin}/demo/faults`,
      log: `${origin}/demo/log`,
    });
  });
  const app = createServer(...handlers, about, notFound);
  app.disable('x-powered-by');
  const listener = dropConnections(app as unknown as Listener, faults, log);

  const servers: Server[] = [];
  if (options.host) {
    servers.push(await listen(listener, options.port ?? 4000, options.host));
  } else {
    servers.push(await listen(listener, options.port ?? 4000, '127.0.0.1'));
    const port = (servers[0]?.address() as AddressInfo).port;
    // Also ::1, where Node and browsers may resolve `localhost` first. No IPv6: fine, skip it.
    await listen(listener, port, '::1').then(
      (s) => servers.push(s),
      () => undefined,
    );
  }
  const port = (servers[0]?.address() as AddressInfo).port;
  const hostName =
    !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const origin = `http://${hostName.includes(':') ? `[${hostName}]` : hostName}:${port}`;
  return {
    url: `${origin}/v1.0`,
    origin,
    port,
    tenant,
    faults,
    log,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
