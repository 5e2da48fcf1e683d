import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer } from '@mswjs/http-middleware';
import { http } from 'msw';
import { createGraphHandlers } from './createHandlers.ts';
import type { GraphHandlerOptions } from './createHandlers.ts';
import { createDemoTenant } from './demo/createDemoTenant.ts';
import type { DemoTenantOptions } from './demo/createDemoTenant.ts';
import { json } from './pipeline/respond.ts';
import type { Tenant } from './tenant.ts';
import { toGraphInstant } from './time.ts';

export interface StartEmulatorOptions extends Omit<GraphHandlerOptions, 'baseUrl'> {
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
  close(): Promise<void>;
}

function listen(app: ReturnType<typeof createServer>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
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
  const handlers = createGraphHandlers(tenant, { ...options, baseUrl: '/v1.0' });
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
    });
  });
  const app = createServer(...handlers, about, notFound);
  app.disable('x-powered-by');

  const servers: Server[] = [];
  if (options.host) {
    servers.push(await listen(app, options.port ?? 4000, options.host));
  } else {
    servers.push(await listen(app, options.port ?? 4000, '127.0.0.1'));
    const port = (servers[0]?.address() as AddressInfo).port;
    // Also ::1, where Node and browsers may resolve `localhost` first. No IPv6: fine, skip it.
    await listen(app, port, '::1').then(
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
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
