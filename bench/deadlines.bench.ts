/**
 * Deadline engine throughput: 1,000,000 messages over 100 mailboxes with three calendars, received over
 * two years, mixed policies. Measures deadline states per second of the fast day-table engine — through
 * the ISO-string API (`deadlineState`) and the epoch-millisecond API (`deadlineStateMs`) — against the
 * straightforward day-by-day Temporal implementation on a sample, and checks on that sample that both
 * give the same answers. Targets: ≥ 2,000,000 states/s and ≥ 50× the straightforward implementation.
 *
 * `npx tsx bench/deadlines.bench.ts` (or `npm run bench deadlines`).
 */
import { pathToFileURL } from 'node:url';
import { createWorkCalendar, deadlineState, deadlineStateMs, policyPresets } from '../shared/domain/index.ts';
import type {
  DeadlinePolicy,
  DeadlineState,
  WorkCalendar,
  WorkCalendarOptions,
} from '../shared/domain/index.ts';
import {
  createStraightforwardCalendar,
  straightforwardDeadlineState,
} from '../shared/domain/reference/straightforwardDueAt.ts';
import type { StraightforwardCalendar } from '../shared/domain/reference/straightforwardDueAt.ts';

export interface DeadlineBenchmarkOptions {
  messages?: number;
  mailboxes?: number;
  /** Messages the straightforward implementation computes (every n-th message). */
  sample?: number;
  /** Timed repetitions of each fast measurement; the best is reported. */
  repetitions?: number;
  log?: boolean;
}

export interface DeadlineBenchmarkFigures {
  messages: number;
  mailboxes: number;
  calendars: number;
  isoStatesPerSecond: number;
  msStatesPerSecond: number;
  straightforwardStatesPerSecond: number;
  straightforwardSample: number;
  speedupIso: number;
  speedupMs: number;
  sampleMismatches: number;
  states: { ok: number; approaching: number; overdue: number };
  targets: { statesPerSecond: number; speedup: number; met: boolean };
}

const CALENDARS: Array<{ name: string; options: WorkCalendarOptions }> = [
  { name: 'default (Mon–Fri 08–17)', options: {} },
  {
    name: 'Saturday opening, short days',
    options: {
      openingHours: { fri: '08:00-16:00', sat: '10:00-14:00' },
      shortDays: {
        '2026-01-05': '12:00',
        '2026-04-30': '12:00',
        '2026-11-06': '15:00',
        '2027-01-05': '12:00',
        '2027-04-30': '12:00',
      },
    },
  },
  {
    name: 'other hours, closed days',
    options: {
      openingHours: {
        mon: '07:30-16:30',
        tue: '07:30-16:30',
        wed: '07:30-16:30',
        thu: '07:30-18:00',
        fri: '07:30-15:00',
      },
      closedDates: ['2026-01-02', '2026-05-15', '2026-12-23', '2027-05-07', '2027-12-23'],
    },
  },
];

