import { unionIntervals } from '../../domain/index.ts';
import type { GraphError } from '../GraphError.ts';
import type { BatchRunner, PartResult } from './batch.ts';
import { instantOfDateTimeTimeZone, utcDateTimeTimeZone } from './dateTimeTimeZone.ts';
import type { DateTimeTimeZone } from './dateTimeTimeZone.ts';

/** Why one person's answer is missing: unknown to the directory, or their chunk failed. */
export interface PersonError {
  code: string;
  message: string;
}

export interface AutomaticRepliesResult {
  address: string;
  /** The auto-reply; `message` is "" when none is set (Graph's way of saying "off"). */
  automaticReplies: { message: string; scheduledStart: string | null; scheduledEnd: string | null } | null;
  error: PersonError | null;
}

export interface AbsenceResult {
  address: string;
  /** Out-of-office intervals (`oof`), merged, as ISO 8601 instants. */
  intervals: Array<{ start: string; end: string }>;
  error: PersonError | null;
}

export interface ChunkOptions {
  /** Addresses per request. Default 20 (getSchedule's documented limit; mail tips' is undocumented). */
  chunkSize?: number;
  /** Writes instants; default UTC (`…Z`). Pass a calendar's `formatInstant` for local offsets. */
  formatInstant?: (epochMs: number) => string;
}

const DAY_MS = 86_400_000;
/** getSchedule refuses windows of 62 days or more. */
export const MAX_SCHEDULE_WINDOW_DAYS = 61;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError(`chunk: expected a size ≥ 1; got ${size}.`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** [start, end) cut into consecutive windows of at most `maxDays` days. */
export function splitWindow(
  startMs: number,
  endMs: number,
  maxDays = MAX_SCHEDULE_WINDOW_DAYS,
): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (let from = startMs; from < endMs; from += maxDays * DAY_MS)
    windows.push([from, Math.min(endMs, from + maxDays * DAY_MS)]);
  return windows;
}

const utcIso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function chunkFailure(error: GraphError): PersonError {
  return { code: error.code, message: error.message };
}

