import { http } from 'msw';
import type { RequestHandler } from 'msw';
import { demoRoutes } from './handlers/demo.ts';
import { listRoutes } from './handlers/lists.ts';
import { mailFolderRoutes } from './handlers/mailFolders.ts';
import { messageRoutes } from './handlers/messages.ts';
import { userRoutes } from './handlers/users.ts';
import { requireDemoToken } from './pipeline/auth.ts';
import { copyHeaders, cors, defaultAllowedOrigins, preflightResponse } from './pipeline/cors.ts';
import type { OriginRule } from './pipeline/cors.ts';
import { errorBoundary, runPipeline } from './pipeline/errorBoundary.ts';
import { errors, graphError } from './pipeline/respond.ts';
import { locate, matchRoute, parseMount } from './pipeline/router.ts';
import type { Mount } from './pipeline/router.ts';
import type { GraphContext, Middleware, RouteDefinition } from './pipeline/types.ts';
import type { Tenant } from './tenant.ts';

/** Every route the emulator answers, by resource family. */
export const graphRoutes: readonly RouteDefinition[] = [
  ...userRoutes,
  ...mailFolderRoutes,
  ...messageRoutes,
  ...listRoutes,
  ...demoRoutes,
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
   * Extra pipeline steps, run after CORS and the error boundary and before authentication — the
   * slot for fault injection (429/503 with Retry-After) and request logging.
   */
  middleware?: readonly Middleware[];
}

function contextFor(
  tenant: Tenant,
  mount: Mount,
  request: Request,
  route: RouteDefinition | null,
  params: Record<string, string>,
): GraphContext {
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
  };
}

function withRequestIds(context: GraphContext, response: Response): Response {
  const headers = copyHeaders(response);
  headers.set('request-id', context.requestId);
  headers.set('client-request-id', context.clientRequestId ?? context.requestId);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * msw request handlers for a tenant: one per route, plus a preflight handler and a fallback that
 * answers unknown paths under the service root like Graph (400/405) instead of passing them on.
 * Each request runs through the pipeline: CORS → error boundary → `middleware` → auth → route.
 */
export function createGraphHandlers(tenant: Tenant, options: GraphHandlerOptions = {}): RequestHandler[] {
  const mount = parseMount(options.baseUrl ?? 'http://localhost:4000/v1.0');
  const origins = options.allowedOrigins ?? defaultAllowedOrigins;
  const steps: Middleware[] = [cors(origins), errorBoundary, ...(options.middleware ?? []), requireDemoToken];
  const serve = (context: GraphContext, last: () => Response | Promise<Response>) =>
    runPipeline(context, steps, async () => last()).then((response) => withRequestIds(context, response));

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
      const context = contextFor(tenant, mount, request, route, stringParams);
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
      const context = contextFor(tenant, mount, request, null, {});
      return withRequestIds(context, preflightResponse(context, origins));
    },
  );

  const fallback = http.all(
    ({ request }) => isOurs(request) !== null,
    ({ request }) => {
      const where = isOurs(request);
      const context = contextFor(tenant, mount, request, null, {});
      return serve(context, () => {
        const raw = where?.segments ?? [];
        // Name unknown segments of `/me/…` against the `/users/{userId}/…` routes.
        const segments = raw[0]?.toLowerCase() === 'me' ? ['users', 'me', ...raw.slice(1)] : raw;
        if (where?.scope === 'origin')
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
            message: `The emulator does not support ${request.method} on ${context.url.pathname}.`,
          });
        }
        const unknown =
          segments.find((_, i) => !sameScope.some((r) => matchPrefix(r, segments.slice(0, i + 1)))) ??
          segments[0] ??
          '';
        return graphError(context, errors.badRequest(`Resource not found for the segment '${unknown}'.`));
      });
    },
  );

  return [...routeHandlers, preflight, fallback];
}

/** Whether a route's path begins with these segments (to name the first unknown one in errors). */
function matchPrefix(route: RouteDefinition, segments: string[]): boolean {
  const template = route.path
    .split('/')
    .filter((s) => s !== '')
    .slice(0, segments.length);
  return matchRoute({ path: `/${template.join('/')}`, me: false }, segments) !== null;
}
