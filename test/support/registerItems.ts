import config from '../../config.json' with { type: 'json' };

/** A register row as the emulator holds it (`…/items?expand=fields`). */
export interface RegisterRow {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  fields: Record<string, string | undefined>;
}

const listPath = `/sites/${encodeURIComponent(config.register.siteId)}/lists/${encodeURIComponent(config.register.listId)}`;
const token = (upn: string) => `demo.${Buffer.from(upn).toString('base64url')}`;

/** The register row of a mailbox, read over plain HTTP (not through the app). */
export async function registerRow(graphBaseUrl: string, mailbox: string, upn: string): Promise<RegisterRow> {
  const response = await fetch(`${graphBaseUrl}${listPath}/items?expand=fields&$top=999`, {
    headers: { Authorization: `Bearer ${token(upn)}` },
  });
  if (!response.ok) throw new Error(`register: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { value: RegisterRow[] };
  const row = body.value.find((item) => item.fields.Address?.toLowerCase() === mailbox.toLowerCase());
  if (!row) throw new Error(`register: no row for ${mailbox}`);
  return row;
}

/** Changes fields of a mailbox's register row as another user would (with its current eTag). */
export async function patchRegisterRow(graphBaseUrl: string, mailbox: string, fields: Record<string, string | null>, upn: string): Promise<void> {
  const row = await registerRow(graphBaseUrl, mailbox, upn);
  const etag = row.eTag ?? row['@odata.etag'];
  const response = await fetch(`${graphBaseUrl}${listPath}/items/${encodeURIComponent(row.id)}/fields`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${token(upn)}`,
      'Content-Type': 'application/json',
      ...(etag ? { 'If-Match': etag } : {}),
    },
    body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(`PATCH register row of ${mailbox}: ${response.status} ${await response.text()}`);
}