const same = (a: string | undefined | null, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/**
 * Automatic replies of colleagues and function mailboxes: `POST /me/getMailTips` (automaticReplies) in
 * chunks, the chunks inside `$batch`es. `/users/{other}/mailboxSettings` is no alternative: it answers
 * 403 to delegated tokens (graph.md). An unknown address is an error for that person only.
 * Docs: https://learn.microsoft.com/graph/api/user-getmailtips
 */
export async function getAutomaticReplies(
  runner: BatchRunner,
  addresses: readonly string[],
  options: ChunkOptions = {},
): Promise<AutomaticRepliesResult[]> {
  const format = options.formatInstant ?? utcIso;
  const time = (value: DateTimeTimeZone | null | undefined) => {
    const ms = instantOfDateTimeTimeZone(value);
    return ms === ms ? format(ms) : null;
  };
  const chunks = chunk(addresses, options.chunkSize ?? 20);
  const answers = await Promise.all(
    chunks.map((emailAddresses) =>
      runner.run({
        method: 'POST',
        url: '/me/getMailTips',
        body: { EmailAddresses: emailAddresses, MailTipsOptions: 'automaticReplies' },
      }),
    ),
  );
  return chunks.flatMap((people, index) => {
    const answer = answers[index] as PartResult;
    if (!answer.ok)
      return people.map((address) => ({
        address,
        automaticReplies: null,
        error: chunkFailure(answer.error),
      }));
    type Tip = {
      emailAddress?: { address?: string };
      automaticReplies?: {
        message?: string;
        scheduledStartTime?: DateTimeTimeZone;
        scheduledEndTime?: DateTimeTimeZone;
      };
      error?: { code?: string; message?: string } | null;
    };
    const tips = ((answer.body as { value?: Tip[] } | null)?.value ?? []) as Tip[];
    return people.map((address, i): AutomaticRepliesResult => {
      const tip = tips.find((t) => same(t.emailAddress?.address, address)) ?? tips[i];
      if (!tip)
        return {
          address,
          automaticReplies: null,
          error: { code: 'noAnswer', message: `Graph gave no mail tip for ${address}.` },
        };
      if (tip.error) {
        return {
          address,
          automaticReplies: null,
          error: { code: tip.error.code ?? 'error', message: tip.error.message ?? '' },
        };
      }
      const replies = tip.automaticReplies;
      return {
        address,
        automaticReplies: replies
          ? {
              message: replies.message ?? '',
              scheduledStart: time(replies.scheduledStartTime),
              scheduledEnd: time(replies.scheduledEndTime),
            }
          : null,
        error: null,
      };
    });
  });
}

/**
 * Out-of-office intervals from `POST /me/calendar/getSchedule`: at most 20 people per request and
 * windows under 62 days (longer spans are split and the pieces merged back), asked in UTC with
 * `Prefer: outlook.timezone="UTC"` so no wall-clock time needs guessing. An unknown address comes back
 * as that person's `error`, not as a failed call.
 * Docs: https://learn.microsoft.com/graph/api/calendar-getschedule
 */
export async function getAbsences(
  runner: BatchRunner,
  addresses: readonly string[],
  window: { start: string; end: string },
  options: ChunkOptions & { availabilityViewInterval?: number } = {},
): Promise<AbsenceResult[]> {
  const format = options.formatInstant ?? utcIso;
  const startMs = Date.parse(window.start);
  const endMs = Date.parse(window.end);
  if (!(endMs > startMs)) {
    throw new RangeError(
      `getAbsences: expected a window with start before end; got ${window.start} – ${window.end}.`,
    );
  }
  const people = chunk(addresses, Math.min(20, options.chunkSize ?? 20));
  const windows = splitWindow(startMs, endMs);
  const requests = people.flatMap((group) =>
    windows.map(([from, to]) => ({
      group,
      result: runner.run({
        method: 'POST',
        url: '/me/calendar/getSchedule',
        headers: { Prefer: 'outlook.timezone="UTC"' },
        body: {
          schedules: group,
          startTime: utcDateTimeTimeZone(from),
          endTime: utcDateTimeTimeZone(to),
          availabilityViewInterval: options.availabilityViewInterval ?? 60,
        },
      }),
    })),
  );
  const collected = new Map<string, { intervals: Array<[number, number]>; error: PersonError | null }>(
    addresses.map((a) => [a, { intervals: [], error: null }]),
  );
  for (const { group, result } of requests) {
    const answer = await result;
    if (!answer.ok) {
      for (const address of group) collected.get(address)!.error ??= chunkFailure(answer.error);
      continue;
    }
    type Schedule = {
      scheduleId?: string;
      scheduleItems?: Array<{ status?: string; start?: DateTimeTimeZone; end?: DateTimeTimeZone }>;
      error?: { message?: string; responseCode?: string } | null;
    };
    const schedules = ((answer.body as { value?: Schedule[] } | null)?.value ?? []) as Schedule[];
    group.forEach((address, i) => {
      const person = collected.get(address)!;
      const schedule = schedules.find((s) => same(s.scheduleId, address)) ?? schedules[i];
      if (!schedule) {
        person.error ??= { code: 'noAnswer', message: `Graph gave no schedule for ${address}.` };
        return;
      }
      if (schedule.error) {
        person.error ??= {
          code: schedule.error.responseCode ?? 'error',
          message: schedule.error.message ?? '',
        };
        return;
      }
      for (const item of schedule.scheduleItems ?? []) {
        if (item.status !== 'oof') continue;
        const start = instantOfDateTimeTimeZone(item.start);
        const end = instantOfDateTimeTimeZone(item.end);
        if (start === start && end === end && end > start) person.intervals.push([start, end]);
      }
    });
  }
  return addresses.map((address) => {
    const person = collected.get(address)!;
    return {
      address,
      intervals: unionIntervals(person.intervals).map(([start, end]) => ({
        start: format(start),
        end: format(end),
      })),
      error: person.error,
    };
  });
}
