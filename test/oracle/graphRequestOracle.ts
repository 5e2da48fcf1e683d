import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Checks requests against the vendored STRICT Graph oracle (an OpenAPI subset of Graph v1.0): the
 * path must match one of its path templates and the method must be one it lists for that path.
 */

export const strictOraclePath = fileURLToPath(
  new URL('./graph-v1.0-mail-subset.openapi.json', import.meta.url),
);

interface Operation {
  template: string;
  methods: Set<string>;
  pattern: RegExp;
}

/** Requests the product sends that the subset does not describe, each with why it is allowed. */
export const outsideSubset: ReadonlyArray<{ method: string; template: string; why: string }> = [
  {
    method: 'POST',
    template: '/$batch',
    why: 'JSON batching (https://learn.microsoft.com/graph/json-batching) is not an OData path; each part is checked on its own.',
  },
  {
    method: 'POST',
    template: '/users/{user-id}/messages/{message-id}/createForward',
    why: 'The "pass on" action (https://learn.microsoft.com/graph/api/message-createforward); the subset has no message actions.',
  },
];

function compile(template: string): RegExp {
  const segments = template
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      if (/^\{[^}]+\}$/.test(segment)) return '[^/]+';
      // `delta()` is a function call; Graph accepts it with or without the parentheses.
      const fn = /^(.+)\(\)$/.exec(segment);
      if (fn?.[1]) return `${escape(fn[1])}(?:\\(\\))?`;
      return escape(segment);
    });
  return new RegExp(`^/${segments.join('/')}$`, 'i');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let operations: Operation[] | null = null;

function load(): Operation[] {
  if (operations) return operations;
  const document = JSON.parse(readFileSync(strictOraclePath, 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(document.paths).map(([template, item]) => ({
    template,
    methods: new Set(
      Object.keys(item)
        .filter((k) => ['get', 'post', 'patch', 'put', 'delete'].includes(k))
        .map((k) => k.toUpperCase()),
    ),
    pattern: compile(template),
  }));
  for (const extra of outsideSubset) {
    operations.push({
      template: extra.template,
      methods: new Set([extra.method]),
      pattern: compile(extra.template),
    });
  }
  return operations;
}

/** The path of a Graph URL relative to the version root, with `/me` read as `/users/{user-id}`. */
export function oraclePath(url: string): string {
  const parsed = new URL(url, 'http://graph.invalid/v1.0/');
  let path = parsed.pathname.replace(/^\/(v1\.0|beta)(?=\/|$)/, '');
  if (/^\/me(\/|$)/i.test(path) && path.toLowerCase() !== '/me') path = path.replace(/^\/me/i, '/users/me');
  return path;
}

export type OracleMatch = { ok: true; template: string } | { ok: false; reason: string };

export function matchOracle(method: string, url: string): OracleMatch {
  const path = oraclePath(url);
  const candidates = load().filter((o) => o.pattern.test(path));
  if (candidates.length === 0)
    return { ok: false, reason: `${method} ${path}: no path of the strict oracle matches.` };
  const match = candidates.find((o) => o.methods.has(method.toUpperCase()));
  if (!match) {
    return {
      ok: false,
      reason: `${method} ${path}: ${candidates.map((c) => c.template).join(', ')} allows only ${[...new Set(candidates.flatMap((c) => [...c.methods]))].join(', ')}.`,
    };
  }
  return { ok: true, template: match.template };
}

/** Every request that does not match, as messages (empty when all match). */
export function unmatchedRequests(requests: ReadonlyArray<{ method: string; url: string }>): string[] {
  const problems: string[] = [];
  for (const request of requests) {
    const match = matchOracle(request.method, request.url);
    if (!match.ok) problems.push(match.reason);
  }
  return [...new Set(problems)];
}

/** Requests whose `$select` names a message body field. */
export function requestsSelectingBodies(
  requests: ReadonlyArray<{ url: string }>,
  forbidden: readonly string[] = ['body', 'bodyPreview', 'uniqueBody'],
): string[] {
  const wanted = new Set(forbidden.map((f) => f.toLowerCase()));
  return requests
    .map((r) => r.url)
    .filter((url) => {
      const parsed = new URL(url, 'http://graph.invalid/v1.0/');
      for (const [name, value] of parsed.searchParams) {
        if (name.replace(/^\$/, '').toLowerCase() !== 'select') continue;
        if (value.split(',').some((field) => wanted.has(field.trim().toLowerCase()))) return true;
      }
      return false;
    });
}
