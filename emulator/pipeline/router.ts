import type { RouteDefinition } from './types.ts';

/**
 * Splits a URL path into decoded segments, expanding OData key syntax: `mailFolders('Inbox')`
 * becomes `mailFolders`, `Inbox` — Graph accepts both forms. Returns `null` for malformed paths.
 */
export function pathSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    const key = /^([^()]+)\((?:'((?:[^']|'')*)'|([^'()]*))\)$/.exec(segment);
    // A function call without arguments (`delta()`) is the function's name.
    if (key?.[1] && key[2] === undefined && key[3] === '') segments.push(key[1]);
    else if (key?.[1]) {
      segments.push(key[1], key[2] !== undefined ? key[2].replace(/''/g, "'") : (key[3] ?? ''));
    } else segments.push(segment);
  }
  return segments;
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | null {
  if (template.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const expected = template[i] ?? '';
    const value = actual[i] ?? '';
    const param = /^\{(\w+)\}$/.exec(expected);
    if (param?.[1]) params[param[1]] = value;
    // Graph's URL segments are case-insensitive (`/Me/MailFolders/Inbox` works).
    else if (expected.toLowerCase() !== value.toLowerCase()) return null;
  }
  return params;
}

const templateCache = new Map<string, string[]>();

function templateSegments(path: string): string[] {
  let segments = templateCache.get(path);
  if (!segments) {
    segments = path.split('/').filter((s) => s !== '');
    templateCache.set(path, segments);
  }
  return segments;
}

/**
 * Matches request segments (relative to the service root or origin) against a route's path.
 * `/users/{userId}/…` routes also match `/me/…`, with `viaMe: '1'` instead of a user id.
 */
export function matchRoute(
  route: Pick<RouteDefinition, 'path' | 'me'>,
  segments: string[],
): Record<string, string> | null {
  const template = templateSegments(route.path);
  const direct = matchSegments(template, segments);
  if (direct) return direct;
  const meAllowed = route.me ?? (template[0] === 'users' && template[1] === '{userId}');
  if (meAllowed && segments[0]?.toLowerCase() === 'me') {
    const rest = matchSegments(template.slice(2), segments.slice(1));
    if (rest) return { ...rest, viaMe: '1' };
  }
  return null;
}

export interface Mount {
  /** `null` matches any origin (a server reached as localhost, 127.0.0.1 or a LAN name). */
  origin: string | null;
  /** The service root path, e.g. `/v1.0`. */
  servicePath: string;
}

/** Parses `http://localhost:4000/v1.0` (or just `/v1.0`) into where the handlers listen. */
export function parseMount(baseUrl: string): Mount {
  if (baseUrl.startsWith('/')) return { origin: null, servicePath: baseUrl.replace(/\/+$/, '') };
  const url = new URL(baseUrl);
  return { origin: url.origin, servicePath: url.pathname.replace(/\/+$/, '') };
}

/** Where a request falls: under the service root, at the origin (demo endpoints), or elsewhere. */
export function locate(mount: Mount, url: URL): { scope: 'service' | 'origin'; segments: string[] } | null {
  if (mount.origin !== null && url.origin !== mount.origin) return null;
  const prefix = mount.servicePath;
  const path = url.pathname;
  if (prefix !== '' && (path === prefix || path.startsWith(`${prefix}/`))) {
    const segments = pathSegments(path.slice(prefix.length));
    return segments ? { scope: 'service', segments } : null;
  }
  const segments = pathSegments(path);
  return segments ? { scope: 'origin', segments } : null;
}
