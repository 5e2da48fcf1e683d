import { messageSelect } from '../messageFields.ts';

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
}

/** A message as Graph returns it with `messageSelect` and the 0x1081 expansion. */
export interface RawMessage {
  id: string;
  subject?: string | null;
  from?: { emailAddress?: { name?: string | null; address?: string | null } | null } | null;
  receivedDateTime?: string;
  isRead?: boolean;
  flag?: { flagStatus?: SyncedMessage['flagStatus'] } | null;
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

/** `$expand` for the reply/forward state. Docs: https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get */
export const lastVerbExpand = `singleValueExtendedProperties($filter=id eq '${LAST_VERB_PROPERTY_ID}')`;

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

/**
 * A delta entry as a `SyncedMessage`. `lastVerb` comes from the expansion, or from `knownLastVerb`
 * when the expansion was refused and the verb was fetched separately.
 */
export function toSyncedMessage(raw: RawMessage, knownLastVerb?: number | null): SyncedMessage {
  const address = raw.from?.emailAddress;
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
    lastVerb: knownLastVerb !== undefined ? knownLastVerb : lastVerbOf(raw),
  };
}
