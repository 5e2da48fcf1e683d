import type { Client } from '@microsoft/microsoft-graph-client';
import { attempt } from './GraphResult.ts';
import type { GraphResult } from './GraphResult.ts';

export interface Me {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
}

export function getMe(client: Client): Promise<GraphResult<Me>> {
  return attempt(async () => {
    const me = (await client
      .api('/me')
      .select(['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'officeLocation', 'businessPhones', 'mobilePhone'])
      .get()) as Partial<Me>;
    return {
      id: me.id ?? '',
      displayName: me.displayName ?? me.userPrincipalName ?? '',
      mail: me.mail ?? null,
      userPrincipalName: me.userPrincipalName ?? '',
      jobTitle: me.jobTitle ?? null,
      department: me.department ?? null,
      officeLocation: me.officeLocation ?? null,
      businessPhones: me.businessPhones ?? [],
      mobilePhone: me.mobilePhone ?? null,
    };
  });
}
