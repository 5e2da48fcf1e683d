import type { GraphResult } from '../GraphResult.ts';
import type { BatchRunner } from './batch.ts';
import { lastVerbExpand, lastVerbStateOf } from './syncedMessage.ts';
import type { LastVerbState } from './syncedMessage.ts';

const enc = encodeURIComponent;

/**
 * The reply/forward state (0x1081) and its time (0x1082) of the given messages, one GET per message inside `$batch`es:
 * the fallback for when the service refuses the `$expand` on the delta request (graph.md: whether
 * delta accepts it is unconfirmed; old reports of 500s). A message that is gone (404) has no state
 * here — the next delta round reports it `@removed`.
 */
export async function fetchLastVerbs(
  runner: BatchRunner,
  mailbox: string,
  ids: readonly string[],
): Promise<GraphResult<Map<string, LastVerbState>>> {
  const results = await Promise.all(
    ids.map((id) =>
      runner.run({
        method: 'GET',
        url: `/users/${enc(mailbox)}/messages/${enc(id)}?$select=id&$expand=${enc(lastVerbExpand)}`,
      }),
    ),
  );
  const verbs = new Map<string, LastVerbState>();
  for (const [index, result] of results.entries()) {
    const id = ids[index] as string;
    if (result.ok) verbs.set(id, lastVerbStateOf((result.body ?? {}) as Parameters<typeof lastVerbStateOf>[0]));
    else if (result.error.status === 404) verbs.set(id, { lastVerb: null, lastVerbAt: null });
    else return { ok: false, error: result.error };
  }
  return { ok: true, value: verbs };
}
