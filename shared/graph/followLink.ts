import type { Client, GraphRequest } from '@microsoft/microsoft-graph-client';

/**
 * A request for an `@odata.nextLink` (or delta link) Graph returned.
 *
 * Why not `client.api(link)`: the SDK treats a path as a full URL only when it contains "https://"
 * (GraphRequest.parsePath), so an http link — the local emulator's — would be appended to the base
 * URL. Passing the path and query relative to the API version works for both.
 */
export function followLink(client: Client, link: string): GraphRequest {
  const url = new URL(link);
  const path = url.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '');
  return client.api(`${path}${url.search}`);
}
