import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../config.json' with { type: 'json' };
import { createSyntheticTenant, demoPlantedProblems, startEmulator } from '../../emulator/index.ts';
import type { RunningEmulator } from '../../emulator/index.ts';
import { coverageFindings, createWorkCalendar } from '../../shared/domain/index.ts';
import type { RegisterEntry } from '../../shared/domain/index.ts';
import { DIRECTORY_FILTER_LIMIT, lookUpPeople } from '../../shared/graph/directory.ts';
import {
  DemoTokenProvider,
  createBatchRunner,
  createLimiter,
  readRegister,
} from '../../shared/graph/index.ts';
import { createGraphClient } from '../../shared/graph/createGraphClient.ts';
import { loadCoverageData } from '../../shared/ui/teams/index.ts';

/**
 * The directory look-ups of the manager view against the emulator over HTTP: 15 people to a
 * `GET /users?$filter=… in (…)`, 20 of those to a `$batch`, counted in the emulator's request log.
 */

const NOW = '2026-11-17T10:30:00+01:00';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 1, now: NOW });
  // Principal name and mail differ, and both hold an apostrophe.
  emulator.tenant.addUser({
    userPrincipalName: "s.o'brien@sjoby.example",
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

function runnerFor(target: RunningEmulator, upn = 'lena.sjoberg@sjoby.example', maxAttempts = 5) {
  const base = `${new URL(target.url).origin}/v1.0`;
  const tokens = new DemoTokenProvider(base, upn);
  const client = createGraphClient({ baseUrl: base, tokens });
  return {
    client,
    runner: createBatchRunner({
      client,
      tokens,
      limiter: createLimiter(4),
      retry: { maxAttempts, backoffSeconds: 0.01 },
    }),
  };
}

/** Outer HTTP requests and parts since the log was cleared, by route. */
function traffic(target: RunningEmulator) {
  const entries = target.log.entries();
  return {
    outer: entries.filter((e) => !e.viaBatch),
    lookups: entries.filter((e) => e.viaBatch && e.route === 'users.list'),
    perPerson: entries.filter((e) => e.route === 'user.get'),
  };
}

describe('directory look-ups against the emulator', () => {
  it('finds people by principal name, then by mail, and leaves only the truly unknown not found', async () => {
    const { runner } = runnerFor(emulator);
    emulator.log.clear();
    const results = await lookUpPeople(runner, [
      'lars.persson@sjoby.example',
      "siobhan.o'brien@sjoby.example",
      'nobody@sjoby.example',
      'ANNA.johansson@sjoby.example',
    ]);
    expect(results.map((r) => [r.address, r.status])).toEqual([
      ['lars.persson@sjoby.example', 'found'],
      ["siobhan.o'brien@sjoby.example", 'found'],
      ['nobody@sjoby.example', 'notFound'],
      ['ANNA.johansson@sjoby.example', 'found'],
    ]);
    expect(results[0]?.status === 'found' && results[0].user).toMatchObject({
      displayName: 'Lars Persson',
      accountEnabled: false,
    });
    expect(results[1]?.status === 'found' && results[1].user.userPrincipalName).toBe(
      "s.o'brien@sjoby.example",
    );
    const { outer, lookups } = traffic(emulator);
    // One request by UPN for all four, one by mail for the two it missed; in two round trips.
    expect(
      lookups.map((e) =>
        decodeURIComponent(e.url)
          .replace(/^.*\$filter=/, '')
          .replace(/&.*$/, ''),
      ),
    ).toEqual([
      "userPrincipalName in ('lars.persson@sjoby.example','siobhan.o''brien@sjoby.example','nobody@sjoby.example','anna.johansson@sjoby.example')",
      "mail in ('siobhan.o''brien@sjoby.example','nobody@sjoby.example')",
    ]);
    expect(lookups.every((e) => e.status === 200)).toBe(true);
    expect(outer).toHaveLength(2);
  });

  it('reports throttled look-ups as failed, not as people not found', async () => {
    const { runner } = runnerFor(emulator, undefined, 1);
    emulator.faults.set({ throttleRate: 1, retryAfterSeconds: 0.01 });
    try {
      // The outer $batch is throttled too; the SDK's retries give up and every part fails.
      const results = await lookUpPeople(runner, ['lars.persson@sjoby.example', 'nobody@sjoby.example']);
      expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
    } finally {
      emulator.faults.clear();
    }
  });

  it('keeps the disabled deputy and the unknown owner findings of the demo register', async () => {
    const { client, runner } = runnerFor(emulator);
    const register = await readRegister(client, config.register);
    if (!register.ok) throw new Error(register.error.message);
    const first = register.value.entries[0] as RegisterEntry;
    const entries: RegisterEntry[] = [
      ...register.value.entries,
      {
        ...first,
        itemId: 'x',
        address: 'x@sjoby.example',
        owner: 'nobody@sjoby.example',
        deputy: "siobhan.o'brien@sjoby.example",
      },
    ];
    const calendar = createWorkCalendar(config.organisation.calendar);
    emulator.log.clear();
    const data = await loadCoverageData(runner, entries, { calendar, nowMs: Date.parse(NOW) });
    const result = coverageFindings({ entries, ...data, calendar, now: NOW });
    const lars = demoPlantedProblems.deputyAccountDisabled;
    expect(result.findings).toContainEqual(
      expect.objectContaining({ kind: 'personDisabled', mailbox: lars.mailbox, address: lars.person }),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        kind: 'personNotFound',
        mailbox: 'x@sjoby.example',
        address: 'nobody@sjoby.example',
      }),
    );
    expect(result.findings.filter((f) => f.kind === 'personNotFound')).toHaveLength(1);
    expect(data.people["siobhan.o'brien@sjoby.example"]).toEqual({
      displayName: "Siobhán O'Brien",
      found: true,
      accountEnabled: true,
    });
    const { lookups, perPerson } = traffic(emulator);
    const people = Object.keys(data.people).length;
    expect(perPerson).toEqual([]);
    // By UPN in chunks of 15, plus one by mail for the two that are no principal name.
    expect(lookups).toHaveLength(Math.ceil(people / DIRECTORY_FILTER_LIMIT) + 1);
  });
});

describe('directory look-ups for a large municipality', () => {
  let large: RunningEmulator;
  beforeAll(async () => {
    const tenant = createSyntheticTenant({
      seed: 1,
      now: NOW,
      mailboxes: 20,
      people: 1500,
      messagesPerMailbox: 1,
    });
    large = await startEmulator({ port: 0, tenant });
  });
  afterAll(async () => {
    await large?.close();
  });

  it('looks up 1,500 people in 100 requests sent as 5 $batch round trips', async () => {
    const people = large.tenant.users.filter((u) => u.kind === 'person').map((u) => u.mail);
    expect(people).toHaveLength(1500);
    const { runner } = runnerFor(large, people[0]);
    large.log.clear();
    const results = await lookUpPeople(runner, people);
    expect(results.every((r) => r.status === 'found')).toBe(true);
    const { outer, lookups } = traffic(large);
    expect(lookups).toHaveLength(100);
    expect(lookups.every((e) => e.status === 200)).toBe(true);
    expect(outer).toHaveLength(5);
    expect(runner.stats).toMatchObject({ batches: 5, parts: 100, retries: 0 });
  });
});
