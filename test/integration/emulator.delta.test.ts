import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';

/** Message delta: paging, options carried by links, change rounds, replays, expiry and faults. */

type Json = Record<string, unknown>;
const NOW = '2026-11-17T10:00:00+01:00';
const box = 'bygglov@sjoby.example'; // the staff persona (plain `demo` token) is its deputy
const other = 'miljo@sjoby.example';
const expand = "singleValueExtendedProperties($filter=id eq 'Integer 0x1081' or id eq 'SystemTime 0x1082')";
const select = 'subject,from,receivedDateTime,isRead,flag,categories,conversationId,webLink';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 21, now: NOW });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => emulator.faults.clear());

async function get(url: string, headers: Record<string, string> = {}) {
  const absolute = url.startsWith('http') ? url : `${emulator.origin}${url}`;
  const response = await fetch(absolute, { headers: { Authorization: 'Bearer demo', ...headers } });
  const text = await response.text();
  return { response, status: response.status, body: JSON.parse(text) as Json, text };
}

const deltaPath = (mailbox: string, query = '') =>
  `/v1.0/users/${mailbox}/mailFolders/inbox/messages/delta${query}`;

interface Round {
  items: Json[];
  pages: Json[];
  deltaLink: string;
}

/** Follows a round from `url` to its deltaLink. */
async function round(url: string, headers: Record<string, string> = {}): Promise<Round> {
  const items: Json[] = [];
  const pages: Json[] = [];
  let next: string | undefined = url;
  for (let i = 0; next; i++) {
    const { status, body } = await get(next, headers);
    expect(status, JSON.stringify(body)).toBe(200);
    pages.push(body);
    items.push(...(body.value as Json[]));
    if (typeof body['@odata.deltaLink'] === 'string')
      return { items, pages, deltaLink: body['@odata.deltaLink'] };
    next = body['@odata.nextLink'] as string | undefined;
    expect(next, 'a page has a nextLink or a deltaLink').toEqual(expect.any(String));
    expect(i).toBeLessThan(500);
  }
  throw new Error('unreachable');
}

const ids = (items: Json[]) => items.map((m) => String(m.id));
const removed = (items: Json[]) => items.filter((m) => m['@removed']);
const present = (items: Json[]) => items.filter((m) => !m['@removed']);

