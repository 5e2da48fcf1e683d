import type { Client, GraphRequest } from '@microsoft/microsoft-graph-client';

/** The request methods that send; every other method of a GraphRequest configures it and returns it. */
const SENDING = new Set(['get', 'post', 'patch', 'put', 'delete', 'del', 'getStream', 'putStream']);

/**
 * A Graph SDK `Client` usable before the SDK's code has arrived: `client.api(path)` returns a request
 * builder that records `.select()`, `.header()`, `.top()` … and, when a sending method is called
 * (`get`, `post`, `patch` …), waits for the real client, replays the recorded calls on a real
 * `GraphRequest` in order, and sends. So the pages render (a persisted queue, say) without waiting for
 * the SDK chunk, which is fetched alongside.
 *
 * `load` is asked once; if it fails (the chunk did not arrive) the request fails with that error and
 * the next request asks again. Only `api` is offered: the app uses nothing else of `Client`.
 */
export function lazyClient(load: () => Promise<Client>): Client {
  let client: Promise<Client> | null = null;
  const ready = () => {
    client ??= load().catch((error: unknown) => {
      client = null;
      throw error;
    });
    return client;
  };
  return new Proxy(Object.create(null) as Client, {
    get(_target, member) {
      if (member === 'api') return (path: string) => deferredRequest(ready, path);
      if (member === 'then') return undefined; // not a thenable: `await client` must not wait on it
      throw new TypeError(`lazyClient offers only api(); ${String(member)} is not available before the Graph SDK loads`);
    },
  });
}

function deferredRequest(ready: () => Promise<Client>, path: string): GraphRequest {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  // Like the SDK's own GraphRequest, the builder is mutable: each configuring call returns the same
  // builder, so `request.header(...)` without reassignment still applies.
  const builder: GraphRequest = new Proxy(Object.create(null) as GraphRequest, {
    get(_target, member) {
      if (typeof member !== 'string' || member === 'then') return undefined;
      if (SENDING.has(member)) {
        return async (...args: unknown[]) => {
          const client = await ready();
          let request = client.api(path) as unknown as Record<string, (...a: unknown[]) => unknown>;
          for (const call of calls) {
            const method = request[call.method];
            if (typeof method !== 'function') throw new TypeError(`GraphRequest has no method ${call.method}()`);
            request = method.apply(request, call.args) as typeof request;
          }
          return (request[member] as (...a: unknown[]) => unknown).apply(request, args);
        };
      }
      return (...args: unknown[]) => {
        calls.push({ method: member, args });
        return builder;
      };
    },
  });
  return builder;
}
