import { errors, fail, graphError, graphJsonContentType, json, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { GraphContext, HttpMethod, RouteDefinition } from '../pipeline/types.ts';
import { readJsonObject } from './resolve.ts';

/**
 * JSON batching (`POST /$batch`), as Graph documents it: up to 20 requests, each run through the
 * same routes and pipeline as a request of its own — authentication (the batch's `Authorization`
 * unless the part sends its own), fault injection (a part can be throttled on its own, with its own
 * `Retry-After`) and the request log (`viaBatch`). `dependsOn` orders parts; a part whose
 * dependency failed answers 424. The envelope is 200 even when parts fail, and responses come back
 * in another order than the requests (a seeded shuffle, or adjacent pairs swapped).
 */

export const batchLimit = 20;

const methods: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

interface BatchRequestPart {
  id: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface BatchResponsePart {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function parseParts(body: Record<string, unknown>): Outcome<BatchRequestPart[]> {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0)
    return fail(
      errors.badRequest(
        'A batch needs {"requests": [{"id", "method", "url"}, …]} with at least one request.',
      ),
    );
  if (requests.length > batchLimit)
    return fail(
      errors.badRequest(
        `Number of requests inside batch exceeds the limit of ${batchLimit} (got ${requests.length}). Split it into batches of at most ${batchLimit}.`,
      ),
    );
  const parts: BatchRequestPart[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of requests.entries()) {
    const part = raw as Record<string, unknown> | null;
    const where = `requests[${index}]`;
    if (typeof part !== 'object' || part === null || Array.isArray(part))
      return fail(errors.badRequest(`${where} must be an object with id, method and url.`));
    if (typeof part.id !== 'string' || part.id.trim() === '')
      return fail(errors.badRequest(`${where}.id is required and must be a string.`));
    const key = part.id.toLowerCase();
    if (seen.has(key))
      return fail(errors.badRequest(`Batch request ids must be unique; '${part.id}' is repeated.`));
    seen.add(key);
    const method = typeof part.method === 'string' ? part.method.toUpperCase() : '';
    if (!(methods as readonly string[]).includes(method))
      return fail(errors.badRequest(`${where}.method must be one of ${methods.join(', ')}.`));
    if (typeof part.url !== 'string' || part.url.trim() === '')
      return fail(
        errors.badRequest(`${where}.url is required: a URL relative to the service root, e.g. "/me".`),
      );
    if (/^[a-z][a-z0-9+.-]*:/i.test(part.url))
      return fail(
        errors.badRequest(
          `${where}.url must be relative to the service root (e.g. "/me/messages"), not absolute.`,
        ),
      );
    const headers: Record<string, string> = {};
    if (part.headers !== undefined) {
      if (typeof part.headers !== 'object' || part.headers === null || Array.isArray(part.headers))
        return fail(errors.badRequest(`${where}.headers must be an object of header names and values.`));
      for (const [name, value] of Object.entries(part.headers)) {
        if (typeof value !== 'string' && typeof value !== 'number')
          return fail(errors.badRequest(`${where}.headers.${name} must be a string.`));
        headers[name] = String(value);
      }
    }
    if (part.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      return fail(
        errors.badRequest(
          `${where} has a body but no Content-Type header; add "headers": {"Content-Type": "application/json"}.`,
        ),
      );
    let dependsOn: string[] = [];
    if (part.dependsOn !== undefined) {
      if (!Array.isArray(part.dependsOn) || !part.dependsOn.every((d) => typeof d === 'string'))
        return fail(errors.badRequest(`${where}.dependsOn must be an array of request ids.`));
      dependsOn = part.dependsOn as string[];
    }
    parts.push({
      id: part.id,
      method: method as HttpMethod,
      url: part.url,
      headers,
      body: part.body,
      dependsOn,
    });
  }
  for (const part of parts) {
    for (const dependency of part.dependsOn) {
      if (!seen.has(dependency.toLowerCase()))
        return fail(
          errors.badRequest(`Request '${part.id}' depends on '${dependency}', which is not in the batch.`),
        );
    }
  }
  return ok(parts);
}

/** The parts in an order that runs every dependency first (input order otherwise); `null` on a cycle. */
function executionOrder(parts: BatchRequestPart[]): BatchRequestPart[] | null {
  const done = new Set<string>();
  const order: BatchRequestPart[] = [];
  while (order.length < parts.length) {
    const next = parts.find(
      (p) => !done.has(p.id.toLowerCase()) && p.dependsOn.every((d) => done.has(d.toLowerCase())),
    );
    if (!next) return null;
    done.add(next.id.toLowerCase());
    order.push(next);
  }
  return order;
}

const headerCasing: Record<string, string> = {
  etag: 'ETag',
  'www-authenticate': 'WWW-Authenticate',
  'odata-version': 'OData-Version',
};

/**
 * Headers a part's response reports, in their usual casing (`Retry-After`, `ETag`,
 * `Preference-Applied`); Graph leaves the transport ids to the envelope.
 */
function partHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name === 'request-id' || name === 'client-request-id') return;
    const canonical =
      headerCasing[name] ??
      name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
    headers[canonical] = value;
  });
  return headers;
}

