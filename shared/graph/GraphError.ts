import { parseRetryAfter } from './sync/parseRetryAfter.ts';

/** A failed Graph call as a value: what the UI shows, in words, instead of a thrown exception. */
export interface GraphError {
  status: number;
  code: string;
  message: string;
  /** Seconds to wait before trying again, when Graph said so. */
  retryAfter: number | null;
}

/** Normalises whatever the Graph SDK or fetch threw into a `GraphError`. */
export function toGraphError(error: unknown): GraphError {
  if (typeof error === 'object' && error !== null) {
    const e = error as { statusCode?: number; code?: string | null; message?: string; headers?: Headers; body?: unknown };
    // The auth middleware's "no token" (see createGraphClient.ts), which the SDK wraps with status -1.
    if (e.code === 'tokenUnavailable') {
      return { status: 401, code: 'tokenUnavailable', message: e.message ?? 'Sign-in is needed.', retryAfter: null };
    }
    if (typeof e.statusCode === 'number' && e.statusCode > 0) {
      return {
        status: e.statusCode,
        code: e.code ?? 'unknown',
        message: e.message || `Graph answered ${e.statusCode}.`,
        // Seconds or an HTTP date (which needs the current time to become seconds).
        retryAfter: parseRetryAfter(e.headers?.get?.('Retry-After'), Date.now()),
      };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 0, code: 'networkError', message, retryAfter: null };
}
