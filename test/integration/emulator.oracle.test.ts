import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegisterDefaults, graphRoutes, startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';

/**
 * Every kind of response the emulator gives is validated against Microsoft's own description of
 * Graph (the relaxed OpenAPI oracle), and checked for properties the description does not define.
 * A route without a check here fails the suite: add one when you add a route.
 */

type Json = Record<string, unknown>;
const ORACLE_ID = 'https://oracle.brevladevakten.test/graph-v1.0.json';
const oracleFile = new URL(
  '../../emulator/oracle/graph-v1.0-mail-subset.relaxed.openapi.json',
  import.meta.url,
);
const sharedOracleFile = new URL(
  '../../../shared/oracles/graph-v1.0-mail-subset.relaxed.openapi.json',
  import.meta.url,
);
const oracle = JSON.parse(readFileSync(oracleFile, 'utf8')) as Json & {
  paths: Record<string, Record<string, Json>>;
  components: Json;
};

// ajv-formats is CommonJS; under ESM interop its function may sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('base64url', /^[A-Za-z0-9_-]*={0,2}$/);
// OData's `format: time` is Edm.TimeOfDay (`08:00:00.0000000`, no offset), not RFC 3339's full-time
// that ajv-formats checks: Graph's own getSchedule example writes working hours this way.
ajv.addFormat('time', /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,12})?$/);

function pointer(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], oracle);
}

/** `{nullable: true, type: object}` with no properties is how the generator spells "or null". */
const isNullBranch = (schema: Json) =>
  schema.nullable === true && !schema.properties && !schema.allOf && !schema.$ref;

/**
 * `anyOf: [{$ref: X}, {nullable: true, type: object}]` means "X or null"; read literally it accepts
 * any object in place of X (a flag of `{flagStatus: 'done'}`). The copy Ajv validates against turns
 * such branches into `null`.
 */
function tightenNullBranches(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(tightenNullBranches);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === 'anyOf' && Array.isArray(value)
        ? [
            key,
            value.map((branch: Json) =>
              isNullBranch(branch) ? { type: 'null' } : tightenNullBranches(branch),
            ),
          ]
        : [key, tightenNullBranches(value)],
    ),
  );
}
ajv.addSchema(tightenNullBranches(oracle) as Json, ORACLE_ID);

/** A copy of an oracle fragment whose local `$ref`s point into the registered oracle document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? ORACLE_ID + value
        : rebase(value),
    ]),
  );
}

/** The JSON schema of a path's response (`2XX` or `4XX`), as the oracle describes it. */
function responseSchema(path: string, method: string, status: '2XX' | '4XX'): Json {
  const operation = oracle.paths[path]?.[method] as { responses?: Record<string, Json> } | undefined;
  if (!operation)
    throw new Error(
      `The oracle has no ${method.toUpperCase()} ${path}. Check its path keys (jq '.paths|keys').`,
    );
  let response = operation.responses?.[status] ?? operation.responses?.[status === '2XX' ? '200' : '400'];
  if (response && typeof response.$ref === 'string') response = pointer(response.$ref) as Json;
  const schema = (response?.content as Record<string, { schema?: Json }> | undefined)?.['application/json']
    ?.schema;
  if (!schema)
    throw new Error(`The oracle describes no JSON body for ${status} of ${method.toUpperCase()} ${path}.`);
  return schema;
}

const component = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** A collection of entities for which the oracle has no path (e.g. `/users`). */
const collectionOf = (name: string): Json => ({
  allOf: [
    component('BaseCollectionPaginationCountResponse'),
    { type: 'object', required: ['value'], properties: { value: { type: 'array', items: component(name) } } },
  ],
});

const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(tightenNullBranches(rebase(schema)) as Json);
    validators.set(key, validate);
  }
  return validate;
}

// --- "No undocumented properties": Ajv accepts extra properties, Graph clients must not rely on any. ---

function resolve(schema: unknown): Json {
  let node = schema as Json;
  while (node && typeof node.$ref === 'string') node = pointer(node.$ref) as Json;
  return node ?? {};
}

