/**
 * Mailbox sync: requests, bytes and time of the delta client against a naive client that lists every
 * Inbox in full on every refresh, in the same run, on the Graph emulator with a synthetic municipality
 * (100 shared mailboxes × 2,000 messages, about 1,800 of them in each Inbox; one persona covers all).
 *
 * Phases: (1) first sync; (2) a refresh with nothing changed; (3) a refresh after 1 % of the messages
 * changed (new mail, replies, forwards, categories, flags, moves, reads); (4) one after 0.1 % changed,
 * to show the bytes follow the changes. The naive client runs
 * each phase too: plain paged `GET /users/{mb}/mailFolders/inbox/messages` with the same `$select` and
 * 0x1081/0x1082 `$expand`, `$top=1000` (Graph's maximum page size for messages — the naive client's best
 * case; at Graph's default of 10 it would need 100× more requests), up to 4 requests in flight.
 * The delta client pages with `Prefer: odata.maxpagesize=1000` and sends up to 20 mailboxes' delta
 * requests per `$batch`. Both clients' results are checked against each other and the tenant.
 *
 * Targets: the unchanged refresh takes ≤ 5 HTTP requests and ≥ 20× fewer than the naive client;
 * bytes of a refresh grow with the changes, not with the mailbox size.
 *
 * `npx tsx bench/sync.bench.ts`. Counts come from the emulator's request log (outer HTTP requests;
 * bytes are response bodies as sent, `$batch` envelopes included).
 */
import { pathToFileURL } from 'node:url';
import config from '../config.json' with { type: 'json' };
import { createSyntheticTenant, startEmulator, syntheticPersonaUpn } from '../emulator/index.ts';
import type { RunningEmulator } from '../emulator/index.ts';
import { coveredMailboxes, handledReason } from '../shared/domain/index.ts';
import {
  DemoTokenProvider,
  createLimiter,
  createSyncStore,
  followLink,
  lastVerbExpand,
  messageSelect,
  readRegister,
  unhandledWithDeadlines,
} from '../shared/graph/index.ts';
import { createGraphClient } from '../shared/graph/createGraphClient.ts';
import type { HandledReason } from '../shared/domain/index.ts';
import type { SyncState } from '../shared/graph/index.ts';
import type { Client } from '@microsoft/microsoft-graph-client';

export interface SyncBenchmarkOptions {
  mailboxes?: number;
  messagesPerMailbox?: number;
  /** Shares of all messages changed before each later refresh. Default [0.01, 0.001]. */
  changeShares?: number[];
  seed?: number;
  log?: boolean;
}

export interface PhaseFigures {
  phase: string;
  client: 'delta' | 'naive';
  httpRequests: number;
  /** `$batch` parts (delta) or plain requests (naive). */
  graphRequests: number;
  responseBytes: number;
  ms: number;
}

export interface SyncBenchmarkFigures {
  mailboxes: number;
  inboxMessages: number;
  /** Messages changed before each "changed" refresh, in order. */
  changedMessages: number[];
  phases: PhaseFigures[];
  /** Naive requests ÷ delta requests for the unchanged refresh and the refresh after changes. */
  requestRatio: { unchanged: number; changed: number };
  /** Per "changed" refresh: delta bytes per changed message, and as a share of the naive client's bytes. */
  bytesPerChange: number[];
  changedBytesShareOfNaive: number[];
  /** Time to compute every mailbox's deadline groups from the synced state. */
  deadlineGroupingMs: number;
  mismatches: number;
  targets: { unchangedRequests: number; ratio: number; met: boolean };
}

const NOW = '2026-11-17T10:30:00+01:00';
const enc = encodeURIComponent;

interface NaiveMessage {
  id: string;
  flag?: { flagStatus?: 'notFlagged' | 'flagged' | 'complete' };
  categories?: string[];
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

/**
 * A request with up to 3 more tries when the connection fails (the SDK retries only 429/503/504):
 * an in-process emulator serving 13 MB answers now and then resets a kept-alive socket, and any real
 * client would try again too.
 */
async function withNetworkRetry<T>(request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode ?? -1;
      if (status > 0 || attempt > 3) throw error;
    }
  }
}

