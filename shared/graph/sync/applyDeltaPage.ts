import { recordLeftInbox } from './handledLedger.ts';
import type { HandledLedger } from './handledLedger.ts';
import { isRemoved, toSyncedMessage } from './syncedMessage.ts';
import type { DeltaEntry, LastVerbState, SyncedMessage } from './syncedMessage.ts';
import type { MailboxRules } from './trackedMessage.ts';

export interface DeltaPageEffect {
  upserted: number;
  removed: number;
}

/** The mailbox's handled ledger to keep up to date while a page is applied. */
export interface LedgerUpdate {
  ledger: HandledLedger;
  rules: MailboxRules;
  /** When sync observed the page (ISO instant): the handling time of a message that left unhandled. */
  observedAt: string;
}

/**
 * Applies one page of a messages delta to a snapshot (id → message), in place: entries upsert,
 * `@removed` entries delete. Idempotent — Graph may replay entries across pages and rounds
 * ("the same item can appear more than once"), and a page fetched again after a failure is applied
 * again — so applying a page twice leaves the snapshot as applying it once.
 * Reply/forward state (0x1081 and its time 0x1082) comes from each entry's expansion (absent = never
 * replied or forwarded), or from `lastVerbs`, fetched separately, when the service refused the `$expand`.
 * `handledSeenAt` is the store's, not Graph's: an upserted message keeps the one it had.
 * With `ledger`, a tracked message that leaves the Inbox is recorded there as handled (rules.md §3,
 * 4th rule; a replayed `@removed` keeps the first record), and one that comes back to the Inbox is
 * taken out of it again: it is tracked in the snapshot instead.
 * Docs: https://learn.microsoft.com/graph/delta-query-messages
 */
export function applyDeltaPage(
  snapshot: Map<string, SyncedMessage>,
  entries: readonly DeltaEntry[],
  lastVerbs?: ReadonlyMap<string, LastVerbState>,
  ledger?: LedgerUpdate,
): DeltaPageEffect {
  const effect: DeltaPageEffect = { upserted: 0, removed: 0 };
  for (const entry of entries) {
    if (typeof entry?.id !== 'string') continue;
    if (isRemoved(entry)) {
      if (ledger) recordLeftInbox(ledger.ledger, snapshot.get(entry.id), ledger.rules, ledger.observedAt);
      if (snapshot.delete(entry.id)) effect.removed += 1;
      continue;
    }
    ledger?.ledger.delete(entry.id);
    const previous = snapshot.get(entry.id);
    // A delta entry of a changed message carries the selected properties; should Graph ever send a
    // partial one (only what changed), keep what is known rather than blanking it.
    const merged = toSyncedMessage(
      previous ? { ...fromSynced(previous), ...stripUndefined(entry) } : entry,
      lastVerbs ? (lastVerbs.get(entry.id) ?? { lastVerb: null, lastVerbAt: null }) : undefined,
      previous?.handledSeenAt ?? null,
    );
    snapshot.set(entry.id, merged);
    effect.upserted += 1;
  }
  return effect;
}

function stripUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as Array<keyof T>) if (copy[key] === undefined) delete copy[key];
  return copy;
}

function fromSynced(message: SyncedMessage) {
  return {
    id: message.id,
    subject: message.subject,
    from: message.from ? { emailAddress: { name: message.from.name, address: message.from.address } } : null,
    receivedDateTime: message.receivedDateTime,
    isRead: message.isRead,
    flag: {
      flagStatus: message.flagStatus,
      completedDateTime: message.flagCompletedAt
        ? { dateTime: message.flagCompletedAt.replace(/Z$/, ''), timeZone: 'UTC' }
        : null,
    },
    categories: message.categories,
    conversationId: message.conversationId,
    webLink: message.webLink,
  };
}
