import { getAbsences, getAutomaticReplies } from '../../graph/index.ts';
import type { BatchRunner } from '../../graph/index.ts';
import { startDirectoryLookup } from '../../graph/directory.ts';
import { dormancyRecheckReason } from './dormancyCache.ts';
import type { DormancyCache, DormancyRecord } from './dormancyCache.ts';
import type {
  AbsenceInterval,
  AutoReplyState,
  CoveragePerson,
  RegisterEntry,
  WorkCalendar,
} from '../../domain/index.ts';

/** What coverageFindings needs besides the register, the calendar and now — as read from Graph. */
export interface CoverageData {
  people: Record<string, CoveragePerson>;
  absences: Record<string, AbsenceInterval[]>;
  autoReplies: Record<string, AutoReplyState>;
  lastIncoming: Record<string, string | null>;
  /** Reads that failed (not "not found"): the data is left out, so no finding is made up from them. */
  problems: Array<{ subject: string; code: string; message: string }>;
}

const DAY_MS = 86_400_000;
/**
 * The getSchedule window: from a day back (an absence that began yesterday and covers now) to four
 * weeks ahead, which holds 10 working days even around Christmas and Easter (and stays under 62 days).
 */
export const ABSENCE_WINDOW = { backDays: 1, aheadDays: 28 } as const;

/** The people the register names for these mailboxes (owner and deputy), lower case, without duplicates. */
export function nominatedPeople(entries: readonly RegisterEntry[]): string[] {
  const people = new Set<string>();
  for (const entry of entries) {
    for (const address of [entry.owner, entry.deputy]) {
      const trimmed = address?.trim().toLowerCase();
      if (trimmed) people.add(trimmed);
    }
  }
  return [...people];
}

/** Mail tips' automaticReplies as the domain's AutoReplyState: "" is off, a schedule is scheduled. */
export function toAutoReplyState(replies: {
  message: string;
  scheduledStart: string | null;
  scheduledEnd: string | null;
}): AutoReplyState {
  if (replies.message.trim() === '') return { status: 'disabled', message: '' };
  if (replies.scheduledStart || replies.scheduledEnd) {
    return {
      status: 'scheduled',
      message: replies.message,
      ...(replies.scheduledStart ? { start: replies.scheduledStart } : {}),
      ...(replies.scheduledEnd ? { end: replies.scheduledEnd } : {}),
    };
  }
  return { status: 'alwaysEnabled', message: replies.message };
}

const enc = encodeURIComponent;

/** The newest Inbox message per mailbox (for the dormancy check), read apart from the rest. */
export interface LastIncomingData {
  lastIncoming: Record<string, string | null>;
  problems: CoverageData['problems'];
  /** Mailboxes whose newest message was read now, and those answered from the cache (no request). */
  read: { fetched: number; cached: number };
}

/** Where the newest-message reads of earlier visits are kept, and for whom (the signed-in user). */
export interface DormancyCacheOption {
  cache: DormancyCache | null | PromiseLike<DormancyCache | null>;
  user: string;
}

export interface CoverageLoadOptions {
  calendar: WorkCalendar;
  nowMs: number;
  /** Absent or null: no cache, every mailbox's newest Inbox message is read. */
  dormancyCache?: DormancyCacheOption | null;
}

/** The cached records of `user`; an empty map when there is no cache or it cannot be read. */
async function cachedRecords(option: DormancyCacheOption | null | undefined): Promise<{
  cache: DormancyCache | null;
  records: Map<string, DormancyRecord>;
}> {
  if (!option) return { cache: null, records: new Map() };
  try {
    const cache = await option.cache;
    if (!cache) return { cache: null, records: new Map() };
    return { cache, records: await cache.load(option.user) };
  } catch {
    return { cache: null, records: new Map() };
  }
}

/**
 * Starts reading everything the coverage check needs for these mailboxes through one `$batch`
 * runner: the directory look-ups (15 people a request, by UPN, then by mail for the unmatched), the
 * schedules (20 people a request) and the mail tips (20 a request) first, then the newest Inbox
 * message of each mailbox. The runner sends parts in the order they were queued, 20 to a batch and at
 * most 4 batches in flight, so `people` (what the grid needs) settles before `lastIncoming` (only the
 * dormancy finding needs it) — the grid need not wait for 500 Inbox reads. The Inbox reads are queued
 * once the directory's mail fallbacks are, so those are not stuck behind them.
 *
 * With `dormancyCache`, only the mailboxes whose cached newest message is not fresh enough
 * (`dormancyRecheckReason`) are read; the others are answered from the cache. What was read is written
 * back; a failed read keeps the cached value but marks it stale (read again next time), and, as without
 * a cache, leaves the mailbox out of `lastIncoming` (no finding) and reports the failure.
 */
