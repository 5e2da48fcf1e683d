import { handledReason } from '../../shared/domain/index.ts';
import type { HandledReason } from '../../shared/domain/index.ts';
import type { SyncState } from '../../shared/graph/index.ts';
import type { Tenant } from '../../emulator/index.ts';
import { requestsSelectingBodies, unmatchedRequests } from './graphRequestOracle.ts';

/**
 * The other oracle of the sync tests: the emulator's own state. What a correct client must show for
 * a mailbox is every Inbox message with its handled state (rules.md §3), computed here from the
 * tenant directly — never through Graph.
 */
export function inboxTruth(
  tenant: Tenant,
  mailbox: string,
  handledCategories: readonly string[],
): Map<string, HandledReason | null> {
  return new Map(
    tenant
      .inboxMessages(mailbox)
      .map((m) => [
        m.id,
        handledReason(
          { flagStatus: m.flag.flagStatus, categories: m.categories, lastVerbExecuted: m.lastVerbExecuted },
          handledCategories,
        ),
      ]),
  );
}

/** What the client shows for a mailbox, in the same form; duplicates would show as a size mismatch. */
export function clientView(
  state: SyncState,
  mailbox: string,
): { handled: Map<string, HandledReason | null>; count: number } {
  const view = state.mailboxes.find((m) => m.address === mailbox);
  if (!view) throw new Error(`The sync state has no mailbox ${mailbox}.`);
  return { handled: new Map(view.messages.map((m) => [m.id, m.handled])), count: view.messages.length };
}

const sorted = (map: Map<string, HandledReason | null>) =>
  [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Differences between the client and the truth for one mailbox, as readable lines (empty: equal). */
export function differences(
  state: SyncState,
  tenant: Tenant,
  mailbox: string,
  handledCategories: readonly string[],
): string[] {
  const truth = inboxTruth(tenant, mailbox, handledCategories);
  const client = clientView(state, mailbox);
  const lines: string[] = [];
  if (client.count !== client.handled.size)
    lines.push(`${mailbox}: ${client.count - client.handled.size} duplicated message(s)`);
  for (const [id, handled] of sorted(truth)) {
    if (!client.handled.has(id)) lines.push(`${mailbox}: missing ${id}`);
    else if (client.handled.get(id) !== handled)
      lines.push(`${mailbox}: ${id} is ${client.handled.get(id)} but should be ${handled}`);
  }
  for (const [id] of sorted(client.handled))
    if (!truth.has(id)) lines.push(`${mailbox}: ${id} is not in the Inbox`);
  return lines;
}

/** Checks a request log: every request (and `$batch` part) in the strict oracle, none selecting a body. */
export function requestLogProblems(
  entries: ReadonlyArray<{ method: string; url: string; status: number }>,
): string[] {
  // Dropped connections never reached a route, but they were requests the client sent: check them too.
  return [
    ...unmatchedRequests(entries),
    ...requestsSelectingBodies(entries).map((url) => `selects a body field: ${url}`),
  ];
}
