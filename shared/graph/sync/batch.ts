import type { Client } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../auth/TokenProvider.ts';
import { toGraphError } from '../GraphError.ts';
import type { GraphError } from '../GraphError.ts';
import type { Limiter } from './concurrency.ts';
import { parseRetryAfter } from './parseRetryAfter.ts';
import { systemClock, systemTimers } from './timers.ts';
import type { Clock, Timers } from './timers.ts';

/** One request inside a `$batch`. */
export interface BatchPart {
  method: 'GET' | 'POST' | 'PATCH';
  /**
   * Relative to the API version root (`/users/…`). An absolute `@odata.nextLink` or delta link is
   * accepted and made relative: `$batch` parts must not name the host or version.
   */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A part's final outcome, after its own retries. Headers are keyed in lower case. */
export type PartResult =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown }
  | { ok: false; error: GraphError };

export interface BatchRetryOptions {
  /** Attempts per part, the first included. Default 5. */
  maxAttempts?: number;
  /** The most a part may wait in total across its retries, in seconds. Default 60. */
  maxTotalWaitSeconds?: number;
  /** The first wait when a failure names no `Retry-After` (doubling after). Default 1 s. */
  backoffSeconds?: number;
}

export interface BatchRunnerOptions {
  client: Client;
  /** Renews the token once when a part answers 401 (the outer request's 401 is the middleware's). */
  tokens?: TokenProvider;
  /** Shared with every other request of the sync layer: at most 4 in flight. */
  limiter: Limiter;
  /** Parts per `$batch`; Graph allows at most 20. */
  maxParts?: number;
  retry?: BatchRetryOptions;
  timers?: Timers;
  clock?: Clock;
}

export interface BatchStats {
  /** `$batch` HTTP requests sent (each counts once, whatever the SDK retried inside). */
  batches: number;
  /** Parts sent, retries included. */
  parts: number;
  /** Parts sent again after a failure of their own or of their batch. */
  retries: number;
  /** Token renewals for parts that answered 401. */
  renewals: number;
}

export interface BatchRunner {
  /** Queues a part; it goes out in the next `$batch` with up to 19 others. Never rejects for HTTP failures. */
  run(part: BatchPart): Promise<PartResult>;
  readonly stats: Readonly<BatchStats>;
}

interface Entry {
  part: BatchPart;
  attempts: number;
  waitedSeconds: number;
  renewed: boolean;
  sentWithGeneration: number;
  resolve(result: PartResult): void;
  reject(error: unknown): void;
}

interface RawPartResponse {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, unknown> | null;
  body?: unknown;
}

/** Statuses worth waiting for: throttling, unavailable, gateway timeout — and no answer at all (0). */
const RETRYABLE = new Set([0, 429, 503, 504]);
export const MAX_BATCH_PARTS = 20;

/** `https://graph.microsoft.com/v1.0/users/x?a=b` → `/users/x?a=b`; a relative url gets a leading slash. */
export function toBatchUrl(url: string): string {
  if (/^https?:\/\//i.test(url)) {
    const parsed = new URL(url);
    return `${parsed.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '')}${parsed.search}`;
  }
  return url.startsWith('/') ? url : `/${url}`;
}

function lowerCaseHeaders(headers: Record<string, unknown> | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
  }
  return result;
}

/** The `{ error: { code, message } }` body Graph puts in a failed part, as a `GraphError`. */
export function partError(status: number, body: unknown, retryAfter: number | null): GraphError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    status,
    code: typeof error?.code === 'string' ? error.code : `http${status}`,
    message:
      typeof error?.message === 'string' && error.message !== ''
        ? error.message
        : `Graph answered ${status}.`,
    retryAfter,
  };
}

/**
 * Sends requests as `$batch`es through the SDK client and settles each part on its own.
 *
 * Why per part: the `$batch` envelope is 200 even when parts fail, and the SDK's RetryHandler only
 * sees the envelope, so inner 429/503/504s are not retried by it. Each failed part is sent again
 * after its own `Retry-After` (seconds, fractional seconds or an HTTP date), within a bounded total
 * wait, then reported as a `GraphError`; the parts that succeeded are unaffected. Responses are
 * matched by id, since Graph may return them in any order. A part answering 401 gets the token
 * renewed once (one renewal however many parts saw the same expired token) and is sent again.
 * Docs: https://learn.microsoft.com/graph/json-batching,
 * https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling
 */
