/**
 * Fault injection: throttling (429), unavailability (503), added latency, dropped connections,
 * expired access tokens and a delta that refuses `$expand`, settable per test and for the demo.
 * Decisions are a pure function of the seed and a per-stream request counter, so a seeded run
 * faults the same requests every time.
 */

export interface FaultSettings {
  /** Share (0–1) of requests — each outer request and each `$batch` part — answered 429. */
  throttleRate: number;
  /** Share (0–1) answered 503 ServiceUnavailable. */
  unavailableRate: number;
  /** Share (0–1) of outer HTTP requests whose connection is closed without an answer (HTTP server only). */
  dropRate: number;
  /** Milliseconds added before each outer request is answered. */
  latencyMs: number;
  /** The `Retry-After` of 429 and 503 answers, in seconds; fractions allowed (`0.01`). */
  retryAfterSeconds: number;
  /** `seconds` (`Retry-After: 1`) or `date` (an HTTP-date, rounded up to the next second). */
  retryAfterFormat: 'seconds' | 'date';
  /** Delta requests with `$expand` (directly or carried by their link) answer 400. */
  refuseDeltaExpand: boolean;
  /** Seeds the decisions (and shuffles `$batch` responses); `null`: a fixed default stream. */
  seed: number | null;
}

export type FaultSettingsInput = Partial<FaultSettings>;

export const noFaults: Readonly<FaultSettings> = Object.freeze({
  throttleRate: 0,
  unavailableRate: 0,
  dropRate: 0,
  latencyMs: 0,
  retryAfterSeconds: 1,
  retryAfterFormat: 'seconds',
  refuseDeltaExpand: false,
  seed: null,
});

export type FaultDecision = 'throttle' | 'unavailable' | null;

export interface FaultCounters {
  /** Requests and batch parts that were subject to a throttle/unavailable decision. */
  decided: number;
  throttled: number;
  unavailable: number;
  /** Outer HTTP requests considered for dropping, and dropped. */
  dropCandidates: number;
  dropped: number;
}

const DEFAULT_SEED = 0x5eed;