/** The naive client: every Inbox in full, every time. */
async function naiveRefresh(
  client: Client,
  addresses: readonly string[],
): Promise<Map<string, Map<string, HandledReason | null>>> {
  const limiter = createLimiter(4);
  const result = new Map<string, Map<string, HandledReason | null>>();
  await Promise.all(
    addresses.map(async (address) => {
      const messages = new Map<string, HandledReason | null>();
      let page = (await limiter.run(() =>
        withNetworkRetry(() =>
          client
            .api(`/users/${enc(address)}/mailFolders/inbox/messages`)
            .select([...messageSelect])
            .expand(lastVerbExpand)
            .top(1000)
            .get(),
        ),
      )) as { value: NaiveMessage[]; '@odata.nextLink'?: string };
      for (;;) {
        for (const m of page.value) {
          const verb = Number(m.singleValueExtendedProperties?.[0]?.value ?? Number.NaN);
          messages.set(
            m.id,
            handledReason(
              {
                flagStatus: m.flag?.flagStatus ?? null,
                categories: m.categories ?? [],
                lastVerbExecuted: Number.isNaN(verb) ? null : verb,
              },
              config.organisation.handledCategories,
            ),
          );
        }
        const next = page['@odata.nextLink'];
        if (!next) break;
        page = (await limiter.run(() =>
          withNetworkRetry(() => followLink(client, next).get()),
        )) as typeof page;
      }
      result.set(address, messages);
    }),
  );
  return result;
}

function measure(
  emulator: RunningEmulator,
  phase: string,
  client: PhaseFigures['client'],
  ms: number,
): PhaseFigures {
  const entries = emulator.log.entries();
  const outer = entries.filter((e) => !e.viaBatch);
  emulator.log.clear();
  return {
    phase,
    client,
    httpRequests: outer.length,
    graphRequests: client === 'delta' ? entries.filter((e) => e.viaBatch).length : outer.length,
    responseBytes: outer.reduce((n, e) => n + e.responseBytes, 0),
    ms: Math.round(ms),
  };
}

function changeMessages(
  emulator: RunningEmulator,
  addresses: readonly string[],
  count: number,
  seed: number,
): void {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const changes = emulator.tenant.changes;
  for (let i = 0; i < count; i++) {
    const mailbox = addresses[i % addresses.length] as string;
    const inbox = emulator.tenant.inboxMessages(mailbox);
    const message = inbox[Math.floor(random() * inbox.length)];
    const kind = Math.floor(random() * 7);
    if (!message || kind === 0)
      changes.newMessage(mailbox, {
        subject: `Ny fråga ${i}`,
        from: { name: 'Kim', address: 'kim@example.se' },
      });
    else if (kind === 1) changes.reply(mailbox, message.id);
    else if (kind === 2) changes.forward(mailbox, message.id);
    else if (kind === 3) changes.categorise(mailbox, message.id, ['Hanterad']);
    else if (kind === 4) changes.flag(mailbox, message.id, 'complete');
    else if (kind === 5) changes.move(mailbox, message.id, 'archive');
    else changes.markRead(mailbox, message.id, true);
  }
}

function compare(state: SyncState, naive: Map<string, Map<string, HandledReason | null>>): number {
  let mismatches = 0;
  for (const mailbox of state.mailboxes) {
    const other = naive.get(mailbox.address) ?? new Map();
    if (other.size !== mailbox.messages.length) mismatches += Math.abs(other.size - mailbox.messages.length);
    for (const m of mailbox.messages) if (other.get(m.id) !== m.handled) mismatches += 1;
  }
  return mismatches;
}

