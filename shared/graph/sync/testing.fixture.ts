import { http, HttpResponse } from 'msw';
import type { JsonBodyType } from 'msw';
import { createGraphClient } from '../createGraphClient.ts';
import type { TokenProvider } from '../auth/TokenProvider.ts';
import type { RegisterEntry, WorkCalendarOptions } from '../../domain/index.ts';
import type { PersistedMailbox, SyncPersistence } from './persistence.ts';
import type { DeltaEntry, RawMessage, SyncedMessage } from './syncedMessage.ts';
import type { MailboxView } from './syncState.ts';
import type { Timers } from './timers.ts';
import { mailboxCalendar, trackMessage } from './trackedMessage.ts';

/** Helpers for the sync layer's focused tests: a fake `$batch` endpoint under msw, and instant timers. */

export const testGraphBase = 'https://graph.test/v1.0';

export interface SentPart {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface PartAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: JsonBodyType;
}

/**
 * A `$batch` endpoint that answers each part with `answer(part)`, in reverse order (Graph does not
 * promise any order), and records every batch it received.
 */
export function fakeBatchEndpoint(answer: (part: SentPart, batchIndex: number) => PartAnswer | 'drop') {
  const batches: SentPart[][] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  const handler = http.post(`${testGraphBase}/$batch`, async ({ request }) => {
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      const body = (await request.json()) as { requests: SentPart[] };
      const index = batches.length;
      batches.push(body.requests);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const responses: Array<PartAnswer & { id: string }> = [];
      for (const part of body.requests) {
        const a = answer(part, index);
        if (a === 'drop') return HttpResponse.error();
        responses.push({ id: part.id, ...a });
      }
      return HttpResponse.json({ responses: responses.reverse() });
    } finally {
      inFlight -= 1;
    }
  });
  return {
    handler,
    batches,
    get peakInFlight() {
      return peakInFlight;
    },
  };
}

export function staticTokens(): TokenProvider & { renewals: number } {
  let generation = 0;
  return {
    renewals: 0,
    async getToken(options) {
      if (options?.forceRefresh) {
        generation += 1;
        this.renewals += 1;
      }
      return `token-${generation}`;
    },
  };
}

export function testClient(tokens: TokenProvider = staticTokens()) {
  return createGraphClient({ baseUrl: testGraphBase, tokens, retry: { maxRetries: 0, delaySeconds: 0 } });
}

/** Timers that fire on the next macrotask whatever the delay, recording the delays asked for. */
export function instantTimers(): Timers & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, ms) {
      delays.push(ms);
      return setTimeout(callback, 0);
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}

/** A register entry for tests. */
export function testEntry(address: string, changes: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    itemId: address,
    etag: null,
    address,
    displayName: address.split('@')[0] ?? address,
    kind: 'function',
    unit: 'Test',
    owner: 'owner@sjoby.example',
    deputy: 'deputy@sjoby.example',
    manager: null,
    policyPreset: 'mjolby-funktionsbrevlada',
    policy: { kind: 'sameOrNextWorkingDay' },
    openingHours: null,
    trackedSince: null,
    ...changes,
  };
}

/** An unread Inbox message as Graph's delta sends it. */
export function testRawMessage(id: string, changes: Partial<RawMessage> = {}): RawMessage {
  return {
    id,
    subject: `Ärende ${id}`,
    from: { emailAddress: { name: 'Kim Medborgare', address: 'kim@example.se' } },
    receivedDateTime: '2026-11-17T09:00:00Z',
    isRead: false,
    flag: { flagStatus: 'notFlagged' },
    categories: [],
    conversationId: `c-${id}`,
    webLink: `https://outlook.example/${id}`,
    ...changes,
  };
}

/** Delta's entry for a message that left the Inbox. */
export const testRemoved = (id: string): DeltaEntry => ({ id, '@removed': { reason: 'deleted' } });

/** An unread Inbox message as sync keeps it (no reply, flag or category), received at `receivedDateTime`. */
export function testSyncedMessage(id: string, receivedDateTime: string, changes: Partial<SyncedMessage> = {}): SyncedMessage {
  return {
    id,
    subject: id,
    from: null,
    receivedDateTime,
    isRead: false,
    flagStatus: 'notFlagged',
    categories: [],
    conversationId: null,
    webLink: null,
    lastVerb: null,
    lastVerbAt: null,
    flagCompletedAt: null,
    handledSeenAt: null,
    ...changes,
  };
}

/** A covered mailbox as the UI sees it (idle, fresh), holding `messages`, in Stockholm's calendar by default. */
export function testMailboxView(
  address: string,
  messages: SyncedMessage[],
  entryChanges: Partial<RegisterEntry> = {},
  organisation: WorkCalendarOptions = { timeZone: 'Europe/Stockholm' },
): MailboxView {
  const entry = testEntry(address, entryChanges);
  const calendar = mailboxCalendar(organisation, entry);
  const rules = { handledCategories: ['Hanterad'], trackedSince: entry.trackedSince, calendar };
  return {
    address,
    entry,
    calendar,
    status: 'idle',
    messages: messages.map((m) => trackMessage(m, rules)),
    lastFresh: null,
    stale: false,
    error: null,
    pending: new Set(),
  };
}

interface FakeMessage {
  message: RawMessage;
  seq: number;
}

/**
 * A tiny in-memory Graph for the store's focused tests: message delta (full, then changes since a
 * token, `@removed` for deletions) answered inside `$batch`, message PATCH and createForward. Not the
 * emulator — just enough to drive the store; the integration tests run against the emulator.
 */
