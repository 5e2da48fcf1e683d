import { http } from 'msw';
import type { RequestHandler } from 'msw';
import { injectFaults } from './faults/faultMiddleware.ts';
import type { FaultInjector } from './faults/faultInjector.ts';
import { batchRoutes } from './handlers/batch.ts';
import { demoRoutes } from './handlers/demo.ts';
import { demoChangeRoutes } from './handlers/demoChanges.ts';
import { demoFaultRoutes } from './handlers/demoFaults.ts';
import { deltaRoutes } from './handlers/delta.ts';
import { forwardRoutes } from './handlers/forward.ts';
import { listRoutes } from './handlers/lists.ts';
import { mailFolderRoutes } from './handlers/mailFolders.ts';
import { mailTipsRoutes } from './handlers/mailTips.ts';
import { messageRoutes } from './handlers/messages.ts';
import { scheduleRoutes } from './handlers/schedule.ts';
import { userRoutes } from './handlers/users.ts';
import { requireDemoToken } from './pipeline/auth.ts';
import { copyHeaders, cors, defaultAllowedOrigins, preflightResponse } from './pipeline/cors.ts';
import type { OriginRule } from './pipeline/cors.ts';
import { errorBoundary, runPipeline } from './pipeline/errorBoundary.ts';
import { logRequests } from './pipeline/requestLog.ts';
import type { RequestLog } from './pipeline/requestLog.ts';
import { errors, graphError } from './pipeline/respond.ts';
import { locate, matchRoute, parseMount } from './pipeline/router.ts';
import type { BatchPart, GraphContext, Middleware, RouteDefinition } from './pipeline/types.ts';
import type { Tenant } from './tenant.ts';

/**
 * Every route the emulator answers, by resource family. Order matters where paths overlap:
 * `…/messages/delta` comes before `…/messages/{messageId}`.
 */
export const graphRoutes: readonly RouteDefinition[] = [
  ...userRoutes,
  ...mailFolderRoutes,
  ...deltaRoutes,
  ...forwardRoutes,
  ...messageRoutes,
  ...mailTipsRoutes,
  ...scheduleRoutes,
  ...listRoutes,
  ...batchRoutes,
  ...demoRoutes,
  ...demoChangeRoutes,
  ...demoFaultRoutes,
];

export interface GraphHandlerOptions {
  /**
   * Where Graph is mounted. An absolute URL (default `http://localhost:4000/v1.0`) matches that
   * origin only — right for msw's `setupServer`; a path (`/v1.0`) matches any origin — right for a
   * real server reached as localhost, 127.0.0.1 or a LAN name. nextLinks always use the origin the
   * request came to.
   */
  baseUrl?: string;
  /** Origins that get CORS headers. Default: http://localhost:3000 and any localhost/127.0.0.1 port. */
  allowedOrigins?: readonly OriginRule[];
  /**
   * Fault injection (429/503 with Retry-After, latency, expired tokens, delta refusing `$expand`);
   * also reachable at `/demo/faults`. Dropped connections need the HTTP server (`startEmulator`).
   */
  faults?: FaultInjector;
  /** Records every Graph request and `$batch` part; also served at `GET /demo/log`. */
  log?: RequestLog;
  /**
   * Extra pipeline steps, run after CORS, the error boundary, the request log and fault injection
   * and before authentication.
   */
  middleware?: readonly Middleware[];
}

/** What the HTTP server needs to know about a request before msw sees it. */
export interface RequestClassifier {
  /** `service` for Graph requests, `origin` for the demo endpoints, `null` for anything else. */
  scope(url: URL): 'service' | 'origin' | null;
  /** The name of the route a request would reach, or `null`. */
  routeName(method: string, url: URL): string | null;
}

