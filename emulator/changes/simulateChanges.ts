import { demoMailboxes } from '../demo/mailboxes.ts';
import type { MailTopic } from '../demo/mailboxes.ts';
import { createPrng } from '../demo/prng.ts';
import type { Prng } from '../demo/prng.ts';
import { pickSender, pickSubject } from '../demo/subjects.ts';
import { stableHash } from '../model/ids.ts';
import type { Tenant } from '../tenant.ts';
import type { MessageState, UserState } from '../model/types.ts';

export type SimulatedChangeKind =
  'newMessage' | 'reply' | 'forward' | 'categorise' | 'flag' | 'markRead' | 'move' | 'delete';

export interface SimulatedChange {
  kind: SimulatedChangeKind;
  mailbox: string;
  messageId: string;
  subject: string;
}

const topics: MailTopic[] = [
  'bygglov',
  'miljo',
  'gata',
  'byggnadsnamnd',
  'socialtjanst',
  'bistand',
  'aldreomsorg',
  'socialnamnd',
  'forskola',
  'skolskjuts',
  'bunamnd',
  'kontaktcenter',
];

function topicOf(address: string): MailTopic {
  const known = demoMailboxes.find((b) => b.address === address.toLowerCase());
  return known?.topic ?? topics[stableHash(address) % topics.length] ?? 'kontaktcenter';
}

/** One generator per tenant, so successive simulations continue the sequence. */
const generators = new WeakMap<Tenant, Prng>();

const weights = {
  newMessage: 45,
  reply: 14,
  forward: 4,
  categorise: 10,
  flag: 7,
  markRead: 12,
  move: 4,
  delete: 4,
} satisfies Record<SimulatedChangeKind, number>;

function unhandledInbox(tenant: Tenant, user: UserState): MessageState[] {
  return tenant
    .inboxMessages(user)
    .filter(
      (m) => m.lastVerbExecuted === null && m.flag.flagStatus !== 'complete' && m.categories.length === 0,
    );
}

/**
 * Applies `count` random, realistic changes to the tenant's shared mailboxes (or every mailbox
 * when it has none): new mail arrives now, and unhandled Inbox mail gets replied to, forwarded,
 * categorised `Hanterad`, flagged complete, read, archived or deleted. Seeded: the same seed and
 * tenant give the same changes.
 */
export function simulateChanges(tenant: Tenant, count: number, seed?: number): SimulatedChange[] {
  if (!Number.isInteger(count) || count < 0 || count > 10_000)
    throw new Error(`[emulator] simulate: count must be a whole number from 0 to 10000; got ${count}.`);
  let prng = generators.get(tenant);
  if (!prng || seed !== undefined) {
    prng = createPrng(seed ?? 1);
    generators.set(tenant, prng);
  }
  const shared = tenant.users.filter((u) => u.kind === 'sharedMailbox');
  const mailboxes = shared.length > 0 ? shared : tenant.users;
  if (mailboxes.length === 0) return [];
  const applied: SimulatedChange[] = [];
  const now = tenant.clock();
  const year = Number(now.slice(0, 4));
  for (let i = 0; i < count; i++) {
    const user = prng.pick(mailboxes);
    let kind: SimulatedChangeKind = prng.weighted(weights);
    const candidates = kind === 'newMessage' ? [] : unhandledInbox(tenant, user);
    if (candidates.length === 0) kind = 'newMessage';
    let message: MessageState;
    if (kind === 'newMessage') {
      const topic = topicOf(user.mail);
      message = tenant.changes.newMessage(user, {
        subject: pickSubject(prng, topic, year),
        from: pickSender(prng, topic),
        receivedDateTime: now,
        hasAttachments: prng.chance(0.3),
      });
    } else {
      // Mostly the newest unhandled mail: what staff would pick up first.
      const target = candidates[Math.min(candidates.length - 1, Math.floor(prng.next() ** 2 * 6))];
      if (!target) continue;
      const id = target.id;
      if (kind === 'reply') message = tenant.changes.reply(user, id, { all: prng.chance(0.1) });
      else if (kind === 'forward') message = tenant.changes.forward(user, id);
      else if (kind === 'categorise') message = tenant.changes.categorise(user, id, ['Hanterad']);
      else if (kind === 'flag') message = tenant.changes.flag(user, id, 'complete');
      else if (kind === 'markRead') message = tenant.changes.markRead(user, id, true);
      else if (kind === 'move') message = tenant.changes.move(user, id, 'archive');
      else message = tenant.changes.delete(user, id);
    }
    applied.push({ kind, mailbox: user.mail, messageId: message.id, subject: message.subject });
  }
  return applied;
}
