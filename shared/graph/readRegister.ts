import type { Client } from '@microsoft/microsoft-graph-client';
import { parseRegisterEntry } from '../domain/index.ts';
import type { RegisterEntry, RegisterItem, ValidationIssue } from '../domain/index.ts';
import { followLink } from './followLink.ts';
import { attempt } from './GraphResult.ts';
import type { GraphResult } from './GraphResult.ts';

export interface RegisterSnapshot {
  entries: RegisterEntry[];
  /** Rows that could not be used, with the reasons, so an administrator can fix them. */
  invalid: Array<{ itemId: string; title: string; issues: ValidationIssue[] }>;
}

const enc = encodeURIComponent;

/** Reads the whole mailbox register (a SharePoint list), following every page. */
export function readRegister(
  client: Client,
  register: { siteId: string; listId: string },
): Promise<GraphResult<RegisterSnapshot>> {
  return attempt(async () => {
    const snapshot: RegisterSnapshot = { entries: [], invalid: [] };
    let page = (await client
      .api(`/sites/${enc(register.siteId)}/lists/${enc(register.listId)}/items`)
      .expand('fields')
      .top(200)
      .get()) as { value: RegisterItem[]; '@odata.nextLink'?: string };
    for (;;) {
      for (const item of page.value) {
        const parsed = parseRegisterEntry(item);
        if (parsed.ok) snapshot.entries.push(parsed.value);
        else {
          const title = typeof item.fields?.Title === 'string' ? item.fields.Title : `#${item.id}`;
          snapshot.invalid.push({ itemId: item.id, title, issues: parsed.errors });
        }
      }
      const next = page['@odata.nextLink'];
      if (!next) break;
      page = (await followLink(client, next).get()) as typeof page;
    }
    return snapshot;
  });
}