function withRequestIds(context: GraphContext, response: Response): Response {
  const headers = copyHeaders(response);
  headers.set('request-id', context.requestId);
  headers.set('client-request-id', context.clientRequestId ?? context.requestId);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Whether a route's path begins with these segments (to name the first unknown one in errors). */
function matchPrefix(route: RouteDefinition, segments: string[]): boolean {
  const template = route.path
    .split('/')
    .filter((s) => s !== '')
    .slice(0, segments.length);
  return matchRoute({ path: `/${template.join('/')}`, me: false }, segments) !== null;
}

/** The Graph-shaped answer to a request no route takes: 404 (demo), 405 or 400 naming the segment. */
function unmatched(context: GraphContext, raw: string[]): Response {
  // Name unknown segments of `/me/…` against the `/users/{userId}/…` routes.
  const segments = raw[0]?.toLowerCase() === 'me' ? ['users', 'me', ...raw.slice(1)] : raw;
  if (context.scope === 'origin')
    return graphError(context, {
      status: 404,
      code: 'NotFound',
      message: `No demo endpoint at ${context.url.pathname}. Try GET /demo/personas or POST /demo/token.`,
    });
  const sameScope = graphRoutes.filter((r) => (r.scope ?? 'service') === 'service');
  if (sameScope.some((r) => matchRoute(r, segments))) {
    return graphError(context, {
      status: 405,
      code: 'Request_BadRequest',
      message: `The emulator does not support ${context.request.method} on ${context.url.pathname}.`,
    });
  }
  const unknown =
    segments.find((_, i) => !sameScope.some((r) => matchPrefix(r, segments.slice(0, i + 1)))) ??
    segments[0] ??
    '';
  return graphError(context, errors.badRequest(`Resource not found for the segment '${unknown}'.`));
}

/**
 * msw request handlers for a tenant: one per route, plus a preflight handler and a fallback that
 * answers unknown paths under the service root like Graph (400/405) instead of passing them on.
 * Each request runs through the pipeline:
 * CORS → error boundary → request log → faults → `middleware` → auth → route.
 * `$batch` parts run through the same pipeline without CORS (and without added latency).
 */
export function createGraphHandlers(tenant: Tenant, options: GraphHandlerOptions = {}): RequestHandler[] {
  const mount = parseMount(options.baseUrl ?? 'http://localhost:4000/v1.0');
  const origins = options.allowedOrigins ?? defaultAllowedOrigins;
  const faults = options.faults ?? null;
  const log = options.log ?? null;
  const inner: Middleware[] = [
    errorBoundary,
    ...(log ? [logRequests(log)] : []),
    ...(faults ? [injectFaults(faults)] : []),
    ...(options.middleware ?? []),
    requireDemoToken,
  ];
  const outer: Middleware[] = [cors(origins), ...inner];

  const contextFor = (
    request: Request,
    route: RouteDefinition | null,
    params: Record<string, string>,
    scope: 'service' | 'origin',
    batch: BatchPart | null,
  ): GraphContext => {
    const url = new URL(request.url);
    return {
      request,
      url,
      serviceRoot: `${url.origin}${mount.servicePath}`,
      params,
      tenant,
      caller: null,
      // Graph's request ids are GUIDs; `crypto` is global in Node 20 and in browsers.
      requestId: crypto.randomUUID(),
      clientRequestId: request.headers.get('client-request-id'),
      route,
      scope,
      faults,
      log,
      batch,
      dispatch,
    };
  };

  /** The route (and parameters) a request reaches, from the route table in order. */
  const resolve = (method: string, url: URL) => {
    const where = locate(mount, url);
    if (!where) return null;
    for (const route of graphRoutes) {
      if ((route.scope ?? 'service') !== where.scope || route.method !== method.toUpperCase()) continue;
      const params = matchRoute(route, where.segments);
      if (params) return { where, route, params };
    }
    return { where, route: null, params: {} };
  };

  /** Runs a `$batch` part through the route table and the pipeline (no CORS, no latency). */
  async function dispatch(request: Request, batch: BatchPart): Promise<Response> {
    const url = new URL(request.url);
    const found = resolve(request.method, url);
    const scope = found?.where.scope ?? 'service';
    const context = contextFor(request, found?.route ?? null, found?.params ?? {}, scope, batch);
    return runPipeline(context, inner, async () =>
      found?.route ? found.route.handle(context) : unmatched(context, found?.where.segments ?? []),
    );
  }

  const serve = (context: GraphContext, last: () => Response | Promise<Response>) =>
    runPipeline(context, outer, async () => last()).then((response) => withRequestIds(context, response));

  const routeHandlers = graphRoutes.map((route) => {
    const scope = route.scope ?? 'service';
    const predicate = ({ request }: { request: Request }) => {
      const where = locate(mount, new URL(request.url));
      if (!where || where.scope !== scope) return false;
      const params = matchRoute(route, where.segments);
      return params ? { matches: true, params } : false;
    };
    const resolver = ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      const stringParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
      const context = contextFor(request, route, stringParams, scope, null);
      return serve(context, () => route.handle(context));
    };
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    return http[method](predicate, resolver);
  });

  const isOurs = (request: Request) => {
    const where = locate(mount, new URL(request.url));
    if (!where) return null;
    if (where.scope === 'service') return where;
    return where.segments[0]?.toLowerCase() === 'demo' ? where : null;
  };

  const preflight = http.options(
    ({ request }) => isOurs(request) !== null,
    ({ request }) => {
      const where = isOurs(request);
      const context = contextFor(request, null, {}, where?.scope ?? 'service', null);
      return withRequestIds(context, preflightResponse(context, origins));
    },
  );

  const fallback = http.all(
    ({ request }) => isOurs(request) !== null,
    ({ request }) => {
      const where = isOurs(request);
      const context = contextFor(request, null, {}, where?.scope ?? 'service', null);
      return serve(context, () => unmatched(context, where?.segments ?? []));
    },
  );

  return [...routeHandlers, preflight, fallback];
}

/** Tells the HTTP server which requests are Graph requests (for dropped connections and their log). */
export function requestClassifier(baseUrl: string): RequestClassifier {
  const mount = parseMount(baseUrl);
  return {
    scope: (url) => {
      const where = locate(mount, url);
      if (!where) return null;
      if (where.scope === 'service') return 'service';
      return where.segments[0]?.toLowerCase() === 'demo' ? 'origin' : null;
    },
    routeName: (method, url) => {
      const where = locate(mount, url);
      if (!where) return null;
      const route = graphRoutes.find(
        (r) =>
          (r.scope ?? 'service') === where.scope &&
          r.method === method.toUpperCase() &&
          matchRoute(r, where.segments) !== null,
      );
      return route?.name ?? null;
    },
  };
}