function propertiesOf(schema: unknown): {
  properties: Map<string, unknown[]>;
  open: boolean;
  items: unknown[];
} {
  const result = { properties: new Map<string, unknown[]>(), open: false, items: [] as unknown[] };
  const visit = (raw: unknown) => {
    const node = resolve(raw);
    if (node.title === 'fieldValueSet') result.open = true; // SharePoint columns: an open type
    for (const part of [
      ...((node.allOf as unknown[]) ?? []),
      ...((node.anyOf as unknown[]) ?? []),
      ...((node.oneOf as unknown[]) ?? []),
    ]) {
      if (!isNullBranch(resolve(part))) visit(part);
    }
    for (const [name, sub] of Object.entries((node.properties as Json) ?? {})) {
      result.properties.set(name, [...(result.properties.get(name) ?? []), sub]);
    }
    if (node.items) result.items.push(node.items);
  };
  visit(schema);
  return result;
}

/** Properties Graph really sends though its OpenAPI does not define them. */
const knownUndocumented = [
  // Graph errors carry `innerError` {date, request-id, client-request-id}; the OpenAPI says `innererror`.
  /(^|\.)error\.innerError$/,
  /(^|\.)error\.innerError\./,
  // SharePoint identities include the user's e-mail.
  /(^|\.)(createdBy|lastModifiedBy)\.user\.email$/,
];

function undocumentedProperties(value: unknown, schema: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const { properties, open, items } = propertiesOf(schema);
  if (Array.isArray(value))
    return value.flatMap((item, i) => items.flatMap((s) => undocumentedProperties(item, s, `${path}[${i}]`)));
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('@')) continue; // OData annotations (@odata.etag, fields@odata.context)
    const subs = properties.get(key);
    if (!subs) {
      if (!open && !knownUndocumented.some((pattern) => pattern.test(here))) found.push(here);
      continue;
    }
    found.push(...subs.flatMap((sub) => undocumentedProperties(child, sub, here)));
  }
  return [...new Set(found)];
}

// --- The emulator under test ---

let emulator: RunningEmulator;
let origin: string;
const validatedRoutes = new Set<string>();
const site = encodeURIComponent(demoRegisterDefaults.siteId);
const list = demoRegisterDefaults.listId;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 3, now: '2026-11-17T10:00:00+01:00' });
  origin = emulator.origin;
});
afterAll(async () => {
  await emulator?.close();
});

async function call(
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? 'demo'}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${origin}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { response, body: (await response.json()) as Json };
}

