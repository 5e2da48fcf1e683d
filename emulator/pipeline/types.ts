import type { FaultInjector } from '../faults/faultInjector.ts';
import type { Tenant } from '../tenant.ts';
import type { UserState } from '../model/types.ts';
import type { RequestLog } from './requestLog.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Everything a step of the request pipeline and a route handler can see. */
export interface GraphContext {
  request: Request;
  url: URL;
  /** The service root as this request reached it, e.g. `http://127.0.0.1:4000/v1.0`: for nextLinks. */
  serviceRoot: string;
  /** Path parameters, decoded. `viaMe` is `'1'` when the request addressed `/me`. */
  params: Record<string, string>;
  tenant: Tenant;
  /** The signed-in user; set by the auth step, `null` before it and on anonymous routes. */
  caller: UserState | null;
  requestId: string;
  clientRequestId: string | null;
  /** The route that matched, or `null` for the fallback (unknown path, preflight). */
  route: RouteDefinition | null;
  /** `service` (under the service root) or `origin` (the demo endpoints beside it). */
  scope: 'service' | 'origin';
  /** Fault injection, when the handlers were created with it. */
  faults: FaultInjector | null;
  /** The request log, when the handlers were created with one. */
  log: RequestLog | null;
  /** Set for a part of a `$batch` request: the batch's request id and the part's id. */
  batch: BatchPart | null;
  /**
   * Runs a request (a `$batch` part) through the same routes and pipeline (minus CORS and
   * latency) and returns its response.
   */
  dispatch: (request: Request, batch: BatchPart) => Promise<Response>;
}

export interface BatchPart {
  batchRequestId: string;
  partId: string;
}

export type RouteHandler = (context: GraphContext) => Response | Promise<Response>;

/**
 * A step wrapped around every request (auth, CORS, fault injection, logging …): it may answer
 * itself or call `next()` and change the response.
 */
export type Middleware = (context: GraphContext, next: () => Promise<Response>) => Promise<Response>;

export interface RouteDefinition {
  /** A stable name, e.g. `messages.list`: request logs and the oracle test key on it. */
  name: string;
  method: HttpMethod;
  /** Relative to the service root (`/users/{userId}/messages/{messageId}`) or to the origin when `scope` is `origin`. */
  path: string;
  /** `/users/{userId}/…` routes also answer at `/me/…` (default true for such paths). */
  me?: boolean;
  /** `service` (under `/v1.0`, needs a token) or `origin` (the demo endpoints, anonymous). */
  scope?: 'service' | 'origin';
  handle: RouteHandler;
}
