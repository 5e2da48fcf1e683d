import config from '../../config.json' with { type: 'json' };
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

/** The demo's persona in `role` (staff, owner, manager). */
export function personaWith(people: readonly Persona[], role: Persona['role']): Persona {
  const found = people.find((p) => p.role === role);
  if (!found) throw new Error(`The demo has no ${role} persona`);
  return found;
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

interface TruthMessage {
  receivedDateTime: string;
  categories: string[];
  flag: { flagStatus: string };
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

/** Unhandled messages of a mailbox by rules.md §3, computed independently of the app from raw Graph data. */
export async function unhandledCount(graphBaseUrl: string, address: string, upn: string): Promise<number> {
  const register = await graphGet<{ value: Array<{ fields: Record<string, string> }> }>(
    graphBaseUrl,
    `/sites/${encodeURIComponent(config.register.siteId)}/lists/${config.register.listId}/items?expand=fields&$top=999`,
    upn,
  );
  const trackedSince = register.value.find((i) => i.fields.Address?.toLowerCase() === address)?.fields.TrackedSince ?? null;
  const inbox = await graphGet<{ value: TruthMessage[] }>(
    graphBaseUrl,
    `/users/${address}/mailFolders/inbox/messages?$top=999&$select=receivedDateTime,categories,flag&$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1081')`,
    upn,
  );
  const handled = new Set(config.organisation.handledCategories.map((c) => c.toLowerCase()));
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: config.organisation.calendar.timeZone, dateStyle: 'short' });
  return inbox.value.filter((m) => {
    const verb = m.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === 'integer 0x1081')?.value;
    if (verb === '102' || verb === '103' || verb === '104') return false;
    if (m.flag.flagStatus === 'complete') return false;
    if (m.categories.some((c) => handled.has(c.toLowerCase()))) return false;
    if (trackedSince && local.format(new Date(m.receivedDateTime)) < trackedSince) return false;
    return true;
  }).length;
}

/** The addresses a draft in the mailbox's Drafts, whose subject ends with `subject`, is addressed to. */
export async function draftRecipients(graphBaseUrl: string, mailbox: string, upn: string, subject: string): Promise<string[] | undefined> {
  const drafts = await graphGet<{ value: Array<{ subject: string; toRecipients: Array<{ emailAddress: { address: string } }> }> }>(
    graphBaseUrl,
    `/users/${mailbox}/mailFolders/drafts/messages?$select=subject,toRecipients&$top=100`,
    upn,
  );
  return drafts.value.find((d) => d.subject.endsWith(subject))?.toRecipients.map((r) => r.emailAddress.address);
}
