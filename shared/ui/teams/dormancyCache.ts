import type { DBSchema } from 'idb';
import { openDatabaseOrNull, userKeyRange } from '../../graph/openDatabaseOrNull.ts';

/**
 * What the manager view remembers of each mailbox's newest Inbox message between visits, so that a
 * repeat visit need not read 500 Inboxes again (Graph has no read across mailboxes: one request each).
 * Its own IndexedDB database, apart from the sync layer's (`brevladevakten-sync`), whose schema it
 * never touches. Per signed-in user: what one user could read is not shown to another on a shared PC,
 * and another user may lack Full Access to the same mailbox.
 */

/** The last read of one mailbox's newest Inbox message. */
export interface DormancyRecord {
  /** Received time of the newest Inbox message (ISO 8601) when last read; null: the Inbox was empty. */
  newestReceived: string | null;
  /** When it was read (ISO 8601): the "now" of the load that read it. */
  checkedAt: string;
  /** The last attempt to read it again failed: the value stays, but is not trusted until read again. */
  stale?: boolean;
}

/** Days without incoming mail before a mailbox is a dormancy candidate: coverageFindings' default (R9). */
export const DORMANT_AFTER_DAYS = 60;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A cached read is trusted for at most this long. */
export const DORMANCY_MAX_AGE_MS = DAY_MS;
/** A mailbox this close to turning dormant (by its cached newest message) is read again. */
export const DORMANCY_EDGE_MARGIN_MS = DAY_MS;

export type DormancyRecheckReason =
  /** Never read (for this user). */
  | 'missing'
  /** The last read failed. */
  | 'failed'
  /** The cached value makes the mailbox a dormancy candidate (or it is unreadable). */
  | 'dormant'
  /** Read 24 h ago or more. */
  | 'old'
  /** Turns dormant within the margin by the cached value. */
  | 'nearEdge'
  /** `checkedAt` lies in the future or cannot be read: the clock moved back, or the record is broken. */
  | 'clock';

export interface DormancyFreshnessOptions {
  dormantAfterDays?: number;
  maxAgeMs?: number;
  edgeMarginMs?: number;
}

/**
 * Whether a mailbox's newest Inbox message must be read again before the dormancy finding is made, and
 * why; null when the cached value can be used as it is. The rule:
 *
 * 1. Nothing cached, or the last read failed → read. A failure never makes or keeps a finding.
 * 2. The cache says dormant (an empty Inbox, or newest message ≥ 60 days old) → read, on every load.
 *    A dormancy finding is therefore only ever shown from a read of this very load, and disappears on
 *    the first load after mail arrives.
 * 3. Read 24 h ago or more (or `checkedAt` is in the future: the clock moved) → read. New mail only
 *    moves dormancy further away, so the one way a mailbox turns dormant sooner than its cached value
 *    says is that its newest message leaves the Inbox (moved or deleted); this bounds how long that can
 *    hide a finding: at most 24 h.
 * 4. By the cached value the mailbox turns dormant within 24 h (newest + 60 days − 24 h ≤ now) → read.
 *    A mailbox is thus never answered from the cache in the day before its edge, so the finding appears
 *    on time from a fresh read (and a few minutes of skew between this clock and Graph's do not matter).
 *
 * Otherwise the mailbox cannot be a dormancy candidate now and its cached value is used: no request.
 * Cost on a repeat visit within the day: only the dormant mailboxes and those in their last day.
 */
export function dormancyRecheckReason(
  record: DormancyRecord | undefined,
  nowMs: number,
  options: DormancyFreshnessOptions = {},
): DormancyRecheckReason | null {
  const dormantMs = (options.dormantAfterDays ?? DORMANT_AFTER_DAYS) * DAY_MS;
  const maxAgeMs = options.maxAgeMs ?? DORMANCY_MAX_AGE_MS;
  const marginMs = options.edgeMarginMs ?? DORMANCY_EDGE_MARGIN_MS;
  if (!record) return 'missing';
  if (record.stale) return 'failed';
  if (record.newestReceived === null) return 'dormant';
  const newestMs = Date.parse(record.newestReceived);
  if (!Number.isFinite(newestMs) || nowMs - newestMs >= dormantMs) return 'dormant';
  const checkedMs = Date.parse(record.checkedAt);
  if (!Number.isFinite(checkedMs) || checkedMs > nowMs) return 'clock';
  if (nowMs - checkedMs >= maxAgeMs) return 'old';
  if (newestMs + dormantMs - marginMs <= nowMs) return 'nearEdge';
  return null;
}

/** The storage seam; `openDormancyCache` gives the IndexedDB one. Addresses are kept in lower case. */
export interface DormancyCache {
  /** Every record kept for `user`, by mailbox address. */
  load(user: string): Promise<Map<string, DormancyRecord>>;
  /** Writes these records of `user` (others stay as they are). */
  save(user: string, records: ReadonlyMap<string, DormancyRecord>): Promise<void>;
  close(): void;
}

interface StoredRecord extends DormancyRecord {
  user: string;
  address: string;
}

interface DormancyDb extends DBSchema {
  newest: { key: [string, string]; value: StoredRecord };
}

export const DORMANCY_DB_NAME = 'brevladevakten-dormancy';
/** 1: one store, `newest`, keyed [user, address]. */
export const DORMANCY_DB_VERSION = 1;

/** A stored value as a record, or null when it is not one (written by something else, or broken). */
function readRecord(value: unknown): DormancyRecord | null {
  const v = value as Partial<StoredRecord> | null;
  if (!v || typeof v.checkedAt !== 'string') return null;
  if (v.newestReceived !== null && typeof v.newestReceived !== 'string') return null;
  return { newestReceived: v.newestReceived, checkedAt: v.checkedAt, ...(v.stale ? { stale: true } : {}) };
}

/**
 * The IndexedDB cache (via `idb`), one record per [user, address]. Resolves to null where IndexedDB is
 * missing or refuses (some private modes): the view then reads every mailbox, as without a cache.
 */
export async function openDormancyCache(options: { name?: string } = {}): Promise<DormancyCache | null> {
  const db = await openDatabaseOrNull<DormancyDb>(options.name ?? DORMANCY_DB_NAME, DORMANCY_DB_VERSION, (database, oldVersion) => {
    if (oldVersion < 1) database.createObjectStore('newest', { keyPath: ['user', 'address'] });
  });
  if (!db) return null;
  return {
    async load(user) {
      const key = user.toLowerCase();
      const values = await db.getAll('newest', userKeyRange(key));
      const records = new Map<string, DormancyRecord>();
      for (const value of values) {
        const record = readRecord(value);
        if (record && value.user === key) records.set(value.address, record);
      }
      return records;
    },
    async save(user, records) {
      const key = user.toLowerCase();
      const tx = db.transaction('newest', 'readwrite');
      const writes = [...records].map(([address, record]) =>
        tx.store.put({
          user: key,
          address: address.toLowerCase(),
          newestReceived: record.newestReceived,
          checkedAt: record.checkedAt,
          ...(record.stale ? { stale: true } : {}),
        }),
      );
      await Promise.all([...writes, tx.done]);
    },
    close() {
      db.close();
    },
  };
}