export function startCoverageLoad(
  runner: BatchRunner,
  entries: readonly RegisterEntry[],
  options: CoverageLoadOptions,
): { people: Promise<Omit<CoverageData, 'lastIncoming'>>; lastIncoming: Promise<LastIncomingData> } {
  const addresses = nominatedPeople(entries);
  const mailboxes = [...new Set(entries.map((entry) => entry.address.trim().toLowerCase()))];
  const format = (ms: number) => options.calendar.formatInstant(ms);
  const window = {
    start: format(options.nowMs - ABSENCE_WINDOW.backDays * DAY_MS),
    end: format(options.nowMs + ABSENCE_WINDOW.aheadDays * DAY_MS),
  };

  // Queued in this order, and so sent in this order.
  const directory = startDirectoryLookup(runner, addresses);
  const absencesRead = addresses.length > 0 ? getAbsences(runner, addresses, window, { formatInstant: format }) : Promise.resolve([]);
  const repliesRead = addresses.length > 0 ? getAutomaticReplies(runner, addresses, { formatInstant: format }) : Promise.resolve([]);
  const cached = cachedRecords(options.dormancyCache);
  const heads = Promise.all([directory.queued, cached]).then(([, { cache, records }]) => {
    const due = mailboxes.filter((address) => dormancyRecheckReason(records.get(address), options.nowMs) !== null);
    const answers = due.map((address) =>
      runner.run({
        method: 'GET',
        url: `/users/${enc(address)}/mailFolders/inbox/messages?$top=1&$select=receivedDateTime&$orderby=receivedDateTime desc`,
      }),
    );
    return { cache, records, due, answers };
  });

  const people = (async () => {
    const problems: CoverageData['problems'] = [];
    const [lookups, absenceResults, replyResults] = await Promise.all([directory.results, absencesRead, repliesRead]);
    const found: CoverageData['people'] = {};
    for (const lookup of lookups) {
      const address = lookup.address;
      if (lookup.status === 'found') {
        found[address] = {
          displayName: lookup.user.displayName ?? address,
          found: true,
          accountEnabled: lookup.user.accountEnabled,
        };
      } else if (lookup.status === 'notFound') {
        found[address] = { displayName: address, found: false, accountEnabled: null };
      } else {
        // Unknown is not "not found": keep the person as found, with nothing known about the account.
        found[address] = { displayName: address, found: true, accountEnabled: null };
        problems.push({ subject: address, code: lookup.error.code, message: lookup.error.message });
      }
    }

    const absences: CoverageData['absences'] = {};
    for (const result of absenceResults) {
      if (result.error) {
        // An unknown address is already a "not found" finding; other failures are worth showing.
        if (found[result.address]?.found !== false)
          problems.push({ subject: result.address, code: result.error.code, message: result.error.message });
        continue;
      }
      absences[result.address] = result.intervals;
    }

    const autoReplies: CoverageData['autoReplies'] = {};
    for (const result of replyResults) {
      if (result.automaticReplies) autoReplies[result.address] = toAutoReplyState(result.automaticReplies);
      else if (result.error && found[result.address]?.found !== false)
        problems.push({ subject: result.address, code: result.error.code, message: result.error.message });
    }
    return { people: found, absences, autoReplies, problems };
  })();

  const lastIncoming = (async () => {
    const problems: CoverageData['problems'] = [];
    const newest: CoverageData['lastIncoming'] = {};
    const { cache, records, due, answers: pending } = await heads;
    const answers = await Promise.all(pending);
    const dueSet = new Set(due);
    // Fresh by the rule: the cached value stands in for a read (and makes no dormancy finding).
    for (const address of mailboxes) {
      const record = records.get(address);
      if (record && !dueSet.has(address)) newest[address] = record.newestReceived;
    }
    const checkedAt = new Date(options.nowMs).toISOString();
    const updates = new Map<string, DormancyRecord>();
    due.forEach((address, i) => {
      const answer = answers[i];
      if (!answer) return;
      if (!answer.ok) {
        problems.push({ subject: address, code: answer.error.code, message: answer.error.message });
        const previous = records.get(address);
        if (previous && !previous.stale) updates.set(address, { ...previous, stale: true });
        return;
      }
      const first = (answer.body as { value?: Array<{ receivedDateTime?: string }> } | null)?.value?.[0];
      newest[address] = first?.receivedDateTime ?? null;
      updates.set(address, { newestReceived: newest[address], checkedAt });
    });
    if (cache && options.dormancyCache && updates.size > 0) {
      // Losing a write costs only requests next time: never fail the load for it.
      await cache.save(options.dormancyCache.user, updates).catch(() => undefined);
    }
    return { lastIncoming: newest, problems, read: { fetched: due.length, cached: mailboxes.length - due.length } };
  })();

  return { people, lastIncoming };
}

/** Everything the coverage check needs for these mailboxes (see `startCoverageLoad`), in one answer. */
export async function loadCoverageData(
  runner: BatchRunner,
  entries: readonly RegisterEntry[],
  options: CoverageLoadOptions,
): Promise<CoverageData & Pick<LastIncomingData, 'read'>> {
  const load = startCoverageLoad(runner, entries, options);
  const [people, heads] = await Promise.all([load.people, load.lastIncoming]);
  return {
    ...people,
    lastIncoming: heads.lastIncoming,
    problems: [...people.problems, ...heads.problems],
    read: heads.read,
  };
}
