import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoTenant,
  demoCalendarOptions,
  demoMailboxes,
  demoPersonas,
  demoPlantedProblems,
  demoRegisterDefaults,
  demoTokenFor,
  demoUnits,
  startEmulator,
} from '../../emulator/index.ts';
import type { RunningEmulator, Tenant } from '../../emulator/index.ts';
import {
  createWorkCalendar,
  deadlineState,
  handledReason,
  mergeCalendarOptions,
  policyPresets,
} from '../../shared/domain/index.ts';

type Json = Record<string, unknown>;
const NOW = '2026-11-17T10:00:00+01:00'; // a Tuesday morning
const SATURDAY = '2026-11-21T11:00:00+01:00';
const mailbox = 'bygglov@sjoby.example'; // the staff persona is its deputy
const site = encodeURIComponent(demoRegisterDefaults.siteId);
const items = `/v1.0/sites/${site}/lists/${demoRegisterDefaults.listId}/items`;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 11, now: NOW, clock: () => '2026-11-17T09:30:00Z' });
});
afterAll(async () => {
  await emulator?.close();
});

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? 'demo'}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${emulator.origin}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { response, status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Json };
}

const errorCode = (body: Json) => (body.error as { code?: string } | undefined)?.code;
const values = (body: Json) => body.value as Json[];
const inbox = (box: string, query = '') => `/v1.0/users/${box}/mailFolders/inbox/messages${query}`;

/** Follows nextLinks from `path` and returns every item. */
async function collect(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ items: Json[]; pages: number }> {
  const all: Json[] = [];
  let next: string | undefined = `${emulator.origin}${path}`;
  let pages = 0;
  while (next) {
    const { body, status } = await call(next.slice(emulator.origin.length), { headers });
    expect(status, JSON.stringify(body)).toBe(200);
    all.push(...values(body));
    next = body['@odata.nextLink'] as string | undefined;
    pages += 1;
    expect(pages).toBeLessThan(200);
  }
  return { items: all, pages };
}

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a token', async () => {
    const { status, body, response } = await call('/v1.0/me', { token: null });
    expect(status).toBe(401);
    expect(errorCode(body)).toBe('InvalidAuthenticationToken');
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 for an unknown token, a token of an unknown user and a disabled account', async () => {
    for (const token of [
      'nonsense',
      demoTokenFor('nobody@sjoby.example'),
      demoTokenFor(demoPlantedProblems.deputyAccountDisabled.person),
    ]) {
      const { status, body } = await call('/v1.0/me', { token });
      expect(status).toBe(401);
      expect(errorCode(body)).toBe('InvalidAuthenticationToken');
    }
  });

  it('signs the plain demo token in as the staff persona', async () => {
    const { body } = await call('/v1.0/me');
    expect(body.userPrincipalName).toBe(demoPersonas.find((p) => p.role === 'staff')?.upn);
  });

  it('issues a token for a persona that signs in as that persona', async () => {
    const owner = demoPersonas.find((p) => p.role === 'owner');
    const issued = await call('/demo/token', { method: 'POST', body: { upn: owner?.upn }, token: null });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const me = await call('/v1.0/me', { token: String(issued.body.access_token) });
    expect(me.body.userPrincipalName).toBe(owner?.upn);
  });

  it('refuses a token for an unknown user with a 404 error body', async () => {
    const { status, body } = await call('/demo/token', {
      method: 'POST',
      body: { upn: 'nobody@sjoby.example' },
      token: null,
    });
    expect(status).toBe(404);
    expect(errorCode(body)).toBe('Request_ResourceNotFound');
  });

  it('lists staff, owner and manager personas, each a user in the tenant', async () => {
    const { body } = await call('/demo/personas', { token: null });
    const personas = values(body);
    expect(personas.map((p) => p.role).sort()).toEqual(['manager', 'owner', 'staff']);
    for (const persona of personas) {
      expect((await call(`/v1.0/users/${String(persona.upn)}`)).status).toBe(200);
      expect(persona.displayName).toEqual(expect.any(String));
    }
  });
});

