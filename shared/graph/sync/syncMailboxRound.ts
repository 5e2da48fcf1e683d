import type { GraphError } from '../GraphError.ts';
import { applyDeltaPage } from './applyDeltaPage.ts';
import type { BatchRunner } from './batch.ts';
import { fetchLastVerbs } from './fetchLastVerbs.ts';
import { pruneLedger, recordLeftInbox } from './handledLedger.ts';
import type { HandledLedger } from './handledLedger.ts';
import { isRemoved, lastVerbExpand, syncSelect } from './syncedMessage.ts';
import type { DeltaEntry, LastVerbState, SyncedMessage } from './syncedMessage.ts';
import type { MailboxRules } from './trackedMessage.ts';

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
  /**
   * The committed handled ledger: tracked messages that left the Inbox (see `handledLedger.ts`).
   * Kept only when rounds are given `LedgerOptions`; replaced with the snapshot when a round completes.
   */
  handled?: HandledLedger;
}

interface Chain {
  url: string;
  expands: boolean;
  working: Map<string, SyncedMessage>;
  /** The ledger being built beside `working`: a full sync starts from the committed one, never empty. */
  handled: HandledLedger;
  fromScratch: boolean;
}

/** What a round needs to keep the mailbox's handled ledger. */
export interface LedgerOptions {
  rules: MailboxRules;
  /** When sync observes this round (ISO instant): the handling time of messages that left unhandled. */
  observedAt: string;
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
 *
 * With `ledger`, the round also keeps `cursor.handled`: a tracked message that leaves the Inbox is
 * recorded as handled, one that comes back is taken out. A full sync (first, or after a lost delta
 * link) has no `@removed` entries: a message of the committed snapshot missing from its result left
 * the Inbox meanwhile and is recorded when the full sync commits; the ledger itself carries over, so
 * a resync neither drops nor counts twice. Records outside the statistics window are pruned.
 */
export async function syncMailboxRound(
  cursor: MailboxCursor,
  context: RoundContext,
  ledger?: LedgerOptions,
): Promise<RoundOutcome> {
  const { runner } = context;
  const fresh = (): Chain => {
    const expands = !context.expand.refused;
    return {
      url: initialDeltaUrl(cursor.address, expands),
      expands,
      working: new Map(),
      handled: new Map(cursor.handled),
      fromScratch: true,
    };
  };
  let chain: Chain =
    cursor.resume ??
    (cursor.deltaLink
      ? {
          url: cursor.deltaLink,
          expands: cursor.deltaLinkExpands,
          working: new Map(cursor.messages),
          handled: new Map(cursor.handled),
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
    const effect = applyDeltaPage(
      chain.working,
      entries,
      lastVerbs,
      ledger ? { ledger: chain.handled, rules: ledger.rules, observedAt: ledger.observedAt } : undefined,
    );
    if (effect.upserted > 0 || effect.removed > 0) changed = true;

    const next = page['@odata.nextLink'];
    const delta = page['@odata.deltaLink'];
    if (typeof next === 'string' && next !== '') {
      chain = { ...chain, url: next };
      continue;
    }
    if (typeof delta === 'string' && delta !== '') {
      if (ledger) {
        if (chain.fromScratch) {
          for (const [id, previous] of cursor.messages) {
            if (!chain.working.has(id) && recordLeftInbox(chain.handled, previous, ledger.rules, ledger.observedAt)) {
              changed = true;
            }
          }
        }
        if (pruneLedger(chain.handled, ledger.rules.calendar, Date.parse(ledger.observedAt))) changed = true;
        // Unchanged: keep the committed map, so that what is built from it can stay the same.
        if (!sameLedger(cursor.handled, chain.handled)) cursor.handled = chain.handled;
      }
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

/** Whether two ledgers hold the same records (records are never changed in place, only replaced). */
function sameLedger(a: HandledLedger | undefined, b: HandledLedger): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [id, record] of b) if (a.get(id) !== record) return false;
  return true;
}