export class FakeMailGraph {
  private seq = 0;
  private readonly boxes = new Map<
    string,
    { messages: Map<string, FakeMessage>; removed: Map<string, number> }
  >();
  /** Mailboxes whose delta requests answer 503 (or another status). */
  readonly failing = new Map<string, number>();
  /** Whether message PATCHes answer 503. */
  failPatches = false;
  readonly requests: Array<{ method: string; url: string }> = [];
  readonly drafts: Array<{ mailbox: string; messageId: string; to: string }> = [];

  private box(address: string) {
    let box = this.boxes.get(address);
    if (!box) {
      box = { messages: new Map(), removed: new Map() };
      this.boxes.set(address, box);
    }
    return box;
  }

  add(address: string, id: string, changes: Partial<RawMessage> = {}): void {
    this.box(address).messages.set(id, {
      seq: ++this.seq,
      message: testRawMessage(id, { from: { emailAddress: { name: 'Kim', address: 'kim@example.se' } }, ...changes }),
    });
  }

  change(address: string, id: string, changes: Partial<RawMessage>): void {
    const current = this.box(address).messages.get(id);
    if (!current) throw new Error(`FakeMailGraph: no message ${id} in ${address}.`);
    this.box(address).messages.set(id, { seq: ++this.seq, message: { ...current.message, ...changes } });
  }

  remove(address: string, id: string): void {
    this.box(address).messages.delete(id);
    this.box(address).removed.set(id, ++this.seq);
  }

  message(address: string, id: string): RawMessage | undefined {
    return this.boxes.get(address)?.messages.get(id)?.message;
  }

  private deltaAnswer(part: SentPart): PartAnswer {
    const url = new URL(part.url, testGraphBase);
    const match = /^\/users\/([^/]+)\/mailFolders\/inbox\/messages\/delta$/.exec(url.pathname);
    if (!match?.[1])
      return {
        status: 400,
        body: { error: { code: 'BadRequest', message: `FakeMailGraph cannot answer ${part.url}` } },
      };
    const address = decodeURIComponent(match[1]);
    const failing = this.failing.get(address);
    if (failing)
      return {
        status: failing,
        body: { error: { code: 'ServiceUnavailable', message: 'Down for the test' } },
      };
    const box = this.box(address);
    const token = url.searchParams.get('$deltatoken');
    const since = token === null ? null : Number(token);
    const value: unknown[] = [];
    for (const { message, seq } of box.messages.values())
      if (since === null || seq > since) value.push(message);
    if (since !== null)
      for (const [id, seq] of box.removed)
        if (seq > since) value.push({ id, '@removed': { reason: 'deleted' } });
    const deltaLink = `${testGraphBase}/users/${encodeURIComponent(address)}/mailFolders/inbox/messages/delta?$deltatoken=${this.seq}`;
    return { status: 200, body: { value, '@odata.deltaLink': deltaLink } as JsonBodyType };
  }

  handlers() {
    const batch = http.post(`${testGraphBase}/$batch`, async ({ request }) => {
      const body = (await request.json()) as { requests: SentPart[] };
      const responses = body.requests.map((part) => {
        this.requests.push({ method: part.method, url: part.url });
        return { id: part.id, ...this.deltaAnswer(part) };
      });
      return HttpResponse.json({ responses: responses.reverse() });
    });
    const patch = http.patch(`${testGraphBase}/users/:mailbox/messages/:id`, async ({ request, params }) => {
      this.requests.push({ method: 'PATCH', url: request.url });
      if (this.failPatches) {
        return HttpResponse.json(
          { error: { code: 'ServiceUnavailable', message: 'Down for the test' } },
          { status: 503 },
        );
      }
      const changes = (await request.json()) as { categories?: string[]; flag?: { flagStatus: 'complete' } };
      this.change(String(params.mailbox), String(params.id), changes);
      return HttpResponse.json(this.message(String(params.mailbox), String(params.id)) as JsonBodyType);
    });
    const forward = http.post(
      `${testGraphBase}/users/:mailbox/messages/:id/createForward`,
      async ({ request, params }) => {
        this.requests.push({ method: 'POST', url: request.url });
        const body = (await request.json()) as { toRecipients: Array<{ emailAddress: { address: string } }> };
        const to = body.toRecipients[0]?.emailAddress.address ?? '';
        this.drafts.push({ mailbox: String(params.mailbox), messageId: String(params.id), to });
        return HttpResponse.json(
          { id: `draft-${this.drafts.length}`, webLink: 'https://outlook.example/draft' },
          { status: 201 },
        );
      },
    );
    return [batch, patch, forward];
  }
}

/** An in-memory `SyncPersistence`. */
export function memoryPersistence(): SyncPersistence & { saves: number } {
  const mailboxes = new Map<string, PersistedMailbox>();
  const snapshots = new Map<string, SyncedMessage[]>();
  const key = (user: string, address: string) => `${user.toLowerCase()}|${address}`;
  return {
    saves: 0,
    async load(user) {
      return [...mailboxes.values()]
        .filter((m) => m.user === user.toLowerCase())
        .map((m) => ({ ...m, messages: structuredClone(snapshots.get(key(m.user, m.address)) ?? []) }));
    },
    async save(mailbox, messages) {
      this.saves += 1;
      mailboxes.set(key(mailbox.user, mailbox.address), { ...mailbox, user: mailbox.user.toLowerCase() });
      if (messages) snapshots.set(key(mailbox.user, mailbox.address), structuredClone([...messages]));
    },
    close() {},
  };
}
