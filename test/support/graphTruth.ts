/** Reads what the emulator holds, over plain HTTP, to compare the UI against. */
export async function graphGet<T>(graphBaseUrl: string, path: string, upn?: string): Promise<T> {
  const token = upn ? `demo.${Buffer.from(upn).toString('base64url')}` : 'demo';
  const response = await fetch(`${graphBaseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface Persona {
  upn: string;
  displayName: string;
  role: 'staff' | 'owner' | 'manager';
}

export async function personas(graphBaseUrl: string): Promise<Persona[]> {
  const response = await fetch(`${new URL(graphBaseUrl).origin}/demo/personas`);
  const body = (await response.json()) as { value?: Persona[] } | Persona[];
  return Array.isArray(body) ? body : (body.value ?? []);
}

/** The addresses of the mailboxes the register names `upn` owner or deputy of. */
export async function coveredAddresses(graphBaseUrl: string, register: { siteId: string; listId: string }, upn: string) {
  const items = await graphGet<{ value: Array<{ fields: Record<string, string> }> }>(
    graphBaseUrl,
    `/sites/${encodeURIComponent(register.siteId)}/lists/${encodeURIComponent(register.listId)}/items?expand=fields&$top=999`,
    upn,
  );
  return items.value
    .filter((i) => [i.fields.Owner, i.fields.Deputy].some((p) => p?.toLowerCase() === upn.toLowerCase()))
    .map((i) => i.fields.Address?.toLowerCase() ?? '');
}