export function createBatchRunner(options: BatchRunnerOptions): BatchRunner {
  const { client, limiter } = options;
  const maxParts = Math.min(MAX_BATCH_PARTS, Math.max(1, options.maxParts ?? MAX_BATCH_PARTS));
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 5);
  const maxTotalWait = options.retry?.maxTotalWaitSeconds ?? 60;
  const backoff = options.retry?.backoffSeconds ?? 1;
  const timers = options.timers ?? systemTimers;
  const clock = options.clock ?? systemClock;
  const stats: BatchStats = { batches: 0, parts: 0, retries: 0, renewals: 0 };

  const queue: Entry[] = [];
  let slotsRequested = 0;
  // Bumped after each renewal: a part sent before it needs no renewal of its own.
  let tokenGeneration = 0;
  let renewal: Promise<boolean> | null = null;

  function pump(): void {
    // Slots are claimed per batch still needed and filled when they start (late), so parts queued
    // meanwhile — next pages, retries — travel together instead of in many small batches.
    const wanted = Math.ceil(queue.length / maxParts);
    while (slotsRequested < wanted) {
      slotsRequested += 1;
      void limiter.run(async () => {
        slotsRequested -= 1;
        const entries = queue.splice(0, maxParts);
        if (entries.length === 0) return;
        // `send` turns every HTTP failure into a part result; anything thrown is a bug and must
        // surface at the callers rather than vanish in the limiter.
        await send(entries).catch((bug: unknown) => {
          for (const entry of entries) entry.reject(bug);
        });
      });
    }
  }

  function enqueue(entry: Entry): void {
    queue.push(entry);
    pump();
  }

  /** Parts to send again, grouped by their wait so parts that wait alike travel together again. */
  type Later = Map<number, Entry[]>;

  function retryLater(entry: Entry, error: GraphError, later: Later): void {
    const delay = error.retryAfter ?? backoff * 2 ** (entry.attempts - 1);
    if (entry.attempts >= maxAttempts || entry.waitedSeconds + delay > maxTotalWait) {
      entry.resolve({ ok: false, error: { ...error, retryAfter: error.retryAfter ?? delay } });
      return;
    }
    entry.waitedSeconds += delay;
    stats.retries += 1;
    const group = later.get(delay);
    if (group) group.push(entry);
    else later.set(delay, [entry]);
  }

  function scheduleRetries(later: Later): void {
    for (const [delay, entries] of later) {
      timers.setTimeout(() => {
        queue.push(...entries);
        pump();
      }, delay * 1000);
    }
  }

  function renewToken(entry: Entry): Promise<boolean> {
    const tokens = options.tokens;
    if (!tokens) return Promise.resolve(false);
    if (entry.sentWithGeneration !== tokenGeneration) return Promise.resolve(true);
    renewal ??= tokens
      .getToken({ forceRefresh: true })
      .then(
        () => {
          stats.renewals += 1;
          tokenGeneration += 1;
          return true;
        },
        () => false,
      )
      .finally(() => {
        renewal = null;
      });
    return renewal;
  }

  function fail(entry: Entry, error: GraphError, outer: boolean, later: Later): void {
    if (error.status === 401 && !outer && !entry.renewed) {
      entry.renewed = true;
      void renewToken(entry).then((renewed) => {
        if (renewed) enqueue(entry);
        else entry.resolve({ ok: false, error });
      });
      return;
    }
    if (RETRYABLE.has(error.status)) retryLater(entry, error, later);
    else entry.resolve({ ok: false, error });
  }

  function settle(entry: Entry, response: RawPartResponse & { status: number }, later: Later): void {
    const headers = lowerCaseHeaders(response.headers);
    if (response.status >= 200 && response.status < 300) {
      entry.resolve({ ok: true, status: response.status, headers, body: response.body });
      return;
    }
    const retryAfter = parseRetryAfter(headers['retry-after'], clock());
    fail(entry, partError(response.status, response.body, retryAfter), false, later);
  }

  async function send(entries: Entry[]): Promise<void> {
    const requests = entries.map((entry, index) => {
      entry.attempts += 1;
      entry.sentWithGeneration = tokenGeneration;
      const { part } = entry;
      const headers: Record<string, string> = { ...part.headers };
      // Graph requires a Content-Type on every part that has a body.
      if (part.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['Content-Type'] = 'application/json';
      }
      return {
        id: String(index + 1),
        method: part.method,
        url: toBatchUrl(part.url),
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(part.body !== undefined ? { body: part.body } : {}),
      };
    });
    stats.batches += 1;
    stats.parts += entries.length;
    const later: Later = new Map();
    let envelope: { responses?: RawPartResponse[] };
    try {
      envelope = ((await client.api('/$batch').post({ requests })) ?? {}) as typeof envelope;
    } catch (thrown) {
      // The whole request failed. A 429/503/504 has already been retried by the SDK's RetryHandler
      // (3 times, honouring Retry-After): retrying it again here would multiply the waits past any
      // bound, so it is final for this round. A dropped connection (status 0), which the SDK does not
      // retry, is retried per part; a 401 here already had the middleware's one renewal.
      const error = toGraphError(thrown);
      const retriedBySdk = error.status === 429 || error.status === 503 || error.status === 504;
      for (const entry of entries) {
        if (retriedBySdk) entry.resolve({ ok: false, error });
        else fail(entry, error, true, later);
      }
      scheduleRetries(later);
      return;
    }
    const byId = new Map<string, RawPartResponse>();
    for (const response of envelope.responses ?? []) byId.set(String(response.id), response);
    entries.forEach((entry, index) => {
      const response = byId.get(String(index + 1));
      if (!response || typeof response.status !== 'number') {
        const missing: GraphError = {
          status: 0,
          code: 'missingBatchResponse',
          message: `The $batch answer had no response for part ${index + 1}.`,
          retryAfter: null,
        };
        fail(entry, missing, true, later);
        return;
      }
      settle(entry, { ...response, status: response.status }, later);
    });
    scheduleRetries(later);
  }

  return {
    run(part) {
      return new Promise<PartResult>((resolve, reject) => {
        enqueue({
          part,
          attempts: 0,
          waitedSeconds: 0,
          renewed: false,
          sentWithGeneration: 0,
          resolve,
          reject,
        });
      });
    },
    stats,
  };
}
