import { messageSelect } from '../messageFields.ts';
import { instantOfDateTimeTimeZone } from './dateTimeTimeZone.ts';
import type { DateTimeTimeZone } from './dateTimeTimeZone.ts';

/**
 * What the sync layer keeps of an Inbox message: metadata only (never body, bodyPreview or
 * uniqueBody — graph.md "Permissions"), plus the reply/forward verb. This is what IndexedDB holds.
 */
export interface SyncedMessage {
  id: string;
  subject: string | null;
  from: { name: string; address: string } | null;
  receivedDateTime: string;
  isRead: boolean;
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  categories: string[];
  conversationId: string | null;
  webLink: string | null;
  /** PidTagLastVerbExecuted (0x1081): 102 reply, 103 reply all, 104 forward; null when never set. */
  lastVerb: number | null;
  /** PidTagLastVerbExecutionTime (`SystemTime 0x1082`): when that verb was executed, an ISO instant; null when never set. */
  lastVerbAt: string | null;
  /** The flag's `completedDateTime` as an ISO instant (UTC); null when not completed or not given. */
  flagCompletedAt: string | null;
  /**
   * When sync first observed the message handled: set by the store when a message that was unhandled
   * in the previous snapshot is handled in the new one, or when an optimistic mark-handled is
   * confirmed. Null while unhandled, and when the message was already handled the first time it was seen.
   */
  handledSeenAt: string | null;
}

/** The reply/forward state of one message, from the expansion or fetched separately. */
export interface LastVerbState {
  lastVerb: number | null;
  lastVerbAt: string | null;
}

/** A message as Graph returns it with `messageSelect` and the 0x1081 expansion. */
export interface RawMessage {
  id: string;
  subject?: string | null;
  from?: { emailAddress?: { name?: string | null; address?: string | null } | null } | null;
  receivedDateTime?: string;
  isRead?: boolean;
  flag?: { flagStatus?: SyncedMessage['flagStatus']; completedDateTime?: DateTimeTimeZone | null } | null;
  categories?: string[] | null;
  conversationId?: string | null;
  webLink?: string | null;
  singleValueExtendedProperties?: Array<{ id?: string; value?: string | null }> | null;
}

/** A `@removed` entry of a delta page: the message left the folder (moved or deleted). */
export interface RemovedEntry {
  id: string;
  '@removed': { reason?: string };
}

export type DeltaEntry = RawMessage | RemovedEntry;

/** PidTagLastVerbExecuted, as the id Graph uses for a single-value extended property. */
export const LAST_VERB_PROPERTY_ID = 'Integer 0x1081';

/** PidTagLastVerbExecutionTime, as the id Graph uses for a single-value extended property. */
export const LAST_VERB_TIME_PROPERTY_ID = 'SystemTime 0x1082';

/**
 * `$expand` for the reply/forward state and its time, both in one expansion.
 * Docs: https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get
 */
export const lastVerbExpand = `singleValueExtendedProperties($filter=id eq '${LAST_VERB_PROPERTY_ID}' or id eq '${LAST_VERB_TIME_PROPERTY_ID}')`;

export const syncSelect: readonly string[] = messageSelect;

export function isRemoved(entry: DeltaEntry): entry is RemovedEntry {
  return '@removed' in entry && entry['@removed'] !== undefined;
}

/** The 0x1081 value from an expanded message; property ids compare case-insensitively. */
export function lastVerbOf(raw: Pick<RawMessage, 'singleValueExtendedProperties'>): number | null {
  for (const property of raw.singleValueExtendedProperties ?? []) {
    if (property.id?.toLowerCase() === LAST_VERB_PROPERTY_ID.toLowerCase()) {
      const value = Number(property.value);
      return Number.isInteger(value) ? value : null;
    }
  }
  return null;
}

/** An ISO instant (UTC) of epoch milliseconds, or null when unreadable. */
function isoOrNull(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The 0x1082 value from an expanded message as an ISO instant (UTC); null when absent or unreadable.
 * Graph sends SystemTime values as strings such as `2026-11-17T09:12:00Z`; ids compare case-insensitively.
 */
export function lastVerbAtOf(raw: Pick<RawMessage, 'singleValueExtendedProperties'>): string | null {
  for (const property of raw.singleValueExtendedProperties ?? []) {
    if (property.id?.toLowerCase() === LAST_VERB_TIME_PROPERTY_ID.toLowerCase()) {
      if (typeof property.value !== 'string' || property.value.trim() === '') return null;
      return isoOrNull(Date.parse(property.value.trim()));
    }
  }
  return null;
}

/** The reply/forward verb and its time from an expanded message. */
export function lastVerbStateOf(raw: Pick<RawMessage, 'singleValueExtendedProperties'>): LastVerbState {
  return { lastVerb: lastVerbOf(raw), lastVerbAt: lastVerbAtOf(raw) };
}

/** The flag's `completedDateTime` as an ISO instant (UTC), read in its own zone; null when absent. */
export function flagCompletedAtOf(raw: Pick<RawMessage, 'flag'>): string | null {
  const completed = raw.flag?.completedDateTime;
  return completed ? isoOrNull(instantOfDateTimeTimeZone(completed)) : null;
}

/**
 * A stored message as a `SyncedMessage` of today's shape: records written before a field existed
 * lack it, and read as null.
 */
export function withSyncedDefaults(message: SyncedMessage): SyncedMessage {
  const partial = message as Partial<SyncedMessage> & Omit<SyncedMessage, 'lastVerbAt' | 'flagCompletedAt' | 'handledSeenAt'>;
  return {
    ...message,
    lastVerb: partial.lastVerb ?? null,
    lastVerbAt: partial.lastVerbAt ?? null,
    flagCompletedAt: partial.flagCompletedAt ?? null,
    handledSeenAt: partial.handledSeenAt ?? null,
  };
}

/**
 * A delta entry as a `SyncedMessage`. `lastVerb` and `lastVerbAt` come from the expansion, or from
 * `known` when the expansion was refused and they were fetched separately. `handledSeenAt` is not
 * Graph's: it is carried from `handledSeenAt` (the previous state), set by the store.
 */
export function toSyncedMessage(
  raw: RawMessage,
  known?: LastVerbState,
  handledSeenAt: string | null = null,
): SyncedMessage {
  const address = raw.from?.emailAddress;
  const verb = known ?? lastVerbStateOf(raw);
  return {
    id: raw.id,
    subject: raw.subject ?? null,
    from: address ? { name: address.name ?? address.address ?? '', address: address.address ?? '' } : null,
    receivedDateTime: raw.receivedDateTime ?? '',
    isRead: raw.isRead ?? false,
    flagStatus: raw.flag?.flagStatus ?? 'notFlagged',
    categories: raw.categories ?? [],
    conversationId: raw.conversationId ?? null,
    webLink: raw.webLink ?? null,
    lastVerb: verb.lastVerb,
    lastVerbAt: verb.lastVerbAt,
    flagCompletedAt: flagCompletedAtOf(raw),
    handledSeenAt,
  };
}
