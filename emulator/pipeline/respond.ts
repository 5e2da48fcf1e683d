import { HttpResponse } from 'msw';
import type { GraphContext } from './types.ts';

/** The content type Graph answers JSON with. */
export const graphJsonContentType =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new HttpResponse(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': graphJsonContentType, ...init.headers },
  });
}

export interface GraphErrorBody {
  status: number;
  code: string;
  message: string;
}

/** A Graph error: `{"error":{"code","message","innerError":{…}}}` with the request ids. */
export function graphError(
  context: Pick<GraphContext, 'requestId' | 'clientRequestId' | 'tenant'>,
  error: GraphErrorBody,
  headers: Record<string, string> = {},
): Response {
  return json(
    {
      error: {
        code: error.code,
        message: error.message,
        // Real Graph writes `innerError` (camelCase, lower-case `date`), whatever its OpenAPI says.
        innerError: {
          date: context.tenant.clock(),
          'request-id': context.requestId,
          'client-request-id': context.clientRequestId ?? context.requestId,
        },
      },
    },
    { status: error.status, headers },
  );
}

export const errors = {
  badRequest: (message: string): GraphErrorBody => ({ status: 400, code: 'BadRequest', message }),
  invalidProperty: (message: string): GraphErrorBody => ({
    status: 400,
    code: 'ErrorInvalidProperty',
    message,
  }),
  itemNotFound: (message = 'The specified object was not found in the store.'): GraphErrorBody => ({
    status: 404,
    code: 'ErrorItemNotFound',
    message,
  }),
  userNotFound: (id: string): GraphErrorBody => ({
    status: 404,
    code: 'Request_ResourceNotFound',
    message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  }),
  itemNotFoundSharePoint: (message: string): GraphErrorBody => ({
    status: 404,
    code: 'itemNotFound',
    message,
  }),
  accessDenied: (message = 'Access is denied. Check credentials and try again.'): GraphErrorBody => ({
    status: 403,
    code: 'ErrorAccessDenied',
    message,
  }),
};

/** A parse or validation outcome: the value, or the Graph error to answer with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: GraphErrorBody };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(error: GraphErrorBody): Outcome<T> => ({ ok: false, error });
