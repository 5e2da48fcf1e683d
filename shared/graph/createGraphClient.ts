import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from './auth/TokenProvider.ts';

/**
 * Adds the bearer token to requests for the configured Graph origin only, and renews it once on 401.
 *
 * Why not the SDK's AuthenticationHandler: it attaches tokens only to https hosts it recognises
 * (GraphRequestUtil.isValidEndpoint), so it would send the local emulator (http://localhost:4000)
 * no token at all. This middleware sits first in the same chain: auth → retry → telemetry → HTTP.
 */
export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokens: TokenProvider,
    private readonly graphOrigin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin !== this.graphOrigin) {
      await this.next?.execute(context);
      return;
    }
    const send = async (forceRefresh: boolean) => {
      const token = await this.tokens.getToken({ forceRefresh });
      const options = (context.options ??= {});
      const headers = new Headers(options.headers);
      headers.set('Authorization', `Bearer ${token}`);
      options.headers = Object.fromEntries(headers.entries());
      await this.next?.execute(context);
    };
    await send(false);
    // An expired token: renew it once and repeat; a second 401 is reported to the caller.
    if (context.response?.status === 401 && typeof context.request === 'string') {
      await send(true);
    }
  }
}

export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0`, or the emulator's `http://localhost:4000/v1.0`. */
  baseUrl: string;
  tokens: TokenProvider;
  /** Tests lower the retry delays; production keeps the SDK's defaults (3 retries, Retry-After honoured). */
  retry?: { maxRetries?: number; delaySeconds?: number };
}

/** The official Graph SDK client with an explicit middleware chain: auth → retry → telemetry → HTTP. */
export function createGraphClient(options: GraphClientOptions): Client {
  const url = new URL(options.baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '');
  const auth = new BearerTokenMiddleware(options.tokens, url.origin);
  const retry = new RetryHandler(
    new RetryHandlerOptions(options.retry?.delaySeconds ?? 3, options.retry?.maxRetries ?? 3),
  );
  const telemetry = new TelemetryHandler();
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(telemetry);
  telemetry.setNext(http);
  return Client.initWithMiddleware({
    baseUrl: `${url.origin}/`,
    defaultVersion: version,
    middleware: auth,
  });
}
