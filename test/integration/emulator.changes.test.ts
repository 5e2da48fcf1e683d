import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoTenant,
  createSyntheticTenant,
  demoRegisterDefaults,
  demoTokenFor,
  forwardSubjectPrefix,
  startEmulator,
  syntheticManagerUpn,
  syntheticPersonaUpn,
} from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';

/** The change API (tenant.changes, /demo/changes, /demo/simulate), createForward and the synthetic tenant. */

type Json = Record<string, unknown>;
const NOW = '2026-11-17T10:00:00+01:00';
const box = 'bygglov@sjoby.example';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 6, now: NOW, clock: () => '2026-11-17T09:15:00Z' });
});
afterAll(async () => {
  await emulator?.close();
});

async function call(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? 'demo'}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(
    path.startsWith('/demo') ? `${emulator.origin}${path}` : `${emulator.url}${path}`,
    {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    },
  );
  return { status: response.status, body: (await response.json()) as Json, response };
}

describe('tenant.changes', () => {
  const tenant = createDemoTenant({ seed: 1, now: NOW });
  const changes = tenant.changes;

  it('delivers new mail to the Inbox and records every change with a new changeKey and change sequence', () => {
    const before = tenant.changeSeq;
    const message = changes.newMessage(box, {
      subject: 'Fråga om nybyggnadskarta',
      from: { name: 'Kim Andersson', address: 'kim.andersson@example.se' },
      receivedDateTime: '2026-11-17T08:55:00Z',
    });
    expect(tenant.inboxMessages(box)[0]?.id).toBe(message.id);
    expect(message).toMatchObject({ isRead: false, version: 1, lastVerbExecuted: null });
    expect(message.changeSeq).toBeGreaterThan(before);
    const versions: number[] = [message.version];
    changes.reply(box, message.id);
    expect(message).toMatchObject({
      lastVerbExecuted: 102,
      lastVerbExecutionTime: NOW.replace('10:00:00+01:00', '09:00:00Z'),
    });
    versions.push(message.version);
    changes.reply(box, message.id, { all: true });
    expect(message.lastVerbExecuted).toBe(103);
    changes.forward(box, message.id);
    expect(message.lastVerbExecuted).toBe(104);
    changes.categorise(box, message.id, ['Hanterad', 'Hanterad']);
    expect(message.categories).toEqual(['Hanterad']);
    changes.flag(box, message.id, 'complete');
    expect(message.flag).toMatchObject({ flagStatus: 'complete', completedDateTime: expect.any(String) });
    changes.markRead(box, message.id, false);
    expect(message.isRead).toBe(false);
    versions.push(message.version);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('moves and deletes: out of the Inbox, with tombstones for delta', () => {
    const [a, b, c] = tenant.inboxMessages(box);
    if (!a || !b || !c) throw new Error('no mail');
    const user = tenant.requireUser(box);
    changes.move(box, a.id, 'archive');
    changes.delete(box, b.id);
    changes.delete(box, c.id, { permanent: true });
    const inbox = tenant.inboxMessages(box).map((m) => m.id);
    for (const m of [a, b, c]) expect(inbox).not.toContain(m.id);
    expect(tenant.folderMessages(box, 'archive').map((m) => m.id)).toContain(a.id);
    expect(tenant.folderMessages(box, 'deleteditems').map((m) => m.id)).toContain(b.id);
    expect(user.mailbox.messages.has(c.id)).toBe(false);
    const inboxId = tenant.wellKnownFolder(user, 'inbox').id;
    const tombstones = user.mailbox.tombstones.filter((t) => t.folderId === inboxId).map((t) => t.messageId);
    expect(tombstones).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });

  it('throws for unknown mailboxes, messages and folders', () => {
    expect(() => changes.reply('nobody@sjoby.example', 'x')).toThrow(/nobody/);
    expect(() => changes.reply(box, 'no-such-id')).toThrow(/no message/);
    const id = tenant.inboxMessages(box)[0]?.id ?? '';
    expect(() => changes.move(box, id, 'nosuchfolder')).toThrow(/no folder/);
  });
});

describe('POST /demo/changes and /demo/simulate', () => {
  it('applies each kind of change over HTTP, anonymously on loopback', async () => {
    const created = await call('/demo/changes', {
      token: null,
      method: 'POST',
      body: {
        kind: 'newMessage',
        mailbox: box,
        subject: 'Demo: ny fråga',
        from: { name: 'Lo Berg', address: 'lo@example.se' },
      },
    });
    expect(created.status).toBe(200);
    const id = String((created.body.message as Json).id);
    expect(created.body.message).toMatchObject({ subject: 'Demo: ny fråga', folder: 'inbox', present: true });
    const steps: Array<[Json, (m: Json) => void]> = [
      [
        { kind: 'reply', all: true },
        () => expect(emulator.tenant.requireUser(box).mailbox.messages.get(id)?.lastVerbExecuted).toBe(103),
      ],
      [
        { kind: 'forward' },
        () => expect(emulator.tenant.requireUser(box).mailbox.messages.get(id)?.lastVerbExecuted).toBe(104),
      ],
      [{ kind: 'categorise', categories: ['Diarieförd'] }, () => undefined],
      [{ kind: 'flag', status: 'flagged' }, () => undefined],
      [{ kind: 'markRead', isRead: true }, () => undefined],
      [{ kind: 'move', folder: 'archive' }, (m) => expect(m.folder).toBe('archive')],
      [{ kind: 'delete' }, (m) => expect(m.folder).toBe('deleteditems')],
      [{ kind: 'delete' }, (m) => expect(m.present).toBe(false)],
    ];
    for (const [change, check] of steps) {
      const { status, body } = await call('/demo/changes', {
        token: null,
        method: 'POST',
        body: { mailbox: box, messageId: id, ...change },
      });
      expect(status, JSON.stringify(change)).toBe(200);
      check(body.message as Json);
    }
    const message = emulator.tenant.findUser(box)?.mailbox.messages.get(id);
    expect(message).toBeUndefined();
  });

  it('answers bad change requests with Graph-shaped errors', async () => {
    const cases: Array<[Json, number]> = [
      [{ kind: 'explode', mailbox: box }, 400],
      [{ kind: 'reply', mailbox: 'nobody@sjoby.example', messageId: 'x' }, 404],
      [
        {
          kind: 'reply',
          mailbox: box,
          messageId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAAAAAAAA==',
        },
        404,
      ],
      [{ kind: 'newMessage', mailbox: box }, 400],
      [
        { kind: 'flag', mailbox: box, messageId: emulator.tenant.inboxMessages(box)[0]?.id, status: 'done' },
        400,
      ],
    ];
    for (const [body, status] of cases) {
      const result = await call('/demo/changes', { token: null, method: 'POST', body });
      expect(result.status, JSON.stringify(body)).toBe(status);
      expect((result.body.error as Json).code).toEqual(expect.any(String));
    }
  });

  it('simulates realistic changes, deterministically for a seed, and delta reports them', async () => {
    const link = async (mailbox: string) => {
      let next: string | undefined =
        `${emulator.url}/users/${mailbox}/mailFolders/inbox/messages/delta?$select=id`;
      for (;;) {
        const body = (await (
          await fetch(String(next), {
            headers: { Authorization: 'Bearer demo', Prefer: 'odata.maxpagesize=200' },
          })
        ).json()) as Json;
        if (body['@odata.deltaLink']) return String(body['@odata.deltaLink']);
        next = body['@odata.nextLink'] as string;
      }
    };
    const covered = ['bygglov@sjoby.example', 'miljo@sjoby.example', 'byggnadsnamnden@sjoby.example'];
    const links = new Map(await Promise.all(covered.map(async (m) => [m, await link(m)] as const)));
    const { status, body } = await call('/demo/simulate', {
      token: null,
      method: 'POST',
      body: { count: 60, seed: 3 },
    });
    expect(status).toBe(200);
    const applied = body.applied as Array<{ kind: string; mailbox: string; messageId: string }>;
    expect(applied).toHaveLength(60);
    expect(new Set(applied.map((a) => a.kind)).size).toBeGreaterThanOrEqual(5);
    expect(applied.filter((a) => a.kind === 'newMessage').length).toBeGreaterThan(15);
    for (const mailbox of covered) {
      const round = (await (
        await fetch(String(links.get(mailbox)), {
          headers: { Authorization: 'Bearer demo', Prefer: 'odata.maxpagesize=500' },
        })
      ).json()) as Json;
      const reported = new Set((round.value as Json[]).map((m) => String(m.id)));
      for (const change of applied.filter((a) => a.mailbox === mailbox))
        expect(reported.has(change.messageId), change.kind).toBe(true);
    }
    // The same seed on the same starting tenant gives the same changes.
    const a = createDemoTenant({ seed: 6, now: NOW }).changes.simulate(30, { seed: 9 });
    const b = createDemoTenant({ seed: 6, now: NOW }).changes.simulate(30, { seed: 9 });
    expect(a.map((c) => [c.kind, c.mailbox, c.subject])).toEqual(
      b.map((c) => [c.kind, c.mailbox, c.subject]),
    );
    expect((await call('/demo/simulate', { token: null, method: 'POST', body: { count: -1 } })).status).toBe(
      400,
    );
  });
});

describe('extended properties on messages', () => {
  it('filter the message list with singleValueExtendedProperties/any, and expand on GET', async () => {
    const filter = encodeURIComponent(
      "singleValueExtendedProperties/Any(ep: ep/id eq 'Integer 0x1081' and ep/value eq '104')",
    );
    const expand = encodeURIComponent("singleValueExtendedProperties($filter=id eq 'Integer 0x1081')");
    const { status, body } = await call(
      `/users/${box}/mailFolders/inbox/messages?$filter=${filter}&$expand=${expand}&$select=id&$top=100`,
    );
    expect(status).toBe(200);
    const expected = emulator.tenant.inboxMessages(box).filter((m) => m.lastVerbExecuted === 104);
    expect(expected.length).toBeGreaterThan(0);
    const found = body.value as Json[];
    expect(found.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    for (const message of found)
      expect(message.singleValueExtendedProperties).toEqual([{ id: 'Integer 0x1081', value: '104' }]);
    const one = await call(
      `/users/${box}/messages/${String(found[0]?.id)}?$select=subject&$expand=${expand}`,
    );
    expect(one.body.singleValueExtendedProperties).toEqual([{ id: 'Integer 0x1081', value: '104' }]);
    const none = emulator.tenant.inboxMessages(box).find((m) => m.lastVerbExecuted === null);
    const plain = await call(`/users/${box}/messages/${String(none?.id)}?$select=subject&$expand=${expand}`);
    expect(plain.body).not.toHaveProperty('singleValueExtendedProperties');
  });
});

describe('createForward', () => {
  it('creates a “VB:” draft in Drafts with the recipients and comment, readable with GET', async () => {
    const original = emulator.tenant.inboxMessages(box)[2];
    if (!original) throw new Error('no mail');
    const { status, body, response } = await call(`/users/${box}/messages/${original.id}/createForward`, {
      method: 'POST',
      body: {
        toRecipients: [
          { emailAddress: { address: 'medborgarservice@sjoby.example', name: 'Medborgarservice' } },
        ],
        comment: 'Hej! Kan ni hjälpa den här personen vidare?',
      },
    });
    expect(status).toBe(201);
    expect(response.headers.get('ETag')).toBe(body['@odata.etag']);
    expect(body).toMatchObject({
      subject: `${forwardSubjectPrefix}${original.subject}`,
      isDraft: true,
      isRead: true,
      conversationId: original.conversationId,
      toRecipients: [
        { emailAddress: { address: 'medborgarservice@sjoby.example', name: 'Medborgarservice' } },
      ],
      from: { emailAddress: { address: box } },
      webLink: expect.stringContaining('outlook.office365.com'),
    });
    expect(forwardSubjectPrefix).toBe('VB: ');
    const drafts = emulator.tenant.folderMessages(box, 'drafts');
    expect(drafts.map((m) => m.id)).toContain(body.id);
    expect(body.parentFolderId).toBe(
      emulator.tenant.wellKnownFolder(emulator.tenant.requireUser(box), 'drafts').id,
    );
    const read = await call(`/users/${box}/messages/${String(body.id)}?$select=subject,isDraft,body`);
    expect(read.body).toMatchObject({ isDraft: true, subject: body.subject });
    expect(String((read.body.body as Json).content)).toContain('Kan ni hjälpa den här personen vidare?');
    // The original is untouched until the forward is sent.
    expect(original.lastVerbExecuted).toBeNull();
  });

  it('takes an empty body, and refuses bad recipients and unknown properties', async () => {
    const id = emulator.tenant.inboxMessages(box)[3]?.id ?? '';
    const empty = await fetch(`${emulator.url}/users/${box}/messages/${id}/createForward`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo' },
    });
    expect(empty.status).toBe(201);
    expect(
      (
        await call(`/users/${box}/messages/${id}/createForward`, {
          method: 'POST',
          body: { toRecipients: [{ emailAddress: {} }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(`/users/${box}/messages/${id}/createForward`, { method: 'POST', body: { subject: 'x' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(
          `/users/${box}/messages/AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAAAAAAAA==/createForward`,
          { method: 'POST', body: {} },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(`/users/socialtjanst@sjoby.example/messages/${id}/createForward`, {
          method: 'POST',
          body: {},
        })
      ).status,
    ).toBe(403);
  });
});

describe('the synthetic tenant', () => {
  it('builds 100 mailboxes × 2000 messages in a few seconds, all covered by one persona', async () => {
    const started = performance.now();
    const tenant = createSyntheticTenant({ seed: 1, now: NOW, mailboxes: 100, messagesPerMailbox: 2000 });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(15);
    const mailboxes = tenant.users.filter((u) => u.kind === 'sharedMailbox');
    expect(mailboxes).toHaveLength(100);
    const total = mailboxes.reduce((sum, m) => sum + m.mailbox.messages.size, 0);
    expect(total).toBe(200_000);
    const persona = tenant.findUser(syntheticPersonaUpn);
    const manager = tenant.findUser(syntheticManagerUpn);
    if (!persona || !manager) throw new Error('personas missing');
    expect(tenant.defaultUserId).toBe(persona.id);
    for (const mailbox of mailboxes) {
      expect(tenant.canAccessMailbox(persona, mailbox)).toBe(true);
      expect(tenant.canAccessMailbox(manager, mailbox)).toBe(true);
    }
    const site = tenant.findSite(demoRegisterDefaults.siteId);
    const list = site && tenant.findList(site, demoRegisterDefaults.listId);
    const items = [...(list?.items.values() ?? [])];
    expect(items).toHaveLength(100);
    expect(
      items.every((i) => i.fields.Deputy === syntheticPersonaUpn && i.fields.Manager === syntheticManagerUpn),
    ).toBe(true);
    expect(new Set(items.map((i) => i.fields.Owner)).size).toBeGreaterThan(10);
    expect(items.map((i) => i.fields.Address).sort()).toEqual(mailboxes.map((m) => m.mail).sort());

    const first = mailboxes[0];
    if (!first) throw new Error('no mailbox');
    const inbox = tenant.inboxMessages(first);
    const times = inbox.map((m) => Date.parse(m.receivedDateTime));
    const nowMs = Date.parse(NOW);
    expect(Math.min(...times)).toBeLessThan(nowMs - 600 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(nowMs);
    const handled = inbox.filter(
      (m) => m.lastVerbExecuted !== null || m.flag.flagStatus === 'complete' || m.categories.length > 0,
    );
    expect(handled.length / inbox.length).toBeGreaterThan(0.6);
    expect(inbox.length - handled.length).toBeGreaterThan(0);
  });

  it('serves a delta sync to the persona, and scales to 500 mailboxes and 1,500 people', async () => {
    const tenant = createSyntheticTenant({ seed: 2, now: NOW, mailboxes: 5, messagesPerMailbox: 300 });
    const server = await startEmulator({ port: 0, tenant });
    try {
      const mailbox = tenant.users.find((u) => u.kind === 'sharedMailbox');
      let next: string | undefined =
        `${server.url}/users/${String(mailbox?.mail)}/mailFolders/inbox/messages/delta?$select=id`;
      let count = 0;
      while (next) {
        const response = await fetch(next, {
          headers: {
            Authorization: `Bearer ${demoTokenFor(syntheticPersonaUpn)}`,
            Prefer: 'odata.maxpagesize=100',
          },
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as Json;
        count += (body.value as unknown[]).length;
        next = body['@odata.nextLink'] as string | undefined;
      }
      expect(count).toBe(tenant.inboxMessages(String(mailbox?.mail)).length);
    } finally {
      await server.close();
    }
    const large = createSyntheticTenant({
      seed: 3,
      now: NOW,
      mailboxes: 500,
      people: 1500,
      messagesPerMailbox: 4,
    });
    expect(large.users.filter((u) => u.kind === 'person')).toHaveLength(1500);
    expect(large.users.filter((u) => u.kind === 'sharedMailbox')).toHaveLength(500);
    expect(new Set(large.users.map((u) => u.userPrincipalName)).size).toBe(2000);
  });
});
