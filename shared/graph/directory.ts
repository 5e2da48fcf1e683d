import { chunk } from './sync/absences.ts';
import type { PersonError } from './sync/absences.ts';
import type { BatchRunner } from './sync/batch.ts';

/**
 * The most values one directory `$filter` may hold in `in (…)` (more precisely: child clauses of one
 * `or`, each `in` value counting as one). Graph answers 16 with 400 `Request_UnsupportedQuery`, "Too
 * many child clauses specified in search filter expression containing 'OR' operators: 16. Max
 * allowed: 15". Advanced queries (`ConsistencyLevel: eventual`) lift it, but are eventually
 * consistent: a person just re-enabled could still read as disabled.
 * Sources: https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/1238 and
 * https://github.com/microsoftgraph/microsoft-graph-docs/pull/22097 (filter-query-parameter.md:
 * "15 items by default").
 */
export const DIRECTORY_FILTER_LIMIT = 15;

/** What the coverage check needs of a person: whether the account exists and is enabled. */
export const directorySelect = ['id', 'displayName', 'userPrincipalName', 'mail', 'accountEnabled'] as const;

export interface DirectoryUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
  mail: string | null;
  /** Needs `User.Read.All`; `null` when not readable (User.ReadBasic.All): unknown, not disabled. */
  accountEnabled: boolean | null;
}

/** One address looked up: found (by UPN or mail), not found by either, or not known (a request failed). */
export type DirectoryLookup =
  | { address: string; status: 'found'; user: DirectoryUser }
  | { address: string; status: 'notFound' }
  | { address: string; status: 'failed'; error: PersonError };

/** `o'brien@x` → `'o''brien@x'`: an OData string literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `GET /users?$filter=<property> in ('a','b')&$select=…`, relative, ready for a `$batch` part. */
export function directoryFilterUrl(
  property: 'userPrincipalName' | 'mail',
  addresses: readonly string[],
): string {
  const filter = `${property} in (${addresses.map(odataString).join(',')})`;
  return `/users?$filter=${encodeURIComponent(filter)}&$select=${directorySelect.join(',')}`;
}

const lower = (value: string | null | undefined) => (value ?? '').trim().toLowerCase();

function toUser(raw: Record<string, unknown>): DirectoryUser {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id: text(raw.id) ?? '',
    displayName: text(raw.displayName),
    userPrincipalName: text(raw.userPrincipalName),
    mail: text(raw.mail),
    accountEnabled: typeof raw.accountEnabled === 'boolean' ? raw.accountEnabled : null,
  };
}

type ChunkAnswer = { ok: true; users: DirectoryUser[] } | { ok: false; error: PersonError };

/**
 * Asks for one chunk. Should the service refuse the chunk as too many clauses (a tenant with a lower
 * limit than documented), the chunk is asked again in two halves rather than reported as failed.
 */
async function askChunk(
  runner: BatchRunner,
  property: 'userPrincipalName' | 'mail',
  addresses: readonly string[],
): Promise<Array<{ address: string; answer: ChunkAnswer }>> {
  const result = await runner.run({ method: 'GET', url: directoryFilterUrl(property, addresses) });
  if (!result.ok) {
    if (
      result.error.status === 400 &&
      result.error.code === 'Request_UnsupportedQuery' &&
      addresses.length > 1
    ) {
      const half = Math.ceil(addresses.length / 2);
      const halves = await Promise.all([
        askChunk(runner, property, addresses.slice(0, half)),
        askChunk(runner, property, addresses.slice(half)),
      ]);
      return halves.flat();
    }
    const error: PersonError = { code: result.error.code, message: result.error.message };
    return addresses.map((address) => ({ address, answer: { ok: false, error } }));
  }
  const body = result.body as { value?: unknown } | null;
  const users = (Array.isArray(body?.value) ? body.value : [])
    .filter((u): u is Record<string, unknown> => typeof u === 'object' && u !== null)
    .map(toUser);
  return addresses.map((address) => ({ address, answer: { ok: true, users } }));
}

const matching = (users: readonly DirectoryUser[], address: string) =>
  users.find((u) => lower(u.userPrincipalName) === address || lower(u.mail) === address);

export interface DirectoryLookupOptions {
  /** Addresses per request; default (and at most) DIRECTORY_FILTER_LIMIT. */
  chunkSize?: number;
}

/**
 * Looks people up in the directory by address, 15 to a request instead of one request each:
 * `userPrincipalName in (…)` first, then `mail in (…)` for the addresses no UPN matched (in most
 * tenants none but the truly unknown). Each request is a `$batch` part of `runner` (20 to a batch,
 * with its retries). A person is `notFound` only when both answers came and neither matched; a failed
 * request makes its people `failed`, never `notFound`.
 *
 * `queued` settles once every request the look-up makes has been queued (after the UPN answers), so
 * a caller can queue less urgent reads behind the mail fallbacks rather than ahead of them.
 * Docs: https://learn.microsoft.com/graph/api/user-list, https://learn.microsoft.com/graph/filter-query-parameter
 */
export function startDirectoryLookup(
  runner: BatchRunner,
  addresses: readonly string[],
  options: DirectoryLookupOptions = {},
): { queued: Promise<void>; results: Promise<DirectoryLookup[]> } {
  const size = Math.min(DIRECTORY_FILTER_LIMIT, options.chunkSize ?? DIRECTORY_FILTER_LIMIT);
  const wanted = [...new Set(addresses.map(lower).filter((a) => a !== ''))];
  const outcome = new Map<string, DirectoryLookup>();
  const settle = (address: string, answer: ChunkAnswer, last: boolean): boolean => {
    if (!answer.ok) {
      outcome.set(address, { address, status: 'failed', error: answer.error });
      return true;
    }
    const user = matching(answer.users, address);
    if (user) outcome.set(address, { address, status: 'found', user });
    else if (last) outcome.set(address, { address, status: 'notFound' });
    return user !== undefined || last;
  };

  const byUpn = Promise.all(chunk(wanted, size).map((group) => askChunk(runner, 'userPrincipalName', group)));
  // Wrapped, so that `queued` settles when the mail requests are queued, not when they are answered.
  const byMail = byUpn.then((answers) => {
    const unmatched = answers.flat().filter(({ address, answer }) => !settle(address, answer, false));
    const rest = unmatched.map(({ address }) => address);
    return { pending: Promise.all(chunk(rest, size).map((group) => askChunk(runner, 'mail', group))) };
  });
  const results = byMail.then(async ({ pending }) => {
    const answers = await pending;
    for (const { address, answer } of answers.flat()) settle(address, answer, true);
    return addresses.map((raw): DirectoryLookup => {
      const address = lower(raw);
      return { ...(outcome.get(address) ?? { address, status: 'notFound' as const }), address: raw };
    });
  });
  return { queued: byMail.then(() => undefined), results };
}

/** `startDirectoryLookup` when nothing needs to wait for the requests to be queued. */
export function lookUpPeople(
  runner: BatchRunner,
  addresses: readonly string[],
  options: DirectoryLookupOptions = {},
): Promise<DirectoryLookup[]> {
  return startDirectoryLookup(runner, addresses, options).results;
}
