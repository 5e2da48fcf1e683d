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
  /** The last renewal, keyed by the token it replaced: concurrent 401s for one token share it. */
  private renewal: { rejected: string; token: Promise<string> } | null = null;

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
    const send = async (token: string) => {
      const options = (context.options ??= {});
      const headers = new Headers(options.headers);
      headers.set('Authorization', `Bearer ${token}`);
      options.headers = Object.fromEntries(headers.entries());
      await this.next?.execute(context);
    };
    const token = await signIn(() => this.tokens.getToken({ forceRefresh: false }));
    await send(token);
    // An expired token: renew it once and repeat; a second 401 is reported to the caller.
    if (context.response?.status === 401 && typeof context.request === 'string') {
      await send(await signIn(() => this.renew(token)));
    }
  }

  /**
   * One renewal per expired token: up to 4 requests are in flight at once, and each of them may come
   * back 401 for the same token — they all wait for the one renewal instead of asking for four.
   */
  private renew(rejected: string): Promise<string> {
    if (this.renewal?.rejected !== rejected) {
      const token = this.tokens.getToken({ forceRefresh: true });
      this.renewal = { rejected, token };
      // A failed renewal must not be reused by the next 401.
      token.catch(() => {
        if (this.renewal?.token === token) this.renewal = null;
      });
    }
    return this.renewal.token;
  }
}

/** The `name` of the error thrown when no token can be had; `toGraphError` reports it as a 401. */
export const tokenUnavailable = 'tokenUnavailable';

/**
 * A token provider that fails (sign-in or consent needed, popup blocked) is not a network problem:
 * it must not be retried like one, and the user must be told to sign in.
 */
async function signIn(getToken: () => Promise<string>): Promise<string> {
  try {
    return await getToken();
  } catch (error) {
    const failure = new Error(`Sign-in is needed: ${error instanceof Error ? error.message : String(error)}`);
    failure.name = tokenUnavailable;
    throw failure;
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