async function runPart(
  context: GraphContext,
  part: BatchRequestPart,
  results: Map<string, BatchResponsePart>,
): Promise<BatchResponsePart> {
  const failed = part.dependsOn.find((d) => {
    const status = results.get(d.toLowerCase())?.status ?? 0;
    return status < 200 || status >= 300;
  });
  if (failed !== undefined) {
    return {
      id: part.id,
      status: 424,
      headers: { 'Content-Type': graphJsonContentType },
      body: {
        error: {
          code: 'FailedDependency',
          message: `The request was not run: it depends on request '${failed}', which failed.`,
        },
      },
    };
  }
  const relative = part.url.replace(/^\/+/, '');
  if (/^\$batch(\/|\?|$)/i.test(relative)) {
    return {
      id: part.id,
      status: 400,
      headers: { 'Content-Type': graphJsonContentType },
      body: { error: { code: 'BadRequest', message: 'A batch cannot contain another $batch request.' } },
    };
  }
  let headers: Headers;
  try {
    headers = new Headers(part.headers);
  } catch {
    return {
      id: part.id,
      status: 400,
      headers: { 'Content-Type': graphJsonContentType },
      body: {
        error: { code: 'BadRequest', message: `Request '${part.id}' has a header that is not valid HTTP.` },
      },
    };
  }
  const authorization = context.request.headers.get('Authorization');
  if (!headers.has('Authorization') && authorization) headers.set('Authorization', authorization);
  const body =
    part.body === undefined || part.method === 'GET'
      ? undefined
      : typeof part.body === 'string'
        ? part.body
        : JSON.stringify(part.body);
  const request = new Request(`${context.serviceRoot}/${relative}`, { method: part.method, headers, body });
  const response = await context.dispatch(request, { batchRequestId: context.requestId, partId: part.id });
  const text = await response.text();
  const result: BatchResponsePart = { id: part.id, status: response.status, headers: partHeaders(response) };
  if (text !== '') {
    try {
      result.body = JSON.parse(text) as unknown;
    } catch {
      result.body = text;
    }
  }
  return result;
}

async function batch(context: GraphContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  if (!body.ok) return graphError(context, body.error);
  const parts = parseParts(body.value);
  if (!parts.ok) return graphError(context, parts.error);
  const order = executionOrder(parts.value);
  if (!order)
    return graphError(context, errors.badRequest('The dependsOn of the batch requests form a cycle.'));
  const results = new Map<string, BatchResponsePart>();
  // One at a time, in dependency order: deterministic under seeded fault injection.
  for (const part of order) results.set(part.id.toLowerCase(), await runPart(context, part, results));
  const inRequestOrder = parts.value.map((p) => results.get(p.id.toLowerCase()) as BatchResponsePart);
  const permutation = context.faults?.batchOrder(inRequestOrder.length) ?? pairSwap(inRequestOrder.length);
  return json({ responses: permutation.map((i) => inRequestOrder[i]) });
}

function pairSwap(count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = 0; i + 1 < count; i += 2) [order[i], order[i + 1]] = [i + 1, i];
  return order;
}

export const batchRoutes: RouteDefinition[] = [
  { name: 'batch', method: 'POST', path: '/$batch', handle: batch },
];
