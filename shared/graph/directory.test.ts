import { describe, expect, it } from 'vitest';
import {
  DIRECTORY_FILTER_LIMIT,
  directoryFilterUrl,
  lookUpPeople,
  odataString,
  startDirectoryLookup,
} from './directory.ts';
import type { BatchPart, BatchRunner, PartResult } from './sync/batch.ts';

const ok = (body: unknown): PartResult => ({ ok: true, status: 200, headers: {}, body });
const fail = (status: number, code: string): PartResult => ({
  ok: false,
  error: { status, code, message: code, retryAfter: null },
});

/** The property and addresses of a look-up part, read back as the emulator reads them. */
function asked(part: BatchPart): { property: string; addresses: string[] } {
  const filter = new URL(part.url, 'https://graph.test').searchParams.get('$filter') ?? '';
  const match = /^(\w+) in \((.*)\)$/.exec(filter);
  const addresses = [...(match?.[2] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((m) =>
    (m[1] ?? '').replace(/''/g, "'"),
  );
  return { property: match?.[1] ?? '', addresses };
}

type User = {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  accountEnabled?: boolean;
};

function runnerFor(
  users: User[],
  answer?: (part: BatchPart) => PartResult | null,
): BatchRunner & { parts: BatchPart[] } {
  const parts: BatchPart[] = [];
  return {
    parts,
    stats: { batches: 0, parts: 0, retries: 0, renewals: 0 },
    async run(part) {
      parts.push(part);
      const special = answer?.(part);
      if (special) return special;
      const { property, addresses } = asked(part);
      const wanted = new Set(addresses.map((a) => a.toLowerCase()));
      const key = property === 'mail' ? 'mail' : 'userPrincipalName';
      return ok({ value: users.filter((u) => wanted.has(u[key].toLowerCase())) });
    },
  };
}

const person = (upn: string, extra: Partial<User> = {}): User => ({
  id: upn,
  userPrincipalName: upn,
  mail: upn,
  displayName: upn.split('@')[0] ?? upn,
  accountEnabled: true,
  ...extra,
});
const many = (n: number) => Array.from({ length: n }, (_, i) => `person${i}@sjoby.example`);

describe('odataString and directoryFilterUrl', () => {
  it("doubles an apostrophe: o'brien@x is 'o''brien@x'", () => {
    expect(odataString("o'brien@sjoby.example")).toBe("'o''brien@sjoby.example'");
  });

  it('writes an encoded $filter with in (…) and the minimal $select', () => {
    const url = directoryFilterUrl('userPrincipalName', ['a@x.se', "o'b@x.se"]);
    expect(url).toBe(
      `/users?$filter=${encodeURIComponent("userPrincipalName in ('a@x.se','o''b@x.se')")}&$select=id,displayName,userPrincipalName,mail,accountEnabled`,
    );
    expect(new URL(url, 'https://graph.test').searchParams.get('$filter')).toBe(
      "userPrincipalName in ('a@x.se','o''b@x.se')",
    );
  });
});

describe('lookUpPeople', () => {
  it(`asks ${DIRECTORY_FILTER_LIMIT} people a request, by principal name, and no more when all are found`, async () => {
    const addresses = many(100);
    const runner = runnerFor(addresses.map((a) => person(a)));
    const results = await lookUpPeople(runner, addresses);
    expect(runner.parts).toHaveLength(7);
    expect(runner.parts.map((p) => asked(p).addresses.length)).toEqual([15, 15, 15, 15, 15, 15, 10]);
    expect(runner.parts.every((p) => p.method === 'GET' && asked(p).property === 'userPrincipalName')).toBe(
      true,
    );
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(results.map((r) => r.address)).toEqual(addresses);
  });

  it('falls back to mail for the unmatched, and calls a person not found only when neither matched', async () => {
    const runner = runnerFor([
      person('anna@sjoby.example', { accountEnabled: false }),
      person("o'brien.s@sjoby.example", { mail: "siobhan.o'brien@sjoby.example" }),
      { id: 'x', userPrincipalName: 'bo@sjoby.example', mail: 'bo@sjoby.example', displayName: 'Bo' },
    ]);
    const results = await lookUpPeople(runner, [
      'Anna@sjoby.example',
      "siobhan.o'brien@sjoby.example",
      'bo@sjoby.example',
      'nobody@sjoby.example',
    ]);
    expect(runner.parts.map(asked)).toEqual([
      {
        property: 'userPrincipalName',
        addresses: [
          'anna@sjoby.example',
          "siobhan.o'brien@sjoby.example",
          'bo@sjoby.example',
          'nobody@sjoby.example',
        ],
      },
      { property: 'mail', addresses: ["siobhan.o'brien@sjoby.example", 'nobody@sjoby.example'] },
    ]);
    expect(results).toEqual([
      {
        address: 'Anna@sjoby.example',
        status: 'found',
        user: expect.objectContaining({ accountEnabled: false }),
      },
      {
        address: "siobhan.o'brien@sjoby.example",
        status: 'found',
        user: expect.objectContaining({ userPrincipalName: "o'brien.s@sjoby.example" }),
      },
      // accountEnabled not readable (User.ReadBasic.All): unknown, not disabled.
      {
        address: 'bo@sjoby.example',
        status: 'found',
        user: expect.objectContaining({ accountEnabled: null }),
      },
      { address: 'nobody@sjoby.example', status: 'notFound' },
    ]);
  });

  it('turns a failed request into failed people, never into not found', async () => {
    const throttled = (part: BatchPart) =>
      asked(part).property === 'mail' ? fail(429, 'TooManyRequests') : null;
    const runner = runnerFor([person('anna@sjoby.example')], throttled);
    const results = await lookUpPeople(runner, ['anna@sjoby.example', 'gone@sjoby.example']);
    expect(results[0]?.status).toBe('found');
    expect(results[1]).toEqual({
      address: 'gone@sjoby.example',
      status: 'failed',
      error: { code: 'TooManyRequests', message: 'TooManyRequests' },
    });

    const down = runnerFor([person('anna@sjoby.example')], () => fail(503, 'ServiceUnavailable'));
    const all = await lookUpPeople(down, ['anna@sjoby.example', 'gone@sjoby.example']);
    expect(all.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(down.parts).toHaveLength(1); // no mail fallback for people whose first answer never came
  });

  it('asks again in halves when the service refuses a chunk as too many clauses', async () => {
    const tooMany = (part: BatchPart) =>
      asked(part).addresses.length > 10 ? fail(400, 'Request_UnsupportedQuery') : null;
    const addresses = many(15);
    const runner = runnerFor(
      addresses.map((a) => person(a)),
      tooMany,
    );
    const results = await lookUpPeople(runner, addresses);
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(runner.parts.map((p) => asked(p).addresses.length)).toEqual([15, 8, 7]);
  });

  it('asks each address once, whatever its case, and nothing for none', async () => {
    const runner = runnerFor([person('anna@sjoby.example')]);
    const results = await lookUpPeople(runner, ['anna@sjoby.example', ' ANNA@sjoby.example']);
    expect(runner.parts.map((p) => asked(p).addresses)).toEqual([['anna@sjoby.example']]);
    expect(results.map((r) => r.status)).toEqual(['found', 'found']);
    const none = runnerFor([]);
    const lookup = startDirectoryLookup(none, []);
    await lookup.queued;
    expect(await lookup.results).toEqual([]);
    expect(none.parts).toEqual([]);
  });

  it('settles `queued` once the mail fallbacks are queued, before they are answered', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const parts: BatchPart[] = [];
    const runner: BatchRunner = {
      stats: { batches: 0, parts: 0, retries: 0, renewals: 0 },
      async run(part) {
        parts.push(part);
        if (asked(part).property === 'mail') await gate;
        return ok({ value: [] });
      },
    };
    const lookup = startDirectoryLookup(runner, ['x@sjoby.example']);
    await lookup.queued;
    expect(parts.map((p) => asked(p).property)).toEqual(['userPrincipalName', 'mail']);
    release();
    expect((await lookup.results)[0]?.status).toBe('notFound');
  });
});
