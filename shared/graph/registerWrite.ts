import type { Client } from '@microsoft/microsoft-graph-client';
import { parseRegisterEntry } from '../domain/index.ts';
import type { RegisterEntry } from '../domain/index.ts';
import { toGraphError } from './GraphError.ts';
import type { GraphError } from './GraphError.ts';
import { readRegister } from './readRegister.ts';

export type UpdateDeputyResult =
  | { ok: true; entry: RegisterEntry }
  /** Someone changed the row since it was read: nothing was written; `current` is the row as it is now. */
  | { ok: false; conflict: { current: RegisterEntry | null }; error: GraphError }
  | { ok: false; conflict: null; error: GraphError };

const enc = encodeURIComponent;

/**
 * Names a new deputy for a mailbox in the register, guarded by the row's eTag (`If-Match`): when the
 * row changed since it was read, SharePoint answers 412 and nothing is overwritten; the register is
 * then read again and the current row returned, for the user to decide on. (The reload reads the list
 * rather than the one item: `GET …/items/{id}` is outside the Graph subset this product is held to.)
 * Docs: https://learn.microsoft.com/graph/api/listitem-update
 */
export async function updateDeputy(
  client: Client,
  register: { siteId: string; listId: string },
  entry: RegisterEntry,
  newDeputy: string | null,
): Promise<UpdateDeputyResult> {
  const deputy = newDeputy === null || newDeputy.trim() === '' ? null : newDeputy.trim().toLowerCase();
  let request = client.api(
    `/sites/${enc(register.siteId)}/lists/${enc(register.listId)}/items/${enc(entry.itemId)}/fields`,
  );
  // Without an eTag there is nothing to guard with; such rows come only from lists without versioning.
  if (entry.etag) request = request.header('If-Match', entry.etag);
  try {
    const fields = (await request.patch({ Deputy: deputy })) as Record<string, unknown>;
    const etag = typeof fields?.['@odata.etag'] === 'string' ? fields['@odata.etag'] : null;
    const parsed = parseRegisterEntry({ id: entry.itemId, ...(etag ? { eTag: etag } : {}), fields });
    return { ok: true, entry: parsed.ok ? parsed.value : { ...entry, deputy, etag } };
  } catch (thrown) {
    const error = toGraphError(thrown);
    if (error.status !== 412) return { ok: false, conflict: null, error };
    const reloaded = await readRegister(client, register);
    const current = reloaded.ok
      ? (reloaded.value.entries.find((e) => e.itemId === entry.itemId) ?? null)
      : null;
    return { ok: false, conflict: { current }, error };
  }
}
