import { deadlineStateMs } from '../../shared/domain/index.ts';
import type { DeadlinePolicy, DeadlineStatus, WorkCalendar } from '../../shared/domain/index.ts';
import { exchangeId, randomHex } from '../model/ids.ts';
import type { NewMessage } from '../tenant.ts';
import { localParts, toGraphInstant } from '../time.ts';
import type { EmailAddressState, LastVerb, WellKnownFolderName } from '../model/types.ts';
import { deadlineWindows } from './deadlineWindows.ts';
import type { DemoMailbox } from './mailboxes.ts';
import type { Prng } from './prng.ts';
import { pickSender, pickSubject } from './subjects.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How many messages of each kind a mailbox gets. */
export interface MailboxPlan {
  overdue: number;
  approaching: number;
  ok: number;
  /** Handled and still in the Inbox (replied, forwarded, flag complete, handled category). */
  handled: number;
  /** Moved to Archive or Deleted Items: handled by leaving the Inbox. */
  moved: number;
  /** Unhandled messages from before `TrackedSince`: the product must ignore them. */
  beforeTracking: number;
}

export interface GenerateInput {
  prng: Prng;
  mailbox: DemoMailbox;
  calendar: WorkCalendar;
  policy: DeadlinePolicy;
  nowMs: number;
  trackedSinceMs: number;
  plan: MailboxPlan;
  handledCategories: readonly string[];
  /** Colleagues who sometimes forward mail to the mailbox. */
  colleagues: readonly EmailAddressState[];
}

export interface GeneratedMessage {
  folder: WellKnownFolderName;
  message: NewMessage;
}

/** How likely mail arrives at a local hour: mostly office hours, some evenings, a little at night. */
function arrivalWeight(ms: number, timeZone: string): number {
  const { hour, isoWeekday } = localParts(ms, timeZone);
  const weekend = isoWeekday >= 6;
  if (hour >= 7 && hour < 18) return weekend ? 0.3 : 1;
  if (hour >= 18 && hour < 23) return weekend ? 0.25 : 0.35;
  return 0.05;
}

/**
 * A received instant in [fromMs, toMs] that gives `want` at now (checked with the domain engine),
 * preferring realistic hours. `null` when the range has no such instant.
 */
function sampleReceived(
  input: GenerateInput,
  fromMs: number,
  toMs: number,
  want: DeadlineStatus | null,
): number | null {
  if (toMs < fromMs) return null;
  const { prng, calendar, policy, nowMs } = input;
  const fits = (ms: number) => want === null || deadlineStateMs(ms, nowMs, policy, calendar).state === want;
  for (let attempt = 0; attempt < 80; attempt++) {
    const ms = Math.floor((fromMs + prng.next() * (toMs - fromMs)) / 1000) * 1000;
    const realistic = attempt > 50 || prng.next() < arrivalWeight(ms, calendar.timeZone);
    if (realistic && fits(ms)) return ms;
  }
  const boundary = Math.floor(toMs / 1000) * 1000;
  return fits(boundary) ? boundary : null;
}

type Handling = 'reply' | 'replyAll' | 'forward' | 'flagComplete' | 'category';

function messageBase(input: GenerateInput, receivedMs: number, forwardedByColleague: boolean): NewMessage {
  const { prng, mailbox } = input;
  const year = Number(localParts(receivedMs, input.calendar.timeZone).date.slice(0, 4));
  const colleague = forwardedByColleague && input.colleagues.length > 0 ? prng.pick(input.colleagues) : null;
  const sender = colleague ?? pickSender(prng, mailbox.topic);
  const subject = (colleague ? 'VB: ' : '') + pickSubject(prng, mailbox.topic, year);
  const random = () => prng.next();
  const received = toGraphInstant(receivedMs);
  const domain = sender.address.split('@')[1] ?? 'example.com';
  return {
    id: exchangeId(random, 'item'),
    createdDateTime: received,
    receivedDateTime: received,
    sentDateTime: toGraphInstant(receivedMs - prng.int(3, 90) * 1000),
    subject,
    from: sender,
    sender,
    toRecipients: [{ name: mailbox.title, address: mailbox.address }],
    ccRecipients: [],
    isRead: false,
    flag: { flagStatus: 'notFlagged' },
    categories: [],
    conversationId: exchangeId(random, 'conversation'),
    internetMessageId: `<${randomHex(random, 8)}.${randomHex(random, 4)}@${domain}>`,
    hasAttachments: prng.chance(mailbox.topic === 'bygglov' ? 0.55 : 0.25),
    importance: prng.chance(0.06) ? 'high' : 'normal',
    lastVerbExecuted: null,
    lastVerbExecutionTime: null,
  };
}

function unhandled(input: GenerateInput, receivedMs: number): NewMessage {
  const { prng } = input;
  const message = messageBase(input, receivedMs, prng.chance(0.1));
  // Reading, flagging for follow-up or an unrelated category is not handling (rules.md §3).
  message.isRead = prng.chance(0.45);
  if (prng.chance(0.12))
    message.flag = {
      flagStatus: 'flagged',
      startDateTime: message.receivedDateTime,
      dueDateTime: toGraphInstant(receivedMs + DAY),
    };
  if (prng.chance(0.1))
    message.categories = [prng.pick(['Väntar på komplettering', 'Blå kategori', 'Att göra'])];
  if (message.isRead)
    message.lastModifiedDateTime = toGraphInstant(
      Math.min(input.nowMs, receivedMs + prng.int(5, 240) * MINUTE),
    );
  return message;
}

