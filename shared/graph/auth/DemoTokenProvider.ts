import type { TokenProvider } from './TokenProvider.ts';

export interface DemoPersona {
  upn: string;
  displayName: string;
  role: 'staff' | 'owner' | 'manager';
  description?: string;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The Graph emulator's origin (`http://localhost:4000`) from a Graph base URL (`http://localhost:4000/v1.0`). */
export function emulatorOrigin(graphBaseUrl: string): string {
  return new URL(graphBaseUrl).origin;
}

/**
 * Asks the emulator for a demo user's token. A CORS "simple" request (text/plain; the emulator reads the
 * JSON whatever the type), so the browser sends no preflight first. Also sent by the pages' inline boot
 * script (shared/ui/boot/bootScript.ts), which starts it as soon as config.json names demo sign-in.
 */
export function requestDemoToken(graphBaseUrl: string, upn: string, fetchImpl: FetchLike = fetch): Promise<Response> {
  return fetchImpl(`${emulatorOrigin(graphBaseUrl)}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ upn }),
  });
}

/** A token request the page started before the app's code ran (see `requestDemoToken`). */
export interface EarlyDemoToken {
  graphBaseUrl: string;
  upn: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    __brevladevaktenDemoToken?: EarlyDemoToken;
    /** Set once the app has asked for a demo token itself: the page's early request is then not made. */
    __brevladevaktenDemoTokenAsked?: boolean;
  }
}

/** The early request for this user and emulator, if the page started one; taken once. */
function takeEarlyDemoToken(graphBaseUrl: string, upn: string): Promise<Response> | null {
  const early = globalThis.window?.__brevladevaktenDemoToken;
  if (!early || early.graphBaseUrl !== graphBaseUrl || early.upn.toLowerCase() !== upn.toLowerCase()) return null;
  delete globalThis.window.__brevladevaktenDemoToken;
  return early.response;
}

/** Lists the demo users the emulator lets you switch between. */
export async function fetchDemoPersonas(graphBaseUrl: string, fetchImpl: FetchLike = fetch): Promise<DemoPersona[]> {
  const response = await fetchImpl(`${emulatorOrigin(graphBaseUrl)}/demo/personas`);
  if (!response.ok) throw new Error(`The Graph emulator did not list demo users (${response.status}). Start it with \`npm start\`.`);
  const body = (await response.json()) as { value?: DemoPersona[] } | DemoPersona[];
  return Array.isArray(body) ? body : (body.value ?? []);
}

/**
 * Tokens from the local Graph emulator for one demo user. Kept in memory only (never localStorage).
 */
export class DemoTokenProvider implements TokenProvider {
  // The token, or the request for it: concurrent callers at start-up share one request.
  private token: Promise<string> | null = null;

  constructor(
    private readonly graphBaseUrl: string,
    readonly upn: string,
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
  ) {}

  getToken(options?: { forceRefresh?: boolean }): Promise<string> {
    if (this.token && !options?.forceRefresh) return this.token;
    const request = this.request();
    this.token = request;
    // A failed request must not be handed to the next caller.
    request.catch(() => {
      if (this.token === request) this.token = null;
    });
    return request;
  }

  private async request(): Promise<string> {
    const early = takeEarlyDemoToken(this.graphBaseUrl, this.upn);
    if (!early && globalThis.window) globalThis.window.__brevladevaktenDemoTokenAsked = true;
    const response = await (early ?? requestDemoToken(this.graphBaseUrl, this.upn, this.fetchImpl));
    if (!response.ok) {
      throw new Error(`The Graph emulator refused a token for ${this.upn} (${response.status}). Choose one of the demo users.`);
    }
    const body = (await response.json()) as { access_token: string };
    return body.access_token;
  }
}