/** Calls the emulator and checks the body against `schema`; records the route as validated. */
async function expectValid(
  route: string,
  method: string,
  path: string,
  schema: Json,
  init: Parameters<typeof call>[2] & { status?: number } = {},
) {
  const { response, body } = await call(method, path, init);
  expect(response.status, JSON.stringify(body)).toBe(init.status ?? 200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const validate = validatorFor(schema);
  expect(validate(body) ? [] : validate.errors, `${method} ${path} against the oracle`).toEqual([]);
  expect(
    undocumentedProperties(body, schema),
    `${method} ${path}: properties the oracle does not define`,
  ).toEqual([]);
  validatedRoutes.add(route);
  return body;
}

async function firstMessageId(mailbox: string, folder = 'inbox'): Promise<string> {
  const { body } = await call(
    'GET',
    `/v1.0/users/${mailbox}/mailFolders/${folder}/messages?$top=1&$select=id`,
  );
  const id = (body.value as Json[])[0]?.id;
  if (typeof id !== 'string') throw new Error(`No message in ${mailbox}/${folder}`);
  return id;
}

const mailbox = 'bygglov@sjoby.example';

describe('the emulator answers as the Graph oracle describes', () => {
  it('uses the vendored copy of the shared oracle, unchanged', () => {
    if (existsSync(sharedOracleFile))
      expect(oracle).toEqual(JSON.parse(readFileSync(sharedOracleFile, 'utf8')));
    expect(Object.keys(oracle.paths)).toContain('/users/{user-id}/mailFolders/{mailFolder-id}/messages');
  });

  it('would catch a response that breaks the description (the checks are not vacuous)', () => {
    const message = component('microsoft.graph.message');
    expect(validatorFor(message)({ id: 7 })).toBe(false);
    expect(validatorFor(message)({ id: 'x', receivedDateTime: '17 nov 2026 10:00' })).toBe(false);
    expect(validatorFor(message)({ id: 'x', flag: { flagStatus: 'done' } })).toBe(false);
    expect(validatorFor(responseSchema('/me', 'get', '4XX'))({ error: { message: 'no code' } })).toBe(false);
    expect(
      undocumentedProperties({ id: 'x', recievedDateTime: 'typo', flag: { status: 'complete' } }, message),
    ).toEqual(['recievedDateTime', 'flag.status']);
  });

  it('returns the signed-in user from /me', async () => {
    await expectValid('user.get', 'GET', '/v1.0/me', responseSchema('/me', 'get', '2XX'));
  });

  it('returns a user by principal name and by id, with and without $select', async () => {
    const schema = responseSchema('/users/{user-id}', 'get', '2XX');
    const user = await expectValid('user.get', 'GET', '/v1.0/users/anna.johansson@sjoby.example', schema);
    await expectValid(
      'user.get',
      'GET',
      `/v1.0/users/${String(user.id)}?$select=displayName,department,accountEnabled,businessPhones`,
      schema,
    );
    await expectValid('user.get', 'GET', `/v1.0/users/${mailbox}`, schema);
  });

  it('lists users as a collection of microsoft.graph.user', async () => {
    await expectValid(
      'users.list',
      'GET',
      "/v1.0/users?$filter=startswith(displayName,'E')&$select=displayName,mail,jobTitle",
      collectionOf('microsoft.graph.user'),
    );
    await expectValid('users.list', 'GET', '/v1.0/users?$top=5', collectionOf('microsoft.graph.user'));
  });

  it('looks people up by address with `in (…)`, and refuses more than 15 values with an ODataError', async () => {
    const filter = (property: string, addresses: string[]) =>
      encodeURIComponent(`${property} in (${addresses.map((a) => `'${a.replace(/'/g, "''")}'`).join(',')})`);
    const found = await expectValid(
      'users.list',
      'GET',
      `/v1.0/users?$filter=${filter('userPrincipalName', ['lars.persson@sjoby.example', "o'brien@sjoby.example"])}&$select=id,displayName,userPrincipalName,mail,accountEnabled`,
      collectionOf('microsoft.graph.user'),
    );
    expect(found.value).toEqual([
      expect.objectContaining({ userPrincipalName: 'lars.persson@sjoby.example', accountEnabled: false }),
    ]);
    await expectValid(
      'users.list',
      'GET',
      `/v1.0/users?$filter=${filter('mail', ['anna.johansson@sjoby.example'])}&$select=id,displayName,userPrincipalName,mail,accountEnabled`,
      collectionOf('microsoft.graph.user'),
    );
    const sixteen = Array.from({ length: 16 }, (_, i) => `p${i}@sjoby.example`);
    const refused = await expectValid(
      'users.list',
      'GET',
      `/v1.0/users?$filter=${filter('userPrincipalName', sixteen)}`,
      responseSchema('/users/{user-id}', 'get', '4XX'),
      { status: 400 },
    );
    expect(refused.error).toMatchObject({ code: 'Request_UnsupportedQuery' });
  });

  it('lists mail folders and returns one by well-known name', async () => {
    await expectValid(
      'mailFolders.list',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders`,
      responseSchema('/users/{user-id}/mailFolders', 'get', '2XX'),
    );
    await expectValid(
      'mailFolder.get',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders/inbox`,
      component('microsoft.graph.mailFolder'),
    );
    await expectValid(
      'mailFolder.get',
      'GET',
      '/v1.0/me/mailFolders/Inbox?$select=totalItemCount,unreadItemCount',
      component('microsoft.graph.mailFolder'),
    );
  });

  it('pages a folder’s messages, with default properties, $select and extended properties', async () => {
    const schema = responseSchema('/users/{user-id}/mailFolders/{mailFolder-id}/messages', 'get', '2XX');
    await expectValid(
      'mailFolder.messages.list',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders/inbox/messages`,
      schema,
    );
    await expectValid(
      'mailFolder.messages.list',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders('Inbox')/messages?$top=50&$select=subject,from,receivedDateTime,isRead,flag,categories,conversationId,webLink&$count=true`,
      schema,
    );
    const expanded = await expectValid(
      'mailFolder.messages.list',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders/inbox/messages?$top=50&$select=subject&$expand=${encodeURIComponent("singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')")}`,
      schema,
    );
    expect((expanded.value as Json[]).some((m) => Array.isArray(m.singleValueExtendedProperties))).toBe(true);
    await expectValid(
      'mailFolder.messages.list',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders/archive/messages?$select=subject,body,bodyPreview,uniqueBody`,
      schema,
    );
  });

  it('lists all of a mailbox’s messages as a message collection', async () => {
    await expectValid(
      'messages.list',
      'GET',
      `/v1.0/users/${mailbox}/messages?$top=3`,
      component('microsoft.graph.messageCollectionResponse'),
    );
  });

  it('returns one message, from the mailbox and from a folder', async () => {
    const id = await firstMessageId(mailbox);
    await expectValid(
      'message.get',
      'GET',
      `/v1.0/users/${mailbox}/messages/${id}`,
      responseSchema('/users/{user-id}/messages/{message-id}', 'get', '2XX'),
    );
    await expectValid(
      'mailFolder.message.get',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders/inbox/messages/${id}?$expand=${encodeURIComponent("singleValueExtendedProperties($filter=id eq 'Integer 0x1081')")}`,
      component('microsoft.graph.message'),
    );
  });

  it('returns the updated message from a PATCH', async () => {
    const id = await firstMessageId('miljo@sjoby.example');
    await expectValid(
      'message.patch',
      'PATCH',
      `/v1.0/users/miljo@sjoby.example/messages/${id}`,
      responseSchema('/users/{user-id}/messages/{message-id}', 'patch', '2XX'),
      {
        body: { categories: ['Hanterad'], flag: { flagStatus: 'complete' }, isRead: true },
      },
    );
  });

  it('pages the register’s list items with their fields', async () => {
    const schema = responseSchema('/sites/{site-id}/lists/{list-id}/items', 'get', '2XX');
    await expectValid(
      'listItems.list',
      'GET',
      `/v1.0/sites/${site}/lists/${list}/items?expand=fields`,
      schema,
    );
    await expectValid(
      'listItems.list',
      'GET',
      `/v1.0/sites/${site}/lists/${list}/items?$expand=fields(select=Title,Address,Owner)&$top=4`,
      schema,
    );
    await expectValid('listItems.list', 'GET', `/v1.0/sites/${site}/lists/Brevl%C3%A5dor/items`, schema);
  });

  it('returns one list item and its fields', async () => {
    await expectValid(
      'listItem.get',
      'GET',
      `/v1.0/sites/${site}/lists/${list}/items/1?expand=fields`,
      component('microsoft.graph.listItem'),
    );
    await expectValid(
      'listItem.fields.get',
      'GET',
      `/v1.0/sites/${site}/lists/${list}/items/1/fields`,
      component('microsoft.graph.fieldValueSet'),
    );
  });

  it('returns the new field values from a fields PATCH', async () => {
    const { body: item } = await call('GET', `/v1.0/sites/${site}/lists/${list}/items/2`);
    await expectValid(
      'listItem.fields.patch',
      'PATCH',
      `/v1.0/sites/${site}/lists/${list}/items/2/fields`,
      responseSchema('/sites/{site-id}/lists/{list-id}/items/{listItem-id}/fields', 'patch', '2XX'),
      { body: { Deputy: 'ali.yilmaz@sjoby.example' }, headers: { 'If-Match': String(item.eTag) } },
    );
  });

  it('describes every error as an ODataError', async () => {
    const error = (path: string, method: string) => responseSchema(path, method, '4XX');
    const cases: Array<[string, string, string, Json, Parameters<typeof expectValid>[4]]> = [
      ['GET', '/v1.0/me', '/me', error('/me', 'get'), { token: null, status: 401 }],
      ['GET', '/v1.0/me', '/me', error('/me', 'get'), { token: 'not-a-token', status: 401 }],
      [
        'GET',
        '/v1.0/users/nobody@sjoby.example',
        '/users/{user-id}',
        error('/users/{user-id}', 'get'),
        { status: 404 },
      ],
      [
        'GET',
        '/v1.0/users/socialtjanst@sjoby.example/mailFolders/inbox/messages',
        '',
        error('/users/{user-id}/mailFolders/{mailFolder-id}/messages', 'get'),
        { status: 403 },
      ],
      [
        'GET',
        `/v1.0/users/${mailbox}/mailFolders/inbox/messages?$search=bygglov`,
        '',
        error('/users/{user-id}/mailFolders/{mailFolder-id}/messages', 'get'),
        { status: 400 },
      ],
      [
        'GET',
        `/v1.0/users/${mailbox}/messages/AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAAAAAAAA==`,
        '',
        error('/users/{user-id}/messages/{message-id}', 'get'),
        { status: 404 },
      ],
      [
        'PATCH',
        `/v1.0/sites/${site}/lists/${list}/items/3/fields`,
        '',
        error('/sites/{site-id}/lists/{list-id}/items/{listItem-id}/fields', 'patch'),
        {
          status: 412,
          body: { Deputy: 'x@sjoby.example' },
          headers: { 'If-Match': '"00000000-0000-0000-0000-000000000000,1"' },
        },
      ],
    ];
    for (const [method, path, , schema, init] of cases)
      await expectValid('error', method, path, schema, init);
  });

  it('pages a folder’s messages with delta, and reports changes and removals in the next round', async () => {
    const schema = responseSchema(
      '/users/{user-id}/mailFolders/{mailFolder-id}/messages/delta()',
      'get',
      '2XX',
    );
    const expand = encodeURIComponent(
      "singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')",
    );
    const box = 'byggnadsnamnden@sjoby.example';
    let page = await expectValid(
      'mailFolder.messages.delta',
      'GET',
      `/v1.0/users/${box}/mailFolders/inbox/messages/delta?$select=subject,from,receivedDateTime,isRead,flag,categories,conversationId,webLink,changeKey&$expand=${expand}`,
      schema,
      { headers: { Prefer: 'odata.maxpagesize=8' } },
    );
    const seen: Json[] = [...(page.value as Json[])];
    while (typeof page['@odata.nextLink'] === 'string') {
      page = await expectValid(
        'mailFolder.messages.delta',
        'GET',
        String(page['@odata.nextLink']).slice(origin.length),
        schema,
        { headers: { Prefer: 'odata.maxpagesize=8' } },
      );
      seen.push(...(page.value as Json[]));
    }
    expect(seen.some((m) => Array.isArray(m.singleValueExtendedProperties))).toBe(true);
    const inbox = emulator.tenant.inboxMessages(box);
    const [first, second, third] = inbox;
    if (!first || !second || !third) throw new Error(`${box} has too little mail`);
    emulator.tenant.changes.reply(box, first.id, { all: true });
    emulator.tenant.changes.move(box, second.id, 'archive');
    emulator.tenant.changes.delete(box, third.id);
    emulator.tenant.changes.newMessage(box, {
      subject: 'Överklagande av beslut',
      from: { name: 'Kim Andersson', address: 'kim.andersson@example.se' },
    });
    const next = await expectValid(
      'mailFolder.messages.delta',
      'GET',
      String(page['@odata.deltaLink']).slice(origin.length),
      schema,
    );
    expect((next.value as Json[]).filter((m) => m['@removed'])).toHaveLength(2);
    await expectValid(
      'mailFolder.messages.delta',
      'GET',
      `/v1.0/me/mailFolders('Inbox')/messages/delta()?$orderby=${encodeURIComponent('receivedDateTime desc')}&$filter=${encodeURIComponent('receivedDateTime ge 2026-11-01T00:00:00Z')}`,
      schema,
    );
  });

  it('answers getMailTips with automatic replies, and an error entry for an unknown address', async () => {
    const body = await expectValid(
      'user.getMailTips',
      'POST',
      '/v1.0/me/getMailTips',
      responseSchema('/users/{user-id}/getMailTips', 'post', '2XX'),
      {
        body: {
          EmailAddresses: [
            'oskar.nilsson@sjoby.example',
            'sofia.bjork@sjoby.example',
            'elin.berg@sjoby.example',
            'forskola@sjoby.example',
            'nobody@sjoby.example',
          ],
          MailTipsOptions: 'automaticReplies, mailboxFullStatus',
        },
        headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' },
      },
    );
    expect((body.value as Json[]).map((tip) => Object.keys(tip).includes('error'))).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('answers getSchedule with schedule items, availability, working hours and per-address errors', async () => {
    const schema = responseSchema('/users/{user-id}/calendar/getSchedule', 'post', '2XX');
    const request = {
      schedules: [
        'elin.berg@sjoby.example',
        'hanna.oberg@sjoby.example',
        'bygglov@sjoby.example',
        'nobody@sjoby.example',
      ],
      startTime: { dateTime: '2026-11-16T00:00:00', timeZone: 'W. Europe Standard Time' },
      endTime: { dateTime: '2026-11-30T00:00:00', timeZone: 'W. Europe Standard Time' },
      availabilityViewInterval: 60,
    };
    await expectValid('calendar.getSchedule', 'POST', '/v1.0/me/calendar/getSchedule', schema, {
      body: request,
    });
    await expectValid(
      'calendar.getSchedule',
      'POST',
      '/v1.0/users/elin.berg@sjoby.example/calendar/getSchedule',
      schema,
      { body: request, headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' } },
    );
  });

  it('creates a forward draft and returns it, then reads it back', async () => {
    const id = await firstMessageId('miljo@sjoby.example');
    const draft = await expectValid(
      'message.createForward',
      'POST',
      `/v1.0/users/miljo@sjoby.example/messages/${id}/createForward`,
      component('microsoft.graph.message'),
      {
        status: 201,
        body: {
          toRecipients: [
            { emailAddress: { address: 'medborgarservice@sjoby.example', name: 'Medborgarservice' } },
          ],
          comment: 'Hej! Det här är en fråga för medborgarservice, kan ni ta den?',
        },
      },
    );
    await expectValid(
      'message.get',
      'GET',
      `/v1.0/users/miljo@sjoby.example/messages/${String(draft.id)}?$select=subject,isDraft,toRecipients,body,parentFolderId`,
      responseSchema('/users/{user-id}/messages/{message-id}', 'get', '2XX'),
    );
  });

  it('answers a $batch whose every part is valid for its own route', async () => {
    const id = await firstMessageId(mailbox);
    const expand = encodeURIComponent("singleValueExtendedProperties($filter=id eq 'Integer 0x1081')");
    const parts: Array<{ request: Json; schema: Json }> = [
      { request: { id: 'me', method: 'GET', url: '/me' }, schema: responseSchema('/me', 'get', '2XX') },
      {
        request: { id: 'list', method: 'GET', url: `/users/${mailbox}/mailFolders/inbox/messages?$top=3` },
        schema: responseSchema('/users/{user-id}/mailFolders/{mailFolder-id}/messages', 'get', '2XX'),
      },
      {
        request: {
          id: 'one',
          method: 'GET',
          url: `users/${mailbox}/messages/${id}?$select=id&$expand=${expand}`,
        },
        schema: responseSchema('/users/{user-id}/messages/{message-id}', 'get', '2XX'),
      },
      {
        request: {
          id: 'patch',
          method: 'PATCH',
          url: `/users/${mailbox}/messages/${id}`,
          headers: { 'Content-Type': 'application/json' },
          body: { isRead: true },
        },
        schema: responseSchema('/users/{user-id}/messages/{message-id}', 'patch', '2XX'),
      },
      {
        request: {
          id: 'delta',
          method: 'GET',
          url: `/users/${mailbox}/mailFolders/inbox/messages/delta?$select=subject`,
        },
        schema: responseSchema('/users/{user-id}/mailFolders/{mailFolder-id}/messages/delta()', 'get', '2XX'),
      },
      {
        request: {
          id: 'tips',
          method: 'POST',
          url: '/me/getMailTips',
          headers: { 'Content-Type': 'application/json' },
          body: { EmailAddresses: ['elin.berg@sjoby.example'], MailTipsOptions: 'automaticReplies' },
        },
        schema: responseSchema('/users/{user-id}/getMailTips', 'post', '2XX'),
      },
      {
        request: { id: 'missing', method: 'GET', url: '/users/nobody@sjoby.example' },
        schema: responseSchema('/users/{user-id}', 'get', '4XX'),
      },
      {
        request: { id: 'after', method: 'GET', url: '/me', dependsOn: ['missing'] },
        schema: responseSchema('/me', 'get', '4XX'),
      },
    ];
    const { response, body } = await call('POST', '/v1.0/$batch', {
      body: { requests: parts.map((p) => p.request) },
    });
    expect(response.status).toBe(200);
    const responses = body.responses as Array<{ id: string; status: number; headers: Json; body: Json }>;
    expect(responses.map((r) => r.id).sort()).toEqual(parts.map((p) => String(p.request.id)).sort());
    for (const part of parts) {
      const answer = responses.find((r) => r.id === part.request.id);
      const validate = validatorFor(part.schema);
      expect(validate(answer?.body) ? [] : validate.errors, `part ${String(part.request.id)}`).toEqual([]);
      expect(undocumentedProperties(answer?.body, part.schema), `part ${String(part.request.id)}`).toEqual(
        [],
      );
    }
    expect(responses.find((r) => r.id === 'after')?.status).toBe(424);
    validatedRoutes.add('batch');
  });

  it('describes the errors of delta, getSchedule, $batch and fault injection as ODataErrors', async () => {
    const deltaError = responseSchema(
      '/users/{user-id}/mailFolders/{mailFolder-id}/messages/delta()',
      'get',
      '4XX',
    );
    const { body: first } = await call(
      'GET',
      `/v1.0/users/${mailbox}/mailFolders/inbox/messages/delta?$select=id`,
      { headers: { Prefer: 'odata.maxpagesize=1000' } },
    );
    emulator.tenant.expireDeltaTokens(mailbox);
    await expectValid('error', 'GET', String(first['@odata.deltaLink']).slice(origin.length), deltaError, {
      status: 410,
    });
    await expectValid(
      'error',
      'GET',
      `/v1.0/users/${mailbox}/mailFolders/inbox/messages/delta?$skip=3`,
      deltaError,
      {
        status: 400,
      },
    );
    await expectValid(
      'error',
      'POST',
      '/v1.0/me/calendar/getSchedule',
      responseSchema('/users/{user-id}/calendar/getSchedule', 'post', '4XX'),
      {
        status: 400,
        body: {
          schedules: ['elin.berg@sjoby.example'],
          startTime: { dateTime: '2026-11-16T00:00:00', timeZone: 'UTC' },
          endTime: { dateTime: '2027-02-16T00:00:00', timeZone: 'UTC' },
        },
      },
    );
    await expectValid('error', 'POST', '/v1.0/$batch', component('microsoft.graph.ODataErrors.ODataError'), {
      status: 400,
      body: {
        requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })),
      },
    });
    emulator.faults.set({ throttleRate: 1 });
    await expectValid('error', 'GET', '/v1.0/me', responseSchema('/me', 'get', '4XX'), { status: 429 });
    emulator.faults.set({ unavailableRate: 1 });
    await expectValid('error', 'GET', '/v1.0/me', component('microsoft.graph.ODataErrors.ODataError'), {
      status: 503,
    });
    emulator.faults.clear();
  });

  it('has checked every route the emulator serves', () => {
    // The demo endpoints (sign-in, changes, faults, log) are not Graph: the oracle has nothing to say about them.
    const routes = graphRoutes.map((r) => r.name).filter((name) => !name.startsWith('demo.'));
    expect(routes.filter((name) => !validatedRoutes.has(name))).toEqual([]);
    expect(validatedRoutes.has('error')).toBe(true);
  });
});