describe('the first round', () => {
  it('pages with Prefer: odata.maxpagesize and yields every Inbox message exactly once', async () => {
    const truth = emulator.tenant.inboxMessages(box);
    const first = await get(deltaPath(box, `?$select=${select}`), { Prefer: 'odata.maxpagesize=7' });
    expect(first.response.headers.get('Preference-Applied')).toBe('odata.maxpagesize=7');
    const result = await round(deltaPath(box, `?$select=${select}`), { Prefer: 'odata.maxpagesize=7' });
    expect(result.pages.length).toBe(Math.ceil(truth.length / 7));
    for (const page of result.pages) expect((page.value as Json[]).length).toBeLessThanOrEqual(7);
    expect(ids(result.items).sort()).toEqual(truth.map((m) => m.id).sort());
    expect(new Set(ids(result.items)).size).toBe(result.items.length);
    expect(removed(result.items)).toEqual([]);
  });

  it('pages 10 at a time by default, with absolute links on the service root', async () => {
    const { body } = await get(deltaPath(box));
    expect(body['@odata.context']).toBe(`${emulator.url}/$metadata#Collection(message)`);
    expect(body.value).toHaveLength(10);
    expect(body['@odata.nextLink']).toMatch(
      new RegExp(
        `^${emulator.url.replace(/[.]/g, '\\.')}/users/bygglov@sjoby\\.example/mailFolders/inbox/messages/delta\\?\\$skiptoken=[A-Za-z0-9_-]+$`,
      ),
    );
    const result = await round(deltaPath(box));
    expect(result.deltaLink).toMatch(/\/messages\/delta\?\$deltatoken=[A-Za-z0-9_-]+$/);
  });

  it('carries $select and $expand in its links: later pages need no options', async () => {
    const result = await round(
      deltaPath(box, `?$select=subject,receivedDateTime&$expand=${encodeURIComponent(expand)}`),
      {
        Prefer: 'odata.maxpagesize=5',
      },
    );
    expect(result.pages.length).toBeGreaterThan(2);
    for (const message of result.items) {
      const keys = Object.keys(message).filter((k) => k !== 'singleValueExtendedProperties');
      expect(keys.sort()).toEqual(['@odata.etag', '@odata.type', 'id', 'receivedDateTime', 'subject']);
      expect(message['@odata.etag']).toMatch(/^W\/"CQAAAB/);
    }
    const acted = result.items.filter((m) => m.singleValueExtendedProperties);
    const truth = emulator.tenant.inboxMessages(box).filter((m) => m.lastVerbExecuted !== null);
    expect(ids(acted).sort()).toEqual(truth.map((m) => m.id).sort());
    for (const message of acted) {
      const props = message.singleValueExtendedProperties as Array<{ id: string; value: string }>;
      const state = truth.find((m) => m.id === message.id);
      expect(props).toContainEqual({ id: 'Integer 0x1081', value: String(state?.lastVerbExecuted) });
      expect(props.find((p) => p.id === 'SystemTime 0x1082')?.value).toBe(state?.lastVerbExecutionTime);
    }
  });

  it('includes changeKey by default, and orders newest first with $orderby=receivedDateTime desc', async () => {
    const plain = await get(deltaPath(box));
    for (const message of plain.body.value as Json[]) {
      expect(message.changeKey).toEqual(expect.any(String));
      expect(message['@odata.etag']).toBe(`W/"${String(message.changeKey)}"`);
    }
    const result = await round(
      deltaPath(box, `?$orderby=${encodeURIComponent('receivedDateTime desc')}&$select=receivedDateTime`),
      {
        Prefer: 'odata.maxpagesize=4',
      },
    );
    const times = result.items.map((m) => Date.parse(String(m.receivedDateTime)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters with receivedDateTime ge|gt, and answers other filters and orders with 400', async () => {
    const since = '2026-11-10T00:00:00Z';
    const result = await round(
      deltaPath(box, `?$filter=${encodeURIComponent(`receivedDateTime ge ${since}`)}`),
      {
        Prefer: 'odata.maxpagesize=50',
      },
    );
    const expected = emulator.tenant
      .inboxMessages(box)
      .filter((m) => Date.parse(m.receivedDateTime) >= Date.parse(since));
    expect(ids(result.items).sort()).toEqual(expected.map((m) => m.id).sort());
    for (const query of [
      `?$filter=${encodeURIComponent('isRead eq false')}`,
      `?$filter=${encodeURIComponent(`receivedDateTime lt ${since}`)}`,
      `?$orderby=${encodeURIComponent('receivedDateTime asc')}`,
    ]) {
      expect((await get(deltaPath(box, query))).status, query).toBe(400);
    }
    const skip = await get(deltaPath(box, '?$skip=5'));
    expect(skip.status).toBe(400);
    expect((skip.body.error as Json).code).toBe('ErrorInvalidUrlQuery');
  });

  it('answers the delta() form and /me the same way', async () => {
    const a = await round(`/v1.0/users/${box}/mailFolders('Inbox')/messages/delta()?$select=id`, {
      Prefer: 'odata.maxpagesize=100',
    });
    expect(ids(a.items).sort()).toEqual(
      emulator.tenant
        .inboxMessages(box)
        .map((m) => m.id)
        .sort(),
    );
    const me = await round('/v1.0/me/mailFolders/inbox/messages/delta?$select=id', {
      Prefer: 'odata.maxpagesize=100',
    });
    expect(ids(me.items).sort()).toEqual(
      emulator.tenant
        .inboxMessages('elin.berg@sjoby.example')
        .map((m) => m.id)
        .sort(),
    );
  });

  it('refuses query options next to a token: links carry them', async () => {
    const { body } = await get(deltaPath(box, '?$select=id'));
    const next = `${String(body['@odata.nextLink'])}&$select=subject`;
    const { status, body: error } = await get(next);
    expect(status).toBe(400);
    expect(String((error.error as Json).message)).toMatch(/first delta request only/);
  });
});

describe('later rounds', () => {
  it('report exactly what changed: new, replied, categorised, moved in; moved out and deleted as @removed', async () => {
    const query = `?$select=subject,categories,isRead&$expand=${encodeURIComponent(expand)}`;
    const start = await round(deltaPath(box, query), { Prefer: 'odata.maxpagesize=9' });
    const inbox = emulator.tenant.inboxMessages(box);
    const unhandled = inbox.filter((m) => m.lastVerbExecuted === null && m.categories.length === 0);
    const [toReply, toCategorise, toMove, toDelete] = unhandled;
    if (!toReply || !toCategorise || !toMove || !toDelete) throw new Error('too little unhandled mail');
    const archived = emulator.tenant.folderMessages(box, 'archive')[0];
    if (!archived) throw new Error('nothing archived');
    const changes = emulator.tenant.changes;
    const fresh = changes.newMessage(box, {
      subject: 'Fråga om bygglov för attefallshus',
      from: { name: 'Kim Andersson', address: 'kim.andersson@example.se' },
    });
    changes.reply(box, toReply.id);
    changes.categorise(box, toCategorise.id, ['Hanterad']);
    changes.move(box, toMove.id, 'archive');
    changes.delete(box, toDelete.id);
    changes.move(box, archived.id, 'inbox');
    // Changes elsewhere do not show up here.
    const elsewhere = emulator.tenant.inboxMessages(other)[0];
    if (elsewhere) changes.markRead(other, elsewhere.id, true);

    const next = await round(start.deltaLink, { Prefer: 'odata.maxpagesize=2' });
    expect(ids(present(next.items)).sort()).toEqual(
      [fresh.id, toReply.id, toCategorise.id, archived.id].sort(),
    );
    expect(removed(next.items)).toEqual(
      expect.arrayContaining([
        { '@odata.type': '#microsoft.graph.message', id: toMove.id, '@removed': { reason: 'deleted' } },
        { '@odata.type': '#microsoft.graph.message', id: toDelete.id, '@removed': { reason: 'deleted' } },
      ]),
    );
    expect(removed(next.items)).toHaveLength(2);
    const replied = next.items.find((m) => m.id === toReply.id);
    expect(replied?.singleValueExtendedProperties).toContainEqual({ id: 'Integer 0x1081', value: '102' });
    expect(next.items.find((m) => m.id === toCategorise.id)?.categories).toEqual(['Hanterad']);
    // Options still carried: only the selected properties.
    expect(Object.keys(next.items.find((m) => m.id === fresh.id) ?? {}).sort()).toEqual(
      ['@odata.etag', '@odata.type', 'categories', 'id', 'isRead', 'subject'].sort(),
    );
  });

  it('is an empty page with a deltaLink when nothing changed, and the same link again', async () => {
    const start = await round(deltaPath(box, '?$select=id'), { Prefer: 'odata.maxpagesize=100' });
    const quiet = await get(start.deltaLink);
    expect(quiet.body.value).toEqual([]);
    expect(quiet.body['@odata.deltaLink']).toBe(start.deltaLink);
    expect(quiet.body['@odata.nextLink']).toBeUndefined();
  });

  it('gives the same answer when a link is replayed', async () => {
    const start = await round(deltaPath(box, '?$select=subject'), { Prefer: 'odata.maxpagesize=100' });
    const victim = emulator.tenant.inboxMessages(box)[3];
    if (!victim) throw new Error('no mail');
    emulator.tenant.changes.flag(box, victim.id, 'complete');
    emulator.tenant.changes.newMessage(box, {
      subject: 'Ny fråga',
      from: { name: 'A B', address: 'a.b@example.se' },
    });
    const once = await get(start.deltaLink, { Prefer: 'odata.maxpagesize=1' });
    const twice = await get(start.deltaLink, { Prefer: 'odata.maxpagesize=1' });
    expect(twice.text).toBe(once.text);
    const nextOnce = await get(String(once.body['@odata.nextLink']));
    const nextTwice = await get(String(once.body['@odata.nextLink']));
    expect(nextTwice.text).toBe(nextOnce.text);
    expect([...ids(once.body.value as Json[]), ...ids(nextOnce.body.value as Json[])].sort()).toEqual(
      [victim.id, emulator.tenant.inboxMessages(box)[0]?.id].sort(),
    );
  });

  it('keeps a round consistent when mail changes between its pages', async () => {
    const first = await get(deltaPath(box, '?$select=id'), { Prefer: 'odata.maxpagesize=5' });
    const seen = ids(first.body.value as Json[]);
    // A message not yet returned changes, one already returned is deleted, one arrives.
    const later = emulator.tenant.inboxMessages(box).find((m) => !seen.includes(m.id));
    if (!later) throw new Error('no mail');
    emulator.tenant.changes.markRead(box, later.id, !later.isRead);
    emulator.tenant.changes.delete(box, seen[0] ?? '');
    const arrived = emulator.tenant.changes.newMessage(box, {
      subject: 'Mitt i synken',
      from: { name: 'C D', address: 'c.d@example.se' },
    });
    const rest = await round(String(first.body['@odata.nextLink']), { Prefer: 'odata.maxpagesize=5' });
    const next = await round(rest.deltaLink, { Prefer: 'odata.maxpagesize=50' });
    // Every message now in the Inbox was seen in the first round or the next, exactly once per round.
    const firstRound = [...seen, ...ids(rest.items)];
    expect(new Set(firstRound).size).toBe(firstRound.length);
    const known = new Set([...firstRound, ...ids(present(next.items))]);
    for (const message of emulator.tenant.inboxMessages(box))
      expect(known.has(message.id), message.subject).toBe(true);
    expect(ids(present(next.items))).toEqual(expect.arrayContaining([later.id, arrived.id]));
    expect(ids(removed(next.items))).toContain(seen[0]);
  });

  it('filters by changeType=created', async () => {
    const start = await round(deltaPath(box, '?$select=id&changeType=created'), {
      Prefer: 'odata.maxpagesize=100',
    });
    const old = emulator.tenant.inboxMessages(box)[0];
    if (!old) throw new Error('no mail');
    emulator.tenant.changes.markRead(box, old.id, !old.isRead);
    const fresh = emulator.tenant.changes.newMessage(box, {
      subject: 'Skapad',
      from: { name: 'E F', address: 'e.f@example.se' },
    });
    const next = await round(start.deltaLink);
    expect(ids(next.items)).toEqual([fresh.id]);
  });
});

describe('expired and unknown tokens', () => {
  it('answer 410 Gone with SyncStateNotFound, per mailbox or for all', async () => {
    const mine = await round(deltaPath(box, '?$select=id'), { Prefer: 'odata.maxpagesize=100' });
    const theirs = await round(deltaPath(other, '?$select=id'), { Prefer: 'odata.maxpagesize=100' });
    const midRound = (await get(deltaPath(box, '?$select=id'))).body['@odata.nextLink'] as string;
    emulator.tenant.expireDeltaTokens(box);
    for (const link of [mine.deltaLink, midRound]) {
      const { status, body } = await get(link);
      expect(status).toBe(410);
      expect(body.error).toMatchObject({
        code: 'SyncStateNotFound',
        message: expect.stringMatching(/sync state/),
      });
    }
    expect((await get(theirs.deltaLink)).status).toBe(200);
    // A fresh first round works again.
    const again = await round(deltaPath(box, '?$select=id'), { Prefer: 'odata.maxpagesize=100' });
    expect((await get(again.deltaLink)).status).toBe(200);
    emulator.tenant.expireDeltaTokens();
    expect((await get(theirs.deltaLink)).status).toBe(410);
    expect((await get(again.deltaLink)).status).toBe(410);
  });

  it('answer 410 for a token the emulator did not issue or of another folder', async () => {
    for (const token of ['bm9wZQ', 'not-a-token', 'eyJ2IjoxfQ']) {
      const { status, body } = await get(deltaPath(box, `?$deltatoken=${token}`));
      expect(status, token).toBe(410);
      expect((body.error as Json).code).toBe('SyncStateNotFound');
    }
    const theirs = await round(deltaPath(other, '?$select=id'), { Prefer: 'odata.maxpagesize=100' });
    const token = new URL(theirs.deltaLink).searchParams.get('$deltatoken');
    expect((await get(deltaPath(box, `?$deltatoken=${token}`))).status).toBe(410);
  });
});

describe('a link from an earlier run', () => {
  it('is 410 on a restarted emulator with the same ids', async () => {
    const first = await startEmulator({ port: 0, seed: 21, now: NOW });
    const link = await (async () => {
      try {
        const response = await fetch(
          `${first.url}/users/${box}/mailFolders/inbox/messages/delta?$select=id`,
          {
            headers: { Authorization: 'Bearer demo', Prefer: 'odata.maxpagesize=1000' },
          },
        );
        return String(((await response.json()) as Json)['@odata.deltaLink']);
      } finally {
        await first.close();
      }
    })();
    const path = link.slice(new URL(link).origin.length);
    const { status, body } = await get(path);
    expect(status).toBe(410);
    expect((body.error as Json).message).toMatch(/earlier run/);
  });
});

describe('refuseDeltaExpand', () => {
  it('answers 400 to delta with $expand — also through a link that carries it — while plain delta works', async () => {
    const withExpand = await get(deltaPath(box, `?$select=id&$expand=${encodeURIComponent(expand)}`));
    expect(withExpand.status).toBe(200);
    const carried = String(withExpand.body['@odata.nextLink']);
    emulator.faults.set({ refuseDeltaExpand: true });
    const refused = await get(deltaPath(box, `?$select=id&$expand=${encodeURIComponent(expand)}`));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'ErrorInvalidUrlQuery',
      message: expect.stringMatching(/\$expand is not supported on delta/),
    });
    expect((await get(carried)).status).toBe(400);
    const plain = await round(deltaPath(box, '?$select=id'), { Prefer: 'odata.maxpagesize=100' });
    expect(plain.items.length).toBe(emulator.tenant.inboxMessages(box).length);
    // The product's fallback: plain GETs of the extended property still work.
    const one = await get(
      `/v1.0/users/${box}/messages/${String(plain.items[0]?.id)}?$select=id&$expand=${encodeURIComponent(expand)}`,
    );
    expect(one.status).toBe(200);
    const log = emulator.log.entries().filter((e) => e.fault === 'refuseDeltaExpand');
    expect(log.length).toBe(2);
  });
});
