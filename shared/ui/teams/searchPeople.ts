import type { Client } from '@microsoft/microsoft-graph-client';
import { attempt } from '../../graph/index.ts';
import type { GraphResult } from '../../graph/index.ts';

export interface DirectoryPerson {
  displayName: string;
  /** Lower case. */
  mail: string;
  jobTitle: string | null;
}

/**
 * People whose name or address starts with a word of `term`: directory search (`$search` needs
 * `ConsistencyLevel: eventual`), which, unlike `startswith(displayName, …)`, also finds surnames.
 * Docs: https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections
 */
export function searchPeople(client: Client, term: string, top = 10): Promise<GraphResult<DirectoryPerson[]>> {
  // Quotes and backslashes would end the search clause early.
  const clean = term.replace(/["\\]/g, ' ').trim();
  return attempt(async () => {
    const page = (await client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .query({ $search: `"displayName:${clean}" OR "mail:${clean}"` })
      .select('displayName,mail,userPrincipalName,jobTitle')
      .top(top)
      .get()) as { value?: Array<{ displayName?: string | null; mail?: string | null; userPrincipalName?: string | null; jobTitle?: string | null }> };
    return (page.value ?? [])
      .map((user) => ({
        displayName: user.displayName ?? user.mail ?? user.userPrincipalName ?? '',
        mail: (user.mail ?? user.userPrincipalName ?? '').toLowerCase(),
        jobTitle: user.jobTitle ?? null,
      }))
      .filter((person) => person.mail !== '');
  });
}