/** mulberry32: a small deterministic PRNG, so every run measures the same messages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Graph's `receivedDateTime` layout: `2026-03-30T06:12:45Z`. */
const graphTime = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 19)}Z`;

export async function runDeadlineBenchmark(
  options: DeadlineBenchmarkOptions = {},
): Promise<DeadlineBenchmarkFigures> {
  const { messages = 1_000_000, mailboxes = 100, sample = 20_000, repetitions = 3, log = true } = options;
  const say = (text: string) => log && console.log(text);

  const presets = Object.values(policyPresets);
  const calendars: WorkCalendar[] = CALENDARS.map((calendar) => createWorkCalendar(calendar.options));
  const references: StraightforwardCalendar[] = CALENDARS.map((calendar) =>
    createStraightforwardCalendar(calendar.options),
  );
  const mailboxCalendar = Array.from({ length: mailboxes }, (_, m) => m % CALENDARS.length);
  const mailboxPolicy: DeadlinePolicy[] = Array.from(
    { length: mailboxes },
    (_, m) => presets[m % presets.length]!,
  );

  say(`Generating ${messages.toLocaleString('en')} messages for ${mailboxes} mailboxes…`);
  const next = random(2026);
  const from = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2028, 0, 1) - from;
  const mailbox = new Uint8Array(messages);
  const receivedMs = new Float64Array(messages);
  const nowMs = new Float64Array(messages);
  const receivedIso: string[] = new Array<string>(messages);
  const nowIso: string[] = new Array<string>(messages);
  for (let i = 0; i < messages; i++) {
    mailbox[i] = Math.floor(next() * mailboxes);
    receivedMs[i] = from + Math.floor((next() * span) / 1000) * 1000;
    nowMs[i] = receivedMs[i]! + Math.floor(next() * 3 * 86_400) * 1000; // 0–3 days later: ok, approaching and overdue
    receivedIso[i] = graphTime(receivedMs[i]!);
    nowIso[i] = graphTime(nowMs[i]!);
  }

  const states = { ok: 0, approaching: 0, overdue: 0 };
  const runMs = (count: boolean) => {
    for (let i = 0; i < messages; i++) {
      const m = mailbox[i]!;
      const state = deadlineStateMs(
        receivedMs[i]!,
        nowMs[i]!,
        mailboxPolicy[m]!,
        calendars[mailboxCalendar[m]!]!,
      );
      if (count) states[state.state]++;
    }
  };
  let checksum = 0;
  const runIso = () => {
    for (let i = 0; i < messages; i++) {
      const m = mailbox[i]!;
      checksum += deadlineState(
        receivedIso[i]!,
        nowIso[i]!,
        mailboxPolicy[m]!,
        calendars[mailboxCalendar[m]!]!,
      ).due.length;
    }
  };
  const best = (run: () => void) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let r = 0; r < repetitions; r++) {
      const started = performance.now();
      run();
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest / 1000;
  };

  say('Warming up (builds the day tables, lets the JIT compile)…');
  runMs(true);
  runIso();

  say('Timing the fast engine…');
  const msSeconds = best(() => runMs(false));
  const isoSeconds = best(runIso);

  const stride = Math.max(1, Math.floor(messages / sample));
  const sampled: number[] = [];
  for (let i = 0; i < messages && sampled.length < sample; i += stride) sampled.push(i);
  say(`Timing the straightforward implementation on ${sampled.length.toLocaleString('en')} messages…`);
  const expected: DeadlineState[] = new Array<DeadlineState>(sampled.length);
  const referenceStarted = performance.now();
  for (let s = 0; s < sampled.length; s++) {
    const i = sampled[s]!;
    const m = mailbox[i]!;
    expected[s] = straightforwardDeadlineState(
      receivedIso[i]!,
      nowIso[i]!,
      mailboxPolicy[m]!,
      references[mailboxCalendar[m]!]!,
    );
  }
  const referenceSeconds = (performance.now() - referenceStarted) / 1000;

  let sampleMismatches = 0;
  for (let s = 0; s < sampled.length; s++) {
    const i = sampled[s]!;
    const m = mailbox[i]!;
    const fast = deadlineState(
      receivedIso[i]!,
      nowIso[i]!,
      mailboxPolicy[m]!,
      calendars[mailboxCalendar[m]!]!,
    );
    const reference = expected[s]!;
    if (
      fast.due !== reference.due ||
      fast.state !== reference.state ||
      fast.openMinutesLeft !== reference.openMinutesLeft
    ) {
      if (sampleMismatches++ < 5)
        say(
          `  MISMATCH ${receivedIso[i]} now ${nowIso[i]}: fast ${JSON.stringify(fast)}, straightforward ${JSON.stringify(reference)}`,
        );
    }
  }

  const msRate = messages / msSeconds;
  const isoRate = messages / isoSeconds;
  const referenceRate = sampled.length / referenceSeconds;
  const figures: DeadlineBenchmarkFigures = {
    messages,
    mailboxes,
    calendars: CALENDARS.length,
    isoStatesPerSecond: Math.round(isoRate),
    msStatesPerSecond: Math.round(msRate),
    straightforwardStatesPerSecond: Math.round(referenceRate),
    straightforwardSample: sampled.length,
    speedupIso: +(isoRate / referenceRate).toFixed(1),
    speedupMs: +(msRate / referenceRate).toFixed(1),
    sampleMismatches,
    states,
    targets: { statesPerSecond: 2_000_000, speedup: 50, met: false },
  };
  figures.targets.met =
    sampleMismatches === 0 &&
    Math.min(isoRate, msRate) >= 2_000_000 &&
    Math.min(isoRate, msRate) / referenceRate >= 50;

  if (log) {
    const perMessage = (rate: number) => `${(1e9 / rate).toFixed(0)} ns`;
    console.table([
      {
        implementation: 'fast, ISO strings (deadlineState)',
        messages,
        'states/s': Math.round(isoRate).toLocaleString('en'),
        'per state': perMessage(isoRate),
        'vs straightforward': `${figures.speedupIso}×`,
      },
      {
        implementation: 'fast, epoch ms (deadlineStateMs)',
        messages,
        'states/s': Math.round(msRate).toLocaleString('en'),
        'per state': perMessage(msRate),
        'vs straightforward': `${figures.speedupMs}×`,
      },
      {
        implementation: 'straightforward (Temporal, day by day)',
        messages: sampled.length,
        'states/s': Math.round(referenceRate).toLocaleString('en'),
        'per state': perMessage(referenceRate),
        'vs straightforward': '1×',
      },
    ]);
    console.log(
      `States: ${states.ok.toLocaleString('en')} ok, ${states.approaching.toLocaleString('en')} approaching, ${states.overdue.toLocaleString('en')} overdue.`,
    );
    console.log(
      `Sample check: ${sampled.length.toLocaleString('en')} messages, ${sampleMismatches} disagreements between the fast and the straightforward implementation.`,
    );
    console.log(
      `Targets (≥ 2,000,000 states/s and ≥ 50× on both APIs, no disagreement): ${figures.targets.met ? 'met' : 'NOT met'}. (checksum ${checksum})`,
    );
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runDeadlineBenchmark();
}