/** When the mailbox acted: mostly before the due time, sometimes late, never after now. */
function handlingTime(input: GenerateInput, receivedMs: number): number {
  const { prng, calendar, policy, nowMs } = input;
  const dueMs = calendar.dueAtMs(receivedMs, policy);
  const earliest = receivedMs + 2 * MINUTE;
  const onTime = prng.chance(0.85);
  const [from, to] =
    onTime || dueMs >= nowMs ? [earliest, Math.min(dueMs, nowMs)] : [dueMs, Math.min(nowMs, dueMs + 2 * DAY)];
  const clamp = (ms: number) => Math.floor(Math.min(Math.max(ms, earliest), nowMs) / 1000) * 1000;
  // Staff act during opening hours; take the first sample that falls inside them.
  let ms = clamp(from + prng.next() * Math.max(0, to - from));
  for (let attempt = 0; attempt < 12 && calendar.nextOpeningMs(ms) !== ms; attempt++) {
    ms = clamp(from + prng.next() * Math.max(0, to - from));
  }
  return ms;
}

function handled(input: GenerateInput, receivedMs: number): NewMessage {
  const { prng, mailbox, handledCategories } = input;
  const message = messageBase(input, receivedMs, prng.chance(0.1));
  const actedMs = handlingTime(input, receivedMs);
  const acted = toGraphInstant(actedMs);
  const authority = mailbox.kind === 'authority';
  const how: Handling = prng.weighted({
    reply: 40,
    replyAll: 6,
    forward: 14,
    flagComplete: 14,
    category: authority ? 36 : 16,
  });
  const verb: Record<string, LastVerb> = { reply: 102, replyAll: 103, forward: 104 };
  message.isRead = true;
  message.lastModifiedDateTime = acted;
  if (how === 'reply' || how === 'replyAll' || how === 'forward') {
    message.lastVerbExecuted = verb[how] ?? 102;
    message.lastVerbExecutionTime = acted;
  } else if (how === 'flagComplete') {
    message.flag = { flagStatus: 'complete', completedDateTime: acted };
  } else {
    const [hanterad, diariefort] = handledCategories;
    message.categories = [
      (authority ? diariefort : prng.chance(0.7) ? hanterad : diariefort) ?? hanterad ?? 'Hanterad',
    ];
  }
  // Registrars often file a message after answering it.
  if (how !== 'category' && prng.chance(authority ? 0.5 : 0.12))
    message.categories = [handledCategories[1] ?? 'Diarieförd'];
  return message;
}

/**
 * The mail of one demo mailbox at `now`: unhandled messages in each deadline state (as far as the
 * calendar allows at `now`), handled ones, some moved out of the Inbox, and — when the mailbox was
 * added recently — a few from before `TrackedSince`.
 */
export function generateMailboxMessages(input: GenerateInput): GeneratedMessage[] {
  const { prng, plan, nowMs, trackedSinceMs } = input;
  const out: GeneratedMessage[] = [];
  const historyStart = Math.max(trackedSinceMs, nowMs - 45 * DAY);
  const windows = deadlineWindows(input.calendar, input.policy, nowMs, historyStart);
  const add = (folder: WellKnownFolderName, message: NewMessage) => out.push({ folder, message });

  let okCount = plan.ok;
  let overdueCount = plan.overdue;
  if (windows.hasApproaching) {
    const from = (windows.lastOverdueMs ?? historyStart) + MINUTE;
    const to = (windows.firstOkMs ?? nowMs) - MINUTE;
    for (let i = 0; i < plan.approaching; i++) {
      const ms = sampleReceived(input, from, to, 'approaching');
      if (ms !== null) add('inbox', unhandled(input, ms));
    }
  } else {
    // Approaching is impossible at this `now` (e.g. a weekend under a same-day policy): keep the total.
    okCount += Math.ceil(plan.approaching / 2);
    overdueCount += Math.floor(plan.approaching / 2);
  }
  if (windows.lastOverdueMs !== null) {
    const last = windows.lastOverdueMs;
    for (let i = 0; i < overdueCount; i++) {
      const span = prng.chance(0.6) ? 2 * DAY : 10 * DAY;
      const ms = sampleReceived(input, Math.max(historyStart, last - span), last, 'overdue');
      if (ms !== null) add('inbox', unhandled(input, ms));
    }
  }
  if (windows.firstOkMs !== null) {
    for (let i = 0; i < okCount; i++) {
      const ms = sampleReceived(input, windows.firstOkMs, nowMs - MINUTE, 'ok');
      if (ms !== null) add('inbox', unhandled(input, ms));
    }
  }
  const handledFrom = Math.max(historyStart, nowMs - 21 * DAY);
  for (let i = 0; i < plan.handled; i++) {
    const ms = sampleReceived(input, handledFrom, nowMs - 30 * MINUTE, null);
    if (ms !== null) add('inbox', handled(input, ms));
  }
  for (let i = 0; i < plan.moved; i++) {
    const ms = sampleReceived(input, handledFrom, nowMs - HOUR, null);
    if (ms === null) continue;
    const message = prng.chance(0.5) ? handled(input, ms) : unhandled(input, ms);
    message.isRead = true;
    add(prng.chance(0.6) ? 'archive' : 'deleteditems', message);
  }
  for (let i = 0; i < plan.beforeTracking; i++) {
    const ms = sampleReceived(input, trackedSinceMs - 20 * DAY, trackedSinceMs - HOUR, null);
    if (ms !== null) add('inbox', unhandled(input, ms));
  }
  return out;
}
