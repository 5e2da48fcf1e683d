import { markFault } from '../pipeline/requestLog.ts';
import { graphError } from '../pipeline/respond.ts';
import type { Middleware } from '../pipeline/types.ts';
import type { FaultInjector } from './faultInjector.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The pipeline step of fault injection: adds latency to outer requests, and answers a share of
 * requests and of `$batch` parts 429 or 503 with `Retry-After`, before authentication (as Graph's
 * gateway does). The demo endpoints are never faulted.
 */
export function injectFaults(faults: FaultInjector): Middleware {
  return async (context, next) => {
    if (context.scope === 'origin') return next();
    const { latencyMs } = faults.settings;
    if (latencyMs > 0 && context.batch === null) await sleep(latencyMs);
    const decision = faults.decide();
    if (decision === 'throttle') {
      return markFault(
        graphError(
          context,
          {
            status: 429,
            code: 'TooManyRequests',
            message: 'Application is over its MailboxConcurrency limit. Please retry again later.',
          },
          { 'Retry-After': faults.retryAfter() },
        ),
        'throttle',
      );
    }
    if (decision === 'unavailable') {
      return markFault(
        graphError(
          context,
          {
            status: 503,
            code: 'ServiceUnavailable',
            message: 'The service is temporarily unavailable. Retry after the interval in Retry-After.',
          },
          { 'Retry-After': faults.retryAfter() },
        ),
        'unavailable',
      );
    }
    return next();
  };
}
