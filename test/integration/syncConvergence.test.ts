import { describe, expect, it } from 'vitest';
import config from '../../config.json' with { type: 'json' };
import { createSyntheticTenant, startEmulator, syntheticPersonaUpn } from '../../emulator/index.ts';
import type { RequestLogEntry, RunningEmulator } from '../../emulator/index.ts';
import { coveredMailboxes } from '../../shared/domain/index.ts';
import {
  DemoTokenProvider,
  createSyncStore,
  readRegister,
} from '../../shared/graph/index.ts';
import { createGraphClient } from '../../shared/graph/createGraphClient.ts';
import type { SyncState } from '../../shared/graph/index.ts';
import { differences, requestLogProblems } from '../oracle/syncTruth.ts';

const RUNS = 50;
const NOW = '2026-11-17T10:30:00+01:00';
const { handledCategories } = config.organisation;
/** Rounds allowed at the end, with faults still on, for every mailbox to come out of error. */
const MAX_FINAL_ROUNDS = 30;

/** mulberry32: the run's own sequence of changes and rounds, from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)] };
}

function randomChange(emulator: RunningEmulator, mailboxes: string[], random: ReturnType<typeof prng>): void {
  const mailbox = random.pick(mailboxes)!;
  const changes = emulator.tenant.changes;
  const message = random.pick(emulator.tenant.inboxMessages(mailbox));
  const kind = random.pick([
    'new',
    'new',
    'reply',
    'replyAll',
    'forward',
    'categorise',
    'uncategorise',
    'flag',
    'unflag',
    'read',
    'move',
    'delete',
  ] as const)!;
  if (kind === 'new' || !message) {
    changes.newMessage(mailbox, {
      subject: `Fråga ${random.next().toString(36).slice(2, 8)}`,
      from: { name: 'Kim', address: 'kim@example.se' },
    });
    return;
  }
  const id = message.id;
  switch (kind) {
    case 'reply':
      changes.reply(mailbox, id);
      break;
    case 'replyAll':
      changes.reply(mailbox, id, { all: true });
      break;
    case 'forward':
      changes.forward(mailbox, id);
      break;
    case 'categorise':
      changes.categorise(mailbox, id, [random.pick(['Hanterad', 'Diarieförd', 'Bygglov', 'Väntar'])!]);
      break;
    case 'uncategorise':
      changes.categorise(mailbox, id, []);
      break;
    case 'flag':
      changes.flag(mailbox, id, random.next() < 0.5 ? 'complete' : 'flagged');
      break;
    case 'unflag':
      changes.flag(mailbox, id, 'notFlagged');
      break;
    case 'read':
      changes.markRead(mailbox, id, !message.isRead);
      break;
    case 'move':
      changes.move(mailbox, id, 'archive');
      break;
    case 'delete':
      changes.delete(mailbox, id, { permanent: random.next() < 0.3 });
      break;
  }
}

interface RunReport {
  seed: number;
  rounds: number;
  finalRounds: number;
  batches: number;
  retries: number;
  peakInFlight: number;
  problems: string[];
  log: RequestLogEntry[];
}

async function convergenceRun(seed: number): Promise<RunReport> {
  const tenant = createSyntheticTenant({
    seed,
    now: NOW,
    mailboxes: 4,
    messagesPerMailbox: 40,
    historyDays: 20,
  });
  const emulator = await startEmulator({ port: 0, tenant });
  try {
    const tokens = new DemoTokenProvider(emulator.url, syntheticPersonaUpn);
    const client = createGraphClient({
      baseUrl: emulator.url,
      tokens,
      retry: { maxRetries: 3, delaySeconds: 0.005 },
    });
    const register = await readRegister(client, config.register);
    if (!register.ok) throw new Error(register.error.message);
    const entries = coveredMailboxes(register.value.entries, syntheticPersonaUpn).map((c) => c.entry);
    const addresses = entries.map((e) => e.address);
    const store = createSyncStore({
      client,
      tokens,
      user: syntheticPersonaUpn,
      mailboxes: entries,
      organisation: config.organisation,
      // Small pages force paging: a full sync of a mailbox takes several requests.
      pageSize: 6,
      retry: { maxAttempts: 6, maxTotalWaitSeconds: 1, backoffSeconds: 0.005 },
    });
    emulator.faults.set({
      throttleRate: 0.2,
      unavailableRate: 0.05,
      dropRate: 0.02,
      retryAfterSeconds: 0.005,
      seed,
    });
    const random = prng(seed);
    let rounds = 0;
    for (let step = 0; step < 8; step++) {
      const count = 1 + Math.floor(random.next() * 5);
      for (let i = 0; i < count; i++) randomChange(emulator, addresses, random);
      if (random.next() < 0.1) emulator.tenant.expireDeltaTokens(random.pick(addresses));
      if (random.next() < 0.05) emulator.faults.expireTokens();
      if (random.next() < 0.6) {
        await store.refresh();
        rounds += 1;
      }
    }
    // The final sync runs with the faults still on: rounds until no mailbox is in error, bounded.
    let state: SyncState = await store.refresh();
    let finalRounds = 1;
    while (state.mailboxes.some((m) => m.status === 'error') && finalRounds < MAX_FINAL_ROUNDS) {
      state = await store.refresh();
      finalRounds += 1;
    }
    const problems = state.mailboxes
      .filter((m) => m.status === 'error')
      .map(
        (m) =>
          `${m.address}: still in error after ${finalRounds} final rounds: ${m.error?.status} ${m.error?.code}`,
      );
    problems.push(...addresses.flatMap((a) => differences(state, emulator.tenant, a, handledCategories)));
    return {
      seed,
      rounds: rounds + finalRounds,
      finalRounds,
      batches: store.stats.batches,
      retries: store.stats.retries,
      peakInFlight: store.stats.peakInFlight,
      problems,
      log: emulator.log.entries(),
    };
  } finally {
    await emulator.close();
  }
}

describe(`convergence under faults: ${RUNS} seeded runs with 20% 429, 5% 503 and 2% dropped connections`, () => {
  const reports: RunReport[] = [];

  it.for(Array.from({ length: RUNS }, (_, i) => i + 1))(
    "run %i: after the final sync the client's Inbox view equals the emulator's truth",
    async (seed) => {
      const report = await convergenceRun(seed);
      reports.push(report);
      expect(report.problems).toEqual([]);
      expect(report.peakInFlight).toBeLessThanOrEqual(4);
    },
  );

  it('faults really happened, every batch had at most 20 parts, and every request was within the strict oracle', () => {
    expect(reports).toHaveLength(RUNS);
    const log = reports.flatMap((r) => r.log);
    expect(log.filter((e) => e.fault === 'throttle').length).toBeGreaterThan(100);
    expect(log.filter((e) => e.fault === 'unavailable').length).toBeGreaterThan(20);
    expect(log.filter((e) => e.fault === 'drop').length).toBeGreaterThan(5);
    const partsPerBatch = new Map<string, number>();
    for (const e of log)
      if (e.batchRequestId)
        partsPerBatch.set(e.batchRequestId, (partsPerBatch.get(e.batchRequestId) ?? 0) + 1);
    expect(Math.max(...partsPerBatch.values())).toBeLessThanOrEqual(20);
    expect(requestLogProblems(log)).toEqual([]);
    const finalRounds = reports.map((r) => r.finalRounds);
    console.info(
      `[convergence] ${RUNS} runs, ${reports.reduce((n, r) => n + r.rounds, 0)} rounds, ` +
        `${reports.reduce((n, r) => n + r.batches, 0)} $batch requests, ${reports.reduce((n, r) => n + r.retries, 0)} part retries, ` +
        `final rounds needed: max ${Math.max(...finalRounds)}, runs needing more than one: ${finalRounds.filter((n) => n > 1).length}; ` +
        `faults: ${log.filter((e) => e.fault === 'throttle').length} throttled, ${log.filter((e) => e.fault === 'unavailable').length} unavailable, ${log.filter((e) => e.fault === 'drop').length} dropped`,
    );
  });
});