export async function runSyncBenchmark(options: SyncBenchmarkOptions = {}): Promise<SyncBenchmarkFigures> {
  const log = options.log ?? true;
  const mailboxCount = options.mailboxes ?? 100;
  const tenant = createSyntheticTenant({
    seed: options.seed ?? 1,
    now: NOW,
    mailboxes: mailboxCount,
    messagesPerMailbox: options.messagesPerMailbox ?? 2000,
  });
  const emulator = await startEmulator({ port: 0, tenant });
  try {
    const tokens = new DemoTokenProvider(emulator.url, syntheticPersonaUpn);
    const client = createGraphClient({ baseUrl: emulator.url, tokens });
    const register = await readRegister(client, config.register);
    if (!register.ok) throw new Error(`[bench] The register could not be read: ${register.error.message}`);
    const entries = coveredMailboxes(register.value.entries, syntheticPersonaUpn).map((c) => c.entry);
    const addresses = entries.map((e) => e.address);
    const store = createSyncStore({
      client,
      tokens,
      user: syntheticPersonaUpn,
      mailboxes: entries,
      organisation: config.organisation,
      pageSize: 1000,
    });
    emulator.log.clear();
    const phases: PhaseFigures[] = [];
    let mismatches = 0;

    const round = async (phase: string) => {
      let started = performance.now();
      const state = await store.refresh();
      phases.push(measure(emulator, phase, 'delta', performance.now() - started));
      if (state.mailboxes.some((m) => m.error))
        throw new Error(`[bench] ${phase}: a mailbox failed to sync.`);
      started = performance.now();
      const naive = await naiveRefresh(client, addresses);
      phases.push(measure(emulator, phase, 'naive', performance.now() - started));
      mismatches += compare(state, naive);
      return state;
    };

    const first = await round('first sync');
    const inboxMessages = first.mailboxes.reduce((n, m) => n + m.messages.length, 0);
    await round('refresh, nothing changed');
    const shares = options.changeShares ?? [0.01, 0.001];
    const changedMessages: number[] = [];
    let last = first;
    for (const share of shares) {
      const count = Math.round(inboxMessages * share);
      changedMessages.push(count);
      changeMessages(emulator, addresses, count, (options.seed ?? 1) + changedMessages.length);
      emulator.log.clear();
      last = await round(`refresh, ${+(share * 100).toFixed(2)} % changed`);
    }

    const started = performance.now();
    const groups = unhandledWithDeadlines(last, Date.parse(NOW));
    const deadlineGroupingMs = Math.round(performance.now() - started);

    const figure = (phase: number, client: 'delta' | 'naive') =>
      phases.find((p, i) => Math.floor(i / 2) === phase && p.client === client)!;
    const unchanged = { delta: figure(1, 'delta'), naive: figure(1, 'naive') };
    const changed = shares.map((_, i) => ({ delta: figure(2 + i, 'delta'), naive: figure(2 + i, 'naive') }));
    const ratio = (p: { delta: PhaseFigures; naive: PhaseFigures }) =>
      Math.round((p.naive.httpRequests / p.delta.httpRequests) * 10) / 10;
    const requestRatio = { unchanged: ratio(unchanged), changed: Math.min(...changed.map(ratio)) };
    const figures: SyncBenchmarkFigures = {
      mailboxes: addresses.length,
      inboxMessages,
      changedMessages,
      phases,
      requestRatio,
      bytesPerChange: changed.map((p, i) =>
        Math.round(p.delta.responseBytes / Math.max(1, changedMessages[i] ?? 0)),
      ),
      changedBytesShareOfNaive: changed.map(
        (p) => Math.round((p.delta.responseBytes / p.naive.responseBytes) * 10_000) / 10_000,
      ),
      deadlineGroupingMs,
      mismatches,
      targets: {
        unchangedRequests: 5,
        ratio: 20,
        met:
          unchanged.delta.httpRequests <= 5 &&
          requestRatio.unchanged >= 20 &&
          requestRatio.changed >= 20 &&
          mismatches === 0,
      },
    };

    if (log) {
      console.log(
        `Mailbox sync: ${figures.mailboxes} mailboxes, ${inboxMessages.toLocaleString('en')} Inbox messages; ${changedMessages.map((n) => n.toLocaleString('en')).join(', then ')} changed before the later refreshes.`,
      );
      console.table(
        phases.map((p) => ({
          phase: p.phase,
          client: p.client,
          'HTTP requests': p.httpRequests,
          'Graph requests': p.graphRequests,
          'response bytes': p.responseBytes.toLocaleString('en'),
          ms: p.ms,
        })),
      );
      console.log(
        `Requests, naive ÷ delta: ${requestRatio.unchanged}× with nothing changed, at least ${requestRatio.changed}× after changes. ` +
          `Bytes after changes: ${changed
            .map(
              (_, i) =>
                `${changedMessages[i]?.toLocaleString('en')} changed → ${figures.bytesPerChange[i]?.toLocaleString('en')} bytes per change, ${((figures.changedBytesShareOfNaive[i] ?? 0) * 100).toFixed(2)} % of the naive client's`,
            )
            .join('; ')}.`,
      );
      console.log(
        `Deadline groups for all mailboxes: ${deadlineGroupingMs} ms (${groups.overdue.length.toLocaleString('en')} overdue, ${groups.approaching.length} approaching, ${groups.ok.length} ok). Disagreements between the clients: ${mismatches}.`,
      );
      console.log(
        `Targets (unchanged refresh ≤ 5 HTTP requests, ≥ 20× fewer than naive, same results): ${figures.targets.met ? 'met' : 'NOT met'}.`,
      );
    }
    return figures;
  } finally {
    await emulator.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSyncBenchmark();
}