/** splitmix32 of (seed, stream, n): a uniform float in [0, 1). */
function unitFloat(seed: number, stream: number, n: number): number {
  let z = (seed ^ Math.imul(stream + 1, 0x9e3779b9) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
  z = (z ^ (z >>> 15)) >>> 0;
  return z / 4294967296;
}

function checkRate(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new RangeError(`[emulator] faults.${name} must be a share from 0 to 1; got ${value}.`);
}

/** Validates settings input; throws a RangeError naming the bad option. */
export function validateFaultSettings(input: FaultSettingsInput): FaultSettings {
  const settings: FaultSettings = { ...noFaults, ...input };
  checkRate('throttleRate', settings.throttleRate);
  checkRate('unavailableRate', settings.unavailableRate);
  checkRate('dropRate', settings.dropRate);
  if (settings.throttleRate + settings.unavailableRate > 1)
    throw new RangeError('[emulator] faults.throttleRate + unavailableRate must not exceed 1.');
  if (!Number.isFinite(settings.latencyMs) || settings.latencyMs < 0 || settings.latencyMs > 60_000)
    throw new RangeError(`[emulator] faults.latencyMs must be 0–60000; got ${settings.latencyMs}.`);
  if (!Number.isFinite(settings.retryAfterSeconds) || settings.retryAfterSeconds < 0)
    throw new RangeError(
      `[emulator] faults.retryAfterSeconds must be a non-negative number; got ${settings.retryAfterSeconds}.`,
    );
  if (settings.retryAfterFormat !== 'seconds' && settings.retryAfterFormat !== 'date')
    throw new RangeError(
      `[emulator] faults.retryAfterFormat must be 'seconds' or 'date'; got ${String(settings.retryAfterFormat)}.`,
    );
  if (typeof settings.refuseDeltaExpand !== 'boolean')
    throw new RangeError('[emulator] faults.refuseDeltaExpand must be true or false.');
  if (settings.seed !== null && !Number.isInteger(settings.seed))
    throw new RangeError(`[emulator] faults.seed must be a whole number or null; got ${settings.seed}.`);
  return settings;
}

const streams = { response: 1, drop: 2, order: 3 } as const;

/**
 * The emulator's fault switchboard. `set()` replaces every setting (unspecified ones go back to
 * "no fault") and restarts the decision streams; `clear()` is `set({})`. `expireTokens()` makes
 * every access token issued so far by `POST /demo/token` invalid.
 */
export class FaultInjector {
  private current: FaultSettings = { ...noFaults };
  private responseCount = 0;
  private dropCount = 0;
  private orderCount = 0;
  private epoch = 0;
  private readonly tally: FaultCounters = {
    decided: 0,
    throttled: 0,
    unavailable: 0,
    dropCandidates: 0,
    dropped: 0,
  };

  constructor(settings: FaultSettingsInput = {}) {
    this.set(settings);
  }

  get settings(): Readonly<FaultSettings> {
    return this.current;
  }

  get counters(): Readonly<FaultCounters> {
    return { ...this.tally };
  }

  /** The generation of issued access tokens: tokens of an older one are expired. */
  get tokenEpoch(): number {
    return this.epoch;
  }

  set(settings: FaultSettingsInput): void {
    this.current = validateFaultSettings(settings);
    this.responseCount = 0;
    this.dropCount = 0;
    this.orderCount = 0;
    Object.assign(this.tally, { decided: 0, throttled: 0, unavailable: 0, dropCandidates: 0, dropped: 0 });
  }

  clear(): void {
    this.set({});
  }

  /** Every token issued so far by `POST /demo/token` becomes invalid (401 "…the token is expired."). */
  expireTokens(): void {
    this.epoch += 1;
  }

  /** Whether any fault is switched on (besides expired tokens). */
  get active(): boolean {
    const s = this.current;
    return (
      s.throttleRate > 0 || s.unavailableRate > 0 || s.dropRate > 0 || s.latencyMs > 0 || s.refuseDeltaExpand
    );
  }

  /** The fault for the next request or batch part: throttle, unavailable or none. */
  decide(): FaultDecision {
    const { throttleRate, unavailableRate } = this.current;
    if (throttleRate === 0 && unavailableRate === 0) return null;
    const roll = unitFloat(this.seed, streams.response, this.responseCount++);
    this.tally.decided += 1;
    if (roll < throttleRate) {
      this.tally.throttled += 1;
      return 'throttle';
    }
    if (roll < throttleRate + unavailableRate) {
      this.tally.unavailable += 1;
      return 'unavailable';
    }
    return null;
  }

  /** Whether to drop the next outer HTTP request's connection. */
  shouldDrop(): boolean {
    if (this.current.dropRate === 0) return false;
    this.tally.dropCandidates += 1;
    const drop = unitFloat(this.seed, streams.drop, this.dropCount++) < this.current.dropRate;
    if (drop) this.tally.dropped += 1;
    return drop;
  }

  /** The `Retry-After` header value for a 429 or 503 answered at `nowMs` (real time). */
  retryAfter(nowMs: number = Date.now()): string {
    const seconds = this.current.retryAfterSeconds;
    if (this.current.retryAfterFormat === 'date')
      return new Date(Math.ceil((nowMs + seconds * 1000) / 1000) * 1000).toUTCString();
    return String(seconds);
  }

  /**
   * The order to return `count` batch responses in: a seeded shuffle when a seed is set, otherwise
   * adjacent pairs swapped — never the request order (for two or more), so clients cannot rely on it.
   */
  batchOrder(count: number): number[] {
    const order = Array.from({ length: count }, (_, i) => i);
    if (this.current.seed === null) {
      for (let i = 0; i + 1 < count; i += 2) [order[i], order[i + 1]] = [i + 1, i];
      return order;
    }
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(unitFloat(this.seed, streams.order, this.orderCount++) * (i + 1));
      [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
    }
    return order;
  }

  private get seed(): number {
    return (this.current.seed ?? DEFAULT_SEED) >>> 0;
  }
}

/**
 * Parses `GRAPH_FAULTS`: `throttle=0.2,unavailable=0.05,drop=0.02,latency=150,retryAfter=1`, plus
 * `retryAfterFormat=date`, `refuseDeltaExpand` (or `=true`) and `seed=42`.
 */
export function parseFaultSpec(spec: string): FaultSettings {
  const input: FaultSettingsInput = {};
  const names: Record<string, keyof FaultSettings> = {
    throttle: 'throttleRate',
    throttlerate: 'throttleRate',
    unavailable: 'unavailableRate',
    unavailablerate: 'unavailableRate',
    drop: 'dropRate',
    droprate: 'dropRate',
    latency: 'latencyMs',
    latencyms: 'latencyMs',
    retryafter: 'retryAfterSeconds',
    retryafterseconds: 'retryAfterSeconds',
    retryafterformat: 'retryAfterFormat',
    refusedeltaexpand: 'refuseDeltaExpand',
    seed: 'seed',
  };
  for (const part of spec.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const [rawName = '', rawValue] = trimmed.split('=', 2).map((s) => s.trim());
    const name = names[rawName.toLowerCase()];
    if (!name)
      throw new RangeError(
        `[emulator] Unknown fault '${rawName}' in GRAPH_FAULTS. Known: throttle, unavailable, drop, latency, retryAfter, retryAfterFormat, refuseDeltaExpand, seed.`,
      );
    if (name === 'retryAfterFormat') input.retryAfterFormat = rawValue as FaultSettings['retryAfterFormat'];
    else if (name === 'refuseDeltaExpand')
      input.refuseDeltaExpand = rawValue === undefined || rawValue === 'true';
    else {
      const value = Number(rawValue);
      if (rawValue === undefined || rawValue === '' || Number.isNaN(value))
        throw new RangeError(`[emulator] GRAPH_FAULTS: '${rawName}' needs a number, e.g. ${rawName}=0.1.`);
      (input as Record<string, unknown>)[name] = value;
    }
  }
  return validateFaultSettings(input);
}