describe('OData on messages', () => {
  it('returns only the selected properties, the id and the etag', async () => {
    const { body } = await call(inbox(mailbox, '?$top=3&$select=subject,receivedDateTime'));
    for (const message of values(body)) {
      expect(Object.keys(message).sort()).toEqual(['@odata.etag', 'id', 'receivedDateTime', 'subject']);
    }
  });

  it('never returns body, bodyPreview or uniqueBody unless selected', async () => {
    const { body } = await call(inbox(mailbox, '?$top=50'));
    for (const message of values(body)) {
      expect(message).not.toHaveProperty('body');
      expect(message).not.toHaveProperty('bodyPreview');
      expect(message).not.toHaveProperty('uniqueBody');
      expect(message).toHaveProperty('receivedDateTime');
    }
  });

  it('pages with $top and nextLink through every Inbox message exactly once, newest first', async () => {
    const folder = await call(`/v1.0/users/${mailbox}/mailFolders/inbox?$select=totalItemCount`);
    const { items: all, pages } = await collect(inbox(mailbox, '?$top=7&$select=receivedDateTime'));
    expect(all.length).toBe(folder.body.totalItemCount);
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    const times = all.map((m) => Date.parse(String(m.receivedDateTime)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages 10 at a time by default, and as Prefer: odata.maxpagesize asks', async () => {
    const first = await call(inbox(mailbox));
    expect(values(first.body)).toHaveLength(10);
    expect(first.body['@odata.nextLink']).toMatch(/^http:\/\/.+\/v1\.0\/users\/.+\/messages\?.*%24skip=10/);
    const preferred = await call(inbox(mailbox), { headers: { Prefer: 'odata.maxpagesize=4' } });
    expect(values(preferred.body)).toHaveLength(4);
    expect(preferred.response.headers.get('Preference-Applied')).toBe('odata.maxpagesize=4');
  });

  it('filters on receivedDateTime with ge, lt and and', async () => {
    const from = '2026-11-12T00:00:00Z';
    const to = '2026-11-16T12:00:00Z';
    const filter = encodeURIComponent(`receivedDateTime ge ${from} and receivedDateTime lt ${to}`);
    const { items: filtered } = await collect(
      inbox(mailbox, `?$filter=${filter}&$select=receivedDateTime&$top=5`),
    );
    const { items: all } = await collect(inbox(mailbox, '?$select=receivedDateTime&$top=100'));
    const expected = all.filter((m) => {
      const t = Date.parse(String(m.receivedDateTime));
      return t >= Date.parse(from) && t < Date.parse(to);
    });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    const gt = await collect(
      inbox(mailbox, `?$filter=${encodeURIComponent(`receivedDateTime gt ${to}`)}&$top=50`),
    );
    expect(gt.items.every((m) => Date.parse(String(m.receivedDateTime)) > Date.parse(to))).toBe(true);
  });

  it('orders by receivedDateTime ascending and descending', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const { body } = await call(
        inbox(mailbox, `?$orderby=${encodeURIComponent(`receivedDateTime ${direction}`)}&$top=30`),
      );
      const times = values(body).map((m) => Date.parse(String(m.receivedDateTime)));
      expect(times).toEqual([...times].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
    }
  });

  it('refuses, with a 400 naming the problem, query options it does not support', async () => {
    const cases = [
      ['?$search=bygglov', /\$search/],
      [`?$filter=${encodeURIComponent("subject eq 'x'")}`, /subject/],
      ['?$select=nonsense', /nonsense/],
      ['?$orderby=subject', /subject/],
      ['?$top=many', /\$top/],
      [`?$filter=${encodeURIComponent('isRead eq false')}&$orderby=receivedDateTime`, /too complex/],
    ] as const;
    for (const [query, message] of cases) {
      const { status, body } = await call(inbox(mailbox, query));
      expect(status, query).toBe(400);
      expect((body.error as Json).message).toMatch(message);
    }
  });

  it('exposes reply and forward state as extended properties 0x1081 and 0x1082', async () => {
    const expand = encodeURIComponent(
      "singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')",
    );
    const { items: all } = await collect(
      inbox(mailbox, `?$top=50&$select=receivedDateTime&$expand=${expand}`),
    );
    const acted = all.filter((m) => m.singleValueExtendedProperties);
    expect(acted.length).toBeGreaterThan(0);
    for (const message of acted) {
      const props = message.singleValueExtendedProperties as Array<{ id: string; value: string }>;
      expect(['102', '103', '104']).toContain(props.find((p) => p.id === 'Integer 0x1081')?.value);
      const when = props.find((p) => p.id === 'SystemTime 0x1082')?.value ?? '';
      expect(Date.parse(when)).toBeGreaterThanOrEqual(Date.parse(String(message.receivedDateTime)));
    }
  });
});

describe('folders and users', () => {
  it("finds well-known folders by any casing and in mailFolders('Inbox') form", async () => {
    const ids = new Set<unknown>();
    for (const path of [
      'mailFolders/inbox',
      'mailFolders/Inbox',
      "mailFolders('Inbox')",
      'MailFolders/INBOX',
    ]) {
      const { status, body } = await call(`/v1.0/users/${mailbox}/${path}`);
      expect(status, path).toBe(200);
      ids.add(body.id);
    }
    expect(ids.size).toBe(1);
    for (const name of ['sentitems', 'deleteditems', 'archive'])
      expect((await call(`/v1.0/me/mailFolders/${name}`)).status).toBe(200);
    expect((await call(`/v1.0/users/${mailbox}/mailFolders/nosuchfolder`)).status).toBe(400);
  });

  it('answers 404 Request_ResourceNotFound for an unknown user', async () => {
    const { status, body } = await call('/v1.0/users/nobody@sjoby.example');
    expect(status).toBe(404);
    expect(errorCode(body)).toBe('Request_ResourceNotFound');
    expect((body.error as Json).message).toEqual(expect.any(String));
  });

  it('answers 404 ErrorInvalidUser for the mail of an unknown user, and 403 for a mailbox the caller cannot open', async () => {
    const unknown = await call(inbox('nobody@sjoby.example'));
    expect([unknown.status, errorCode(unknown.body)]).toEqual([404, 'ErrorInvalidUser']);
    const foreign = await call(inbox('socialnamnden@sjoby.example'));
    expect([foreign.status, errorCode(foreign.body)]).toEqual([403, 'ErrorAccessDenied']);
  });

  it('returns department and accountEnabled only when selected, as Graph does', async () => {
    const plain = await call('/v1.0/me');
    expect(plain.body).not.toHaveProperty('department');
    expect(plain.body).not.toHaveProperty('accountEnabled');
    const selected = await call('/v1.0/me?$select=displayName,department,accountEnabled');
    expect(selected.body).toMatchObject({
      displayName: 'Elin Berg',
      department: 'Samhällsbyggnadsförvaltningen',
      accountEnabled: true,
    });
  });

  it('finds people with startswith and with $search (ConsistencyLevel: eventual)', async () => {
    const filtered = await call(`/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'Ann')")}`);
    expect(values(filtered.body).map((u) => u.displayName)).toEqual(['Anna Johansson']);
    const noHeader = await call(`/v1.0/users?$search=${encodeURIComponent('"displayName:berg"')}`);
    expect(noHeader.status).toBe(400);
    const searched = await call(`/v1.0/users?$search=${encodeURIComponent('"displayName:berg"')}`, {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(values(searched.body).map((u) => u.displayName)).toContain('Elin Berg');
  });
});

describe('writes', () => {
  it('persists categories, flag and isRead from a PATCH and changes the changeKey', async () => {
    const [message] = values((await call(inbox(mailbox, '?$top=1'))).body);
    const path = `/v1.0/users/${mailbox}/messages/${String(message?.id)}`;
    const patched = await call(path, {
      method: 'PATCH',
      body: { categories: ['Hanterad'], flag: { flagStatus: 'complete' }, isRead: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      categories: ['Hanterad'],
      isRead: true,
      flag: {
        flagStatus: 'complete',
        completedDateTime: { dateTime: '2026-11-17T09:30:00.0000000', timeZone: 'UTC' },
      },
    });
    expect(patched.body.changeKey).not.toBe(message?.changeKey);
    const reread = await call(path);
    expect(reread.body).toMatchObject({
      categories: ['Hanterad'],
      isRead: true,
      flag: { flagStatus: 'complete' },
      lastModifiedDateTime: '2026-11-17T09:30:00Z',
    });
  });

  it('refuses a PATCH of anything but categories, flag and isRead', async () => {
    const [message] = values((await call(inbox(mailbox, '?$top=1'))).body);
    const path = `/v1.0/users/${mailbox}/messages/${String(message?.id)}`;
    for (const body of [
      { subject: 'Nytt ämne' },
      { importance: 'high' },
      { categories: 'Hanterad' },
      { flag: { flagStatus: 'done' } },
      { nonsense: 1 },
    ]) {
      const { status } = await call(path, { method: 'PATCH', body });
      expect(status, JSON.stringify(body)).toBe(400);
    }
    expect(errorCode((await call(path, { method: 'PATCH', body: { subject: 'x' } })).body)).toBe(
      'ErrorInvalidProperty',
    );
  });

  it('answers 412 preconditionFailed to a stale If-Match and 200 with a new etag to a fresh one', async () => {
    const item = (await call(`${items}/4`)).body;
    const first = await call(`${items}/4/fields`, {
      method: 'PATCH',
      headers: { 'If-Match': String(item.eTag) },
      body: { Deputy: 'sara.lindgren@sjoby.example' },
    });
    expect(first.status).toBe(200);
    expect(first.body.Deputy).toBe('sara.lindgren@sjoby.example');
    expect(first.body['@odata.etag']).not.toBe(item.eTag);
    const stale = await call(`${items}/4/fields`, {
      method: 'PATCH',
      headers: { 'If-Match': String(item.eTag) },
      body: { Deputy: 'elin.berg@sjoby.example' },
    });
    expect(stale.status).toBe(412);
    expect(errorCode(stale.body)).toBe('preconditionFailed');
    const fresh = await call(`${items}/4/fields`, {
      method: 'PATCH',
      headers: { 'If-Match': String(first.body['@odata.etag']) },
      body: { Deputy: 'elin.berg@sjoby.example' },
    });
    expect(fresh.status).toBe(200);
    const after = (await call(`${items}/4?expand=fields`)).body;
    expect(after.eTag).toBe(fresh.body['@odata.etag']);
    expect(new Set([item.eTag, first.body['@odata.etag'], after.eTag]).size).toBe(3);
    expect((after.fields as Json).Deputy).toBe('elin.berg@sjoby.example');
  });

  it('refuses unknown columns, read-only columns and values outside a choice', async () => {
    for (const body of [
      { deputy: 'x@sjoby.example' },
      { Modified: '2026-01-01T00:00:00Z' },
      { Kind: 'personal' },
      { Title: '' },
    ]) {
      const { status, body: error } = await call(`${items}/5/fields`, { method: 'PATCH', body });
      expect(status, JSON.stringify(body)).toBe(400);
      expect(errorCode(error)).toBe('invalidRequest');
    }
  });

  it('addresses the register by list name or display name, and leaves empty columns out', async () => {
    const byName = await collect(`${items}?expand=fields&$top=5`);
    const byTitle = await collect(
      `/v1.0/sites/${site}/lists/${encodeURIComponent('Brevlådor')}/items?$expand=fields`,
    );
    expect(byName.items.length).toBe(demoMailboxes.length);
    expect(byTitle.items.map((i) => i.id)).toEqual(byName.items.map((i) => i.id));
    const withoutDeputy = byName.items.find(
      (i) => (i.fields as Json).Address === demoPlantedProblems.mailboxWithoutDeputy.mailbox,
    );
    expect(withoutDeputy?.fields).not.toHaveProperty('Deputy');
  });
});

describe('CORS', () => {
  it('answers a preflight from the app with the allowed methods and headers', async () => {
    const response = await fetch(`${emulator.url}/users/${mailbox}/messages/x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,if-match,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    expect(response.headers.get('Access-Control-Allow-Methods')).toMatch(/PATCH/);
    for (const header of [
      'Authorization',
      'Content-Type',
      'If-Match',
      'Prefer',
      'client-request-id',
      'SdkVersion',
    ]) {
      expect(response.headers.get('Access-Control-Allow-Headers')).toContain(header);
    }
  });

  it('allows any localhost port, exposes Graph’s headers, and works without an Origin', async () => {
    const withOrigin = await call('/v1.0/me', { headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(withOrigin.response.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:5173');
    expect(withOrigin.response.headers.get('Access-Control-Expose-Headers')).toMatch(
      /ETag.*Retry-After.*request-id.*client-request-id/,
    );
    const unauthorised = await call('/v1.0/me', {
      token: null,
      headers: { Origin: 'http://localhost:3000' },
    });
    expect(unauthorised.response.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    const foreign = await call('/v1.0/me', { headers: { Origin: 'https://evil.example' } });
    expect(foreign.response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const none = await call('/v1.0/me');
    expect(none.status).toBe(200);
    expect(none.response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

// --- The demo municipality ---

const isInbox = (tenant: Tenant, upn: string) => {
  const user = tenant.findUser(upn);
  if (!user) throw new Error(upn);
  const folder = tenant.findFolder(user, 'inbox');
  return { user, messages: [...user.mailbox.messages.values()].filter((m) => m.folderId === folder?.id) };
};

/** Unhandled Inbox messages of a persona's mailboxes, counted by deadline state at `now`. */
function stateMix(tenant: Tenant, upn: string, now: string) {
  const unit = demoUnits.find((u) => u.manager === upn);
  const boxes = demoMailboxes.filter(
    (b) => b.owner === upn || b.deputy === upn || (unit && b.unit === unit.key),
  );
  const counts = { ok: 0, approaching: 0, overdue: 0, handled: 0 };
  for (const box of boxes) {
    const calendar = createWorkCalendar(
      mergeCalendarOptions(
        demoCalendarOptions,
        box.openingHours ? { openingHours: JSON.parse(box.openingHours) } : null,
      ),
    );
    const policy = policyPresets[box.preset];
    if (!policy) throw new Error(box.preset);
    for (const m of isInbox(tenant, box.address).messages) {
      if (
        handledReason(
          { flagStatus: m.flag.flagStatus, categories: m.categories, lastVerbExecuted: m.lastVerbExecuted },
          ['Hanterad', 'Diarieförd'],
        )
      )
        counts.handled += 1;
      else counts[deadlineState(m.receivedDateTime, now, policy, calendar).state] += 1;
    }
  }
  return { boxes: boxes.length, ...counts };
}

describe('the demo municipality', () => {
  const tenant = createDemoTenant({ seed: 1, now: NOW });

  it('is the same for the same seed and now, and differs for another seed or now', () => {
    const snapshot = (t: Tenant) => JSON.stringify(t.toJSON());
    expect(snapshot(createDemoTenant({ seed: 1, now: NOW }))).toBe(snapshot(tenant));
    expect(snapshot(createDemoTenant({ seed: 2, now: NOW }))).not.toBe(snapshot(tenant));
    expect(snapshot(createDemoTenant({ seed: 1, now: SATURDAY }))).not.toBe(snapshot(tenant));
  });

  it('has at least 8 function and 3 authority mailboxes, citizen service included, each a user', () => {
    expect(demoMailboxes.filter((b) => b.kind === 'function').length).toBeGreaterThanOrEqual(8);
    expect(demoMailboxes.filter((b) => b.kind === 'authority').length).toBeGreaterThanOrEqual(3);
    expect(demoMailboxes.map((b) => b.address)).toContain('medborgarservice@sjoby.example');
    for (const box of demoMailboxes) expect(tenant.findUser(box.address)?.kind).toBe('sharedMailbox');
  });

  it('has at least 3 units, each with a manager in the directory, and at least 20 people', () => {
    expect(demoUnits.length).toBeGreaterThanOrEqual(3);
    for (const unit of demoUnits) expect(tenant.findUser(unit.manager)?.department).toBe(unit.name);
    const people = tenant.users.filter((u) => u.kind === 'person');
    expect(people.length).toBeGreaterThanOrEqual(20);
    for (const person of people) {
      expect(person.mail).toBe(person.userPrincipalName);
      expect(person.mail.endsWith('@sjoby.example')).toBe(true);
      expect(
        person.jobTitle && person.department && person.officeLocation && person.mobilePhone,
      ).toBeTruthy();
      expect(person.businessPhones[0]).toMatch(/^0999-/);
    }
  });

  it('has about 300 Inbox messages, some handled in each way and some moved out', () => {
    const all = demoMailboxes.flatMap((b) => isInbox(tenant, b.address).messages);
    expect(all.length).toBeGreaterThanOrEqual(270);
    expect(all.length).toBeLessThanOrEqual(330);
    expect(all.some((m) => m.lastVerbExecuted === 102)).toBe(true);
    expect(all.some((m) => m.lastVerbExecuted === 104)).toBe(true);
    expect(all.some((m) => m.flag.flagStatus === 'complete' && m.flag.completedDateTime)).toBe(true);
    expect(all.some((m) => m.categories.includes('Hanterad'))).toBe(true);
    expect(all.some((m) => m.categories.includes('Diarieförd'))).toBe(true);
    const moved =
      demoMailboxes.flatMap((b) => [...(tenant.findUser(b.address)?.mailbox.messages.values() ?? [])])
        .length - all.length;
    expect(moved).toBeGreaterThan(0);
    expect(all.every((m) => Date.parse(m.receivedDateTime) < Date.parse(NOW))).toBe(true);
    expect(all.every((m) => !/\d{6}[-+]?\d{4}/.test(m.subject))).toBe(true);
  });

  it('has the register on the configured site, one item per mailbox', () => {
    const site = tenant.findSite(demoRegisterDefaults.siteId);
    const list = site && tenant.findList(site, demoRegisterDefaults.listId);
    expect(list?.displayName).toBe('Brevlådor');
    expect([...(list?.items.values() ?? [])].map((i) => i.fields.Address).sort()).toEqual(
      demoMailboxes.map((b) => b.address).sort(),
    );
  });

  it('plants the coverage problems it describes', () => {
    const p = demoPlantedProblems;
    const box = (address: string) => demoMailboxes.find((b) => b.address === address);
    expect(box(p.mailboxWithoutDeputy.mailbox)?.deputy).toBeNull();
    expect(box(p.ownerIsDeputy.mailbox)).toMatchObject({
      owner: p.ownerIsDeputy.person,
      deputy: p.ownerIsDeputy.person,
    });
    expect(box(p.deputyAccountDisabled.mailbox)?.deputy).toBe(p.deputyAccountDisabled.person);
    expect(tenant.findUser(p.deputyAccountDisabled.person)?.accountEnabled).toBe(false);

    const oof = (upn: string) => tenant.findUser(upn)?.mailbox.events.filter((e) => e.status === 'oof') ?? [];
    const nowMs = Date.parse(NOW);
    const awayNow = (upn: string) =>
      oof(upn).some((e) => Date.parse(e.start) <= nowMs && nowMs < Date.parse(e.end));
    expect(awayNow(p.awayNowWithoutAutoReply.person)).toBe(true);
    expect(tenant.findUser(p.awayNowWithoutAutoReply.person)?.mailbox.automaticReplies.status).toBe(
      'disabled',
    );
    expect(awayNow(p.autoReplyNamesNeither.person)).toBe(true);
    const reply = tenant.findUser(p.autoReplyNamesNeither.person)?.mailbox.automaticReplies;
    expect(reply?.status).toBe('alwaysEnabled');
    const text = `${reply?.internalReplyMessage} ${reply?.externalReplyMessage}`.toLowerCase();
    for (const hint of [
      p.autoReplyNamesNeither.deputy,
      p.autoReplyNamesNeither.ownerOf,
      'erik dahl',
      'kontaktcenter',
    ])
      expect(text).not.toContain(hint);

    // Owner and deputy both away on two working days of next week (Mon 23 – Fri 27 Nov 2026).
    const calendar = createWorkCalendar(demoCalendarOptions);
    const both = p.ownerAndDeputyAwayNextWeek;
    const sharedDays = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].filter(
      (date) => {
        const opening = calendar.openingOn(date);
        const at = opening ? Date.parse(opening.open) + 60_000 : NaN;
        return [both.owner, both.deputy].every((upn) =>
          oof(upn).some((e) => Date.parse(e.start) <= at && at < Date.parse(e.end)),
        );
      },
    );
    expect(sharedDays).toHaveLength(both.overlapWorkingDays);
    for (const upn of [both.owner, both.deputy])
      expect(tenant.findUser(upn)?.mailbox.automaticReplies.status).toBe('scheduled');

    const untracked = isInbox(tenant, p.messagesBeforeTrackedSince.mailbox).messages.filter((m) => {
      const item = [...(tenant.findSite(demoRegisterDefaults.siteId)?.lists.values() ?? [])][0]?.items;
      const since = [...(item?.values() ?? [])].find(
        (i) => i.fields.Address === p.messagesBeforeTrackedSince.mailbox,
      )?.fields.TrackedSince;
      return since && m.receivedDateTime < since;
    });
    expect(untracked.length).toBe(p.messagesBeforeTrackedSince.count);
  });

  it.each([
    ['a weekday morning', NOW, true],
    ['a Saturday', SATURDAY, true],
    ['a Sunday night', '2026-11-22T23:30:00+01:00', true],
    ['a weekday afternoon', '2026-11-18T16:30:00+01:00', true],
    ['julafton', '2026-12-24T10:00:00+01:00', true],
    ['midsommarafton', '2026-06-19T12:00:00+02:00', true],
  ])('gives every persona overdue, approaching and ok messages on %s', (_label, now, approaching) => {
    for (const seed of [1, 2, 3]) {
      const demo = createDemoTenant({ seed, now });
      for (const persona of demoPersonas) {
        const mix = stateMix(demo, persona.upn, now);
        expect(mix.boxes, persona.role).toBeGreaterThanOrEqual(2);
        expect(mix.overdue, `${persona.role} overdue, seed ${seed}`).toBeGreaterThan(0);
        expect(mix.ok, `${persona.role} ok, seed ${seed}`).toBeGreaterThan(0);
        expect(mix.handled, `${persona.role} handled, seed ${seed}`).toBeGreaterThan(0);
        if (approaching)
          expect(mix.approaching, `${persona.role} approaching, seed ${seed}`).toBeGreaterThan(0);
      }
    }
  });
});
