import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../startEmulator.ts';
import type { RunningEmulator } from '../startEmulator.ts';
import { directoryFilterClauseLimit } from './users.ts';

/** `GET /users?$filter=… in (…)`: the directory look-up by address, with Graph's clause limit. */

type Json = Record<string, unknown>;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 1, now: '2026-11-17T10:00:00+01:00' });
  emulator.tenant.addUser({
    userPrincipalName: "o'brien@sjoby.example",
    mail: "siobhan.o'brien@sjoby.example",
    displayName: "Siobhán O'Brien",
    givenName: 'Siobhán',
    surname: "O'Brien",
    jobTitle: null,
    department: null,
    officeLocation: null,
    businessPhones: [],
    mobilePhone: null,
    kind: 'person',
  });
});
afterAll(async () => {
  await emulator?.close();
});

async function users(filter: string, extra = '', headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}/users?$filter=${encodeURIComponent(filter)}${extra}`, {
    headers: { Authorization: 'Bearer demo', ...headers },
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const quoted = (addresses: string[]) => addresses.map((a) => `'${a.replace(/'/g, "''")}'`).join(',');
const upns = (body: Json) => (body.value as Json[]).map((u) => u.userPrincipalName);

describe('GET /users?$filter=… in (…)', () => {
  it('returns the users whose principal name is listed, leaving unknown addresses out', async () => {
    const { status, body } = await users(
      `userPrincipalName in (${quoted(['anna.johansson@sjoby.example', 'NOBODY@sjoby.example', 'Lars.Persson@sjoby.example'])})`,
      '&$select=id,displayName,userPrincipalName,mail,accountEnabled',
    );
    expect(status).toBe(200);
    expect(body['@odata.context']).toMatch(
      /\$metadata#users\(id,displayName,userPrincipalName,mail,accountEnabled\)$/,
    );
    expect(upns(body).sort()).toEqual(['anna.johansson@sjoby.example', 'lars.persson@sjoby.example']);
    const lars = (body.value as Json[]).find((u) => u.userPrincipalName === 'lars.persson@sjoby.example');
    expect(lars).toMatchObject({ accountEnabled: false, displayName: 'Lars Persson' });
    expect(Object.keys(lars ?? {}).sort()).toEqual([
      'accountEnabled',
      'displayName',
      'id',
      'mail',
      'userPrincipalName',
    ]);
  });

  it("reads 'o''brien' as o'brien, in principal names and in mail, alone or or-ed", async () => {
    expect(upns((await users(`userPrincipalName in (${quoted(["o'brien@sjoby.example"])})`)).body)).toEqual([
      "o'brien@sjoby.example",
    ]);
    expect(upns((await users(`mail in (${quoted(["siobhan.o'brien@sjoby.example"])})`)).body)).toEqual([
      "o'brien@sjoby.example",
    ]);
    const either = await users(
      `userPrincipalName in (${quoted(["siobhan.o'brien@sjoby.example"])}) or mail in (${quoted(["siobhan.o'brien@sjoby.example"])})`,
    );
    expect(upns(either.body)).toEqual(["o'brien@sjoby.example"]);
    // The principal name is not the mail address: by UPN it is unknown.
    expect(
      upns((await users(`userPrincipalName in (${quoted(["siobhan.o'brien@sjoby.example"])})`)).body),
    ).toEqual([]);
  });

  it(`answers more than ${directoryFilterClauseLimit} clauses with Graph's 400 Request_UnsupportedQuery`, async () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@sjoby.example`);
    expect((await users(`userPrincipalName in (${quoted(list(15))})`)).status).toBe(200);
    const tooMany = await users(`userPrincipalName in (${quoted(list(16))})`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message:
        "Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15",
    });
    // Values of two in-lists or-ed together count together.
    const both = await users(`userPrincipalName in (${quoted(list(8))}) or mail in (${quoted(list(8))})`);
    expect(both.status).toBe(400);
    // An advanced query lifts the limit.
    const advanced = await users(`userPrincipalName in (${quoted(list(16))})`, '&$count=true', {
      ConsistencyLevel: 'eventual',
    });
    expect(advanced.status).toBe(200);
  });

  it('refuses `in` on a property the emulator does not look up by', async () => {
    const { status, body } = await users("department in ('Socialtjänst')");
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BadRequest' });
  });
});
