import type { GraphError } from '../GraphError.ts';
import { applyDeltaPage } from './applyDeltaPage.ts';
import type { BatchRunner } from './batch.ts';
import { fetchLastVerbs } from './fetchLastVerbs.ts';
import { isRemoved, lastVerbExpand, syncSelect } from './syncedMessage.ts';
import type { DeltaEntry, LastVerbState, SyncedMessage } from './syncedMessage.ts';

/**
 * Where one mailbox's sync stands. none → full sync (pages) → delta link → incremental rounds;
 * a lost delta link → full sync again. Mutated only by `syncMailboxRound`.
 */
export interface MailboxCursor {
  address: string;
  /** The committed snapshot: what the UI shows. Replaced as a whole when a round completes. */
  messages: Map<string, SyncedMessage>;
  deltaLink: string | null;
  /** Whether the delta link's chain asks for the 0x1081/0x1082 expansion (links carry their query options). */
  deltaLinkExpands: boolean;
  /** A round that failed part-way: the page to fetch again and the snapshot being built. */
  resume: Chain | null;
}

interface Chain {
  url: string;
  expands: boolean;
  working: Map<string, SyncedMessage>;
  fromScratch: boolean;
}

/** Settings shared by the mailboxes of one engine; `expand` is switched off for all once refused. */
export interface RoundContext {
  runner: BatchRunner;
  pageSize: number;
  expand: { refused: boolean };
}

export type RoundOutcome =
  { ok: true; changed: boolean; fullSync: boolean } | { ok: false; error: GraphError; fullSync: boolean };

const enc = encodeURIComponent;

export function initialDeltaUrl(address: string, expands: boolean): string {
  const select = `$select=${syncSelect.join(',')}`;
  const expand = expands ? `&$expand=${enc(lastVerbExpand)}` : '';
  return `/users/${enc(address)}/mailFolders/inbox/messages/delta?${select}${expand}`;
}

/**
 * The service no longer knows the sync state behind a delta link: 410 Gone, or an error code such as
 * `syncStateNotFound` (sometimes as 400). The link must be dropped and the folder synced from scratch.
 * Docs: https://learn.microsoft.com/graph/delta-query-overview#synchronization-reset
 */
export function isSyncStateLost(error: GraphError): boolean {
  return error.status === 410 || /^(syncStateNotFound|syncStateInvalid|resyncRequired)$/i.test(error.code);
}

/**
 * Whether a request with the 0x1081 `$expand` was refused for the expansion. Graph documents no code
 * for this, so a 400 or 501 answer to a request that carried the expansion counts. A 500 does not: it
 * is usually a passing failure, and taking it for a refusal would switch every later sync to the slow
 * per-message fallback for good.
 */
function isExpandRefused(error: GraphError, expands: boolean): boolean {
  return expands && (error.status === 400 || error.status === 501);
}

interface DeltaPage {
  value?: DeltaEntry[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/**
 * One round for one mailbox: follows the delta (or, the first time, the full sync) to its end and
 * commits the new snapshot and delta link in one step. A failure keeps the committed snapshot (the UI
 * marks it stale) and remembers where to resume; a lost delta link starts a full sync of this mailbox
 * only, whose snapshot replaces the old one only once complete. Requests go through the shared batch
 * runner, so many mailboxes' pages travel in the same `$batch`.
 */
export async function syncMailboxRound(cursor: MailboxCursor, context: RoundContext): Promise<RoundOutcome> {
  const { runner } = context;
  const fresh = (): Chain => {
    const expands = !context.expand.refused;
    return { url: initialDeltaUrl(cursor.address, expands), expands, working: new Map(), fromScratch: true };
  };
  let chain: Chain =
    cursor.resume ??
    (cursor.deltaLink
      ? {
          url: cursor.deltaLink,
          expands: cursor.deltaLinkExpands,
          working: new Map(cursor.messages),
          fromScratch: false,
        }
      : fresh());
  // A resumed chain may already have changed its working snapshot in the failed round.
  let changed = chain.fromScratch || cursor.resume !== null;
  cursor.resume = null;
  let restarted = false;

  for (;;) {
    const response = await runner.run({
      method: 'GET',
      url: chain.url,
      headers: { Prefer: `odata.maxpagesize=${context.pageSize}` },
    });
    if (!response.ok) {
      const { error } = response;
      // Also an expired nextLink of a full sync: starting over is the only way on.
      const lost = isSyncStateLost(error);
      // A lost sync state may come as a 400 too: that is no verdict on the expansion.
      const refused = !lost && isExpandRefused(error, chain.expands);
      if ((lost || refused) && !restarted) {
        restarted = true;
        if (refused) context.expand.refused = true;
        // The old link is useless from here on; the committed snapshot stays until the new one is whole.
        cursor.deltaLink = null;
        chain = fresh();
        changed = true;
        continue;
      }
      cursor.resume = chain;
      return { ok: false, error, fullSync: chain.fromScratch };
    }

    const page = (response.body ?? {}) as DeltaPage;
    const entries = Array.isArray(page.value) ? page.value : [];
    let lastVerbs: Map<string, LastVerbState> | undefined;
    if (!chain.expands) {
      const changedIds = entries.filter((e) => typeof e?.id === 'string' && !isRemoved(e)).map((e) => e.id);
      const verbs = await fetchLastVerbs(runner, cursor.address, changedIds);
      if (!verbs.ok) {
        // Fetch this page again next time: applying it twice is harmless.
        cursor.resume = chain;
        return { ok: false, error: verbs.error, fullSync: chain.fromScratch };
      }
      lastVerbs = verbs.value;
    }
    const effect = applyDeltaPage(chain.working, entries, lastVerbs);
    if (effect.upserted > 0 || effect.removed > 0) changed = true;

    const next = page['@odata.nextLink'];
    const delta = page['@odata.deltaLink'];
    if (typeof next === 'string' && next !== '') {
      chain = { ...chain, url: next };
      continue;
    }
    if (typeof delta === 'string' && delta !== '') {
      cursor.messages = chain.working;
      cursor.deltaLink = delta;
      cursor.deltaLinkExpands = chain.expands;
      return { ok: true, changed, fullSync: chain.fromScratch };
    }
    cursor.resume = chain;
    return {
      ok: false,
      fullSync: chain.fromScratch,
      error: {
        status: 0,
        code: 'invalidDeltaResponse',
        message: `The delta answer for ${cursor.address} had neither @odata.nextLink nor @odata.deltaLink.`,
        retryAfter: null,
      },
    };
  }
}
