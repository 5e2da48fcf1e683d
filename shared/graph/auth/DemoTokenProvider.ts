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
    const response = await this.fetchImpl(`${emulatorOrigin(this.graphBaseUrl)}/demo/token`, {
      method: 'POST',
      // A CORS "simple" request (text/plain; the emulator reads the JSON whatever the type), so the
      // browser sends no preflight first: one round trip less before the first Graph call.
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ upn: this.upn }),
    });
    if (!response.ok) {
      throw new Error(`The Graph emulator refused a token for ${this.upn} (${response.status}). Choose one of the demo users.`);
    }
    const body = (await response.json()) as { access_token: string };
    return body.access_token;
  }
}
