import type { Middleware } from './types.ts';

export interface RequestLogEntry {
  /** 1, 2, 3 … in the order requests were answered (a batch's parts before the batch). */
  seq: number;
  /** When it was answered (ms since the epoch, real time). */
  at: number;
  method: string;
  /** The full URL with the query decoded, e.g. `http://127.0.0.1:4000/v1.0/me/messages?$select=id,subject`. */
  url: string;
  /** The route that answered (`mailFolder.messages.delta`, `batch` …), or `null` for an unknown path. */
  route: string | null;
  /** The HTTP status; `0` for a connection the fault injector dropped. */
  status: number;
  /** A part of a `$batch` request. */
  viaBatch: boolean;
  /** The `request-id` of the `$batch` request a part came in. */
  batchRequestId?: string;
  /** The part's `id` within its batch. */
  batchPartId?: string;
  /** Bytes of the response body as sent. */
  responseBytes: number;
  requestHeaders: { prefer?: string; ifMatch?: string };
  /** Set when fault injection answered (or dropped) the request. */
  fault?: 'throttle' | 'unavailable' | 'drop' | 'expiredToken' | 'refuseDeltaExpand';
}

/** A URL with its query decoded for reading (`$select=id,subject`, not `%24select=id%2Csubject`). */
export function readableUrl(url: URL): string {
  const query = [...url.searchParams].map(([name, value]) => (value === '' ? name : `${name}=${value}`));
  return `${url.origin}${url.pathname}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** The requests the emulator answered, newest last; bounded (oldest dropped beyond `capacity`). */
export class RequestLog {
  private readonly items: RequestLogEntry[] = [];
  private counter = 0;

  constructor(readonly capacity = 100_000) {}

  entries(): RequestLogEntry[] {
    return [...this.items];
  }

  clear(): void {
    this.items.length = 0;
  }

  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    this.counter += 1;
    const full: RequestLogEntry = { seq: this.counter, ...entry };
    this.items.push(full);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
    return full;
  }
}

export type FaultKind = NonNullable<RequestLogEntry['fault']>;

const faulted = new WeakMap<Response, FaultKind>();

/** Marks a response as produced by fault injection, for the request log. */
export function markFault(response: Response, kind: FaultKind): Response {
  faulted.set(response, kind);
  return response;
}

async function bodyBytes(response: Response): Promise<number> {
  if (!response.body) return 0;
  return (await response.clone().arrayBuffer()).byteLength;
}

/** Records every Graph request (and each `$batch` part) in `log`; the demo endpoints are not logged. */
export function logRequests(log: RequestLog): Middleware {
  return async (context, next) => {
    const response = await next();
    if (context.scope === 'origin') return response;
    const headers = context.request.headers;
    const requestHeaders: RequestLogEntry['requestHeaders'] = {};
    const prefer = headers.get('Prefer');
    const ifMatch = headers.get('If-Match');
    if (prefer !== null) requestHeaders.prefer = prefer;
    if (ifMatch !== null) requestHeaders.ifMatch = ifMatch;
    const fault = faulted.get(response);
    const entry: Omit<RequestLogEntry, 'seq'> = {
      at: Date.now(),
      method: context.request.method,
      url: readableUrl(context.url),
      route: context.route?.name ?? null,
      status: response.status,
      viaBatch: context.batch !== null,
      responseBytes: await bodyBytes(response),
      requestHeaders,
    };
    if (context.batch) {
      entry.batchRequestId = context.batch.batchRequestId;
      entry.batchPartId = context.batch.partId;
    }
    if (fault) entry.fault = fault;
    log.record(entry);
    return response;
  };
}
