import { HttpResponse } from 'msw';
import type { GraphContext, Middleware } from './types.ts';

export type OriginRule = string | RegExp;

/** The app's dev server, and any localhost port over http or https (Office add-ins need https). */
export const defaultAllowedOrigins: OriginRule[] = [
  'http://localhost:3000',
  /^https?:\/\/localhost(:\d+)?$/,
  /^https?:\/\/127\.0\.0\.1(:\d+)?$/,
];

const allowHeaders = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Prefer',
  'client-request-id',
  'SdkVersion',
  'ConsistencyLevel',
  'return-client-request-id',
];
const exposeHeaders = [
  'ETag',
  'Retry-After',
  'request-id',
  'client-request-id',
  'Preference-Applied',
  'Location',
];

function isAllowed(origin: string, rules: readonly OriginRule[]): boolean {
  return rules.some((rule) => (typeof rule === 'string' ? rule === origin : rule.test(origin)));
}

/**
 * The headers of a response as a new `Headers`. Copied one by one: `new Headers(other.headers)`
 * silently drops everything when the response comes from another realm (a test's own `Response`).
 */
export function copyHeaders(response: Response): Headers {
  const headers = new Headers();
  response.headers.forEach((value, name) => headers.append(name, value));
  return headers;
}

/** A copy of `response` with more headers (a response's own headers may be immutable). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = copyHeaders(response);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new HttpResponse(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}

function corsHeaders(context: GraphContext, rules: readonly OriginRule[]): Record<string, string> {
  const origin = context.request.headers.get('Origin');
  if (!origin || !isAllowed(origin, rules)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': exposeHeaders.join(', '),
    Vary: 'Origin',
  };
}

/** Adds CORS headers for allowed origins; requests without `Origin` (curl, Node) pass unchanged. */
export function cors(rules: readonly OriginRule[]): Middleware {
  return async (context, next) => {
    const response = await next();
    return withHeaders(response, corsHeaders(context, rules));
  };
}

/** The answer to a preflight `OPTIONS`: 204, with the allowed methods and headers for allowed origins. */
export function preflightResponse(context: GraphContext, rules: readonly OriginRule[]): Response {
  const headers = corsHeaders(context, rules);
  if (headers['Access-Control-Allow-Origin']) {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, PATCH, PUT, DELETE, OPTIONS';
    headers['Access-Control-Allow-Headers'] = allowHeaders.join(', ');
    headers['Access-Control-Max-Age'] = '600';
  }
  return new HttpResponse(null, { status: 204, headers });
}
