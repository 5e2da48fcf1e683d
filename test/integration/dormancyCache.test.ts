import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../config.json' with { type: 'json' };
import { createSyntheticTenant, startEmulator, syntheticManagerUpn } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';
import { coverageFindings, createWorkCalendar } from '../../shared/domain/index.ts';
import type { RegisterEntry } from '../../shared/domain/index.ts';
import { DemoTokenProvider, createBatchRunner, createLimiter, readRegister } from '../../shared/graph/index.ts';
import { createGraphClient } from '../../shared/graph/createGraphClient.ts';
import { openDormancyCache } from '../../shared/ui/teams/dormancyCache.ts';
import type { DormancyCache } from '../../shared/ui/teams/dormancyCache.ts';
import { loadCoverageData } from '../../shared/ui/teams/loadCoverageData.ts';

/**
 * The manager view's repeat visit on the large synthetic tenant (500 mailboxes) against the emulator
 * over HTTP: the newest-message cache spares the Inbox reads of every mailbox that is not dormant, and
 * a dormant one is read on every load, so its finding goes as soon as mail arrives.
 */

const NOW = '2026-11-17T10:30:00+01:00';
const nowMs = Date.parse(NOW);
const HOUR = 3_600_000;
let emulator: RunningEmulator;
let managed: RegisterEntry[];
let cache: DormancyCache | null;
const calendar = createWorkCalendar(config.organisation.calendar);

beforeAll(async () => {
  const tenant = createSyntheticTenant({ seed: 1, now: NOW, mailboxes: 500, people: 1500, messagesPerMailbox: 20 });
  emulator = await startEmulator({ port: 0, tenant });
  const register = await readRegister(client(), config.register);
  if (!register.ok) throw new Error(register.error.message);
  managed = register.value.entries.filter((e) => e.manager?.toLowerCase() === syntheticManagerUpn);
  cache = await openDormancyCache({ name: 'integration-dormancy-cache' });
});
afterAll(async () => {
  cache?.close();
  await emulator?.close();
});

function client() {
  const base = `${new URL(emulator.url).origin}/v1.0`;
  return createGraphClient({ baseUrl: base, tokens: new DemoTokenProvider(base, syntheticManagerUpn) });
}

/** One visit of the manager view at `atMs`: its data, dormant mailboxes, round trips and Inbox reads. */
async function visit(atMs: number) {
  const base = `${new URL(emulator.url).origin}/v1.0`;
  const tokens = new DemoTokenProvider(base, syntheticManagerUpn);
  const runner = createBatchRunner({ client: createGraphClient({ baseUrl: base, tokens }), tokens, limiter: createLimiter(4) });
  emulator.log.clear();
  const data = await loadCoverageData(runner, managed, {
    calendar,
    nowMs: atMs,
    dormancyCache: { cache, user: syntheticManagerUpn },
  });
  const log = emulator.log.entries();
  const result = coverageFindings({ entries: managed, ...data, calendar, now: calendar.formatInstant(atMs) });
  return {
    data,
    dormant: result.findings.filter((f) => f.kind === 'dormantMailbox').map((f) => f.mailbox).sort(),
    roundTrips: log.filter((e) => !e.viaBatch).length,
    inboxReads: log
      .filter((e) => e.viaBatch && e.url.includes('/mailFolders/inbox/messages'))
      .map((e) => decodeURIComponent(/\/users\/([^/]+)\//.exec(e.url)?.[1] ?? '').toLowerCase())
      .sort(),
  };
}

describe('the dormancy cache on the large synthetic tenant', () => {
  it('reads only the dormant mailboxes on a repeat visit, and drops a finding once mail arrives', async () => {
    expect(cache).not.toBeNull();
    expect(managed).toHaveLength(500);

    const first = await visit(nowMs);
    expect(first.inboxReads).toHaveLength(500);
    expect(first.data.read).toEqual({ fetched: 500, cached: 0 });
    expect(first.data.problems).toEqual([]);
    expect(first.dormant.length).toBeGreaterThan(0);
    expect(first.roundTrips).toBeGreaterThanOrEqual(25);

    // Two hours later, same user, warm cache: no request for the 490 mailboxes with recent mail; the
    // dormant ones are read again (their finding must go as soon as mail arrives), the same answers.
    const second = await visit(nowMs + 2 * HOUR);
    const nearEdge = Object.entries(first.data.lastIncoming)
      .filter(([, at]) => at !== null && nowMs + 2 * HOUR - Date.parse(at) >= 59 * 24 * HOUR)
      .map(([address]) => address);
    expect(second.inboxReads).toEqual(nearEdge.sort());
    expect(second.inboxReads).toEqual(first.dormant);
    expect(second.data.read).toEqual({ fetched: first.dormant.length, cached: 500 - first.dormant.length });
    expect(second.data.lastIncoming).toEqual(first.data.lastIncoming);
    expect(second.dormant).toEqual(first.dormant);
    expect(second.roundTrips).toBeLessThanOrEqual(8);

    // Mail arrives in one dormant mailbox (the change API): the next load drops its finding.
    const woken = first.dormant[0]!;
    const arrived = new Date(nowMs + 3 * HOUR).toISOString();
    emulator.tenant.changes.newMessage(woken, {
      subject: 'Fråga om ansökan',
      from: { name: 'Kim Andersson', address: 'kim.andersson@example.se' },
      receivedDateTime: arrived,
    });
    const third = await visit(nowMs + 4 * HOUR);
    expect(third.inboxReads).toEqual(first.dormant);
    expect(third.dormant).toEqual(first.dormant.filter((m) => m !== woken));
    expect(Date.parse(third.data.lastIncoming[woken] ?? '')).toBe(Date.parse(arrived));

    // Now that it has recent mail, it is answered from the cache like the others.
    const fourth = await visit(nowMs + 5 * HOUR);
    expect(fourth.inboxReads).toEqual(third.dormant);
    expect(fourth.dormant).toEqual(third.dormant);
  });
});
