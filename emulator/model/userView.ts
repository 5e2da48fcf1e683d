import type { User } from '@microsoft/microsoft-graph-types';
import type { UserState } from './types.ts';

/** Properties of `microsoft.graph.user` a client may `$select`; unknown ones are a 400. */
export const userProperties = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'businessPhones',
  'mobilePhone',
  'preferredLanguage',
  'accountEnabled',
  'mailNickname',
  'userType',
  'companyName',
  'city',
  'country',
  'employeeId',
  'usageLocation',
  'otherMails',
  'proxyAddresses',
  'imAddresses',
] as const satisfies ReadonlyArray<keyof User>;

/** Graph's default user properties: `department` and `accountEnabled` only come when selected. */
const defaultProperties = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const satisfies ReadonlyArray<keyof User>;

function propertyValue(user: UserState, property: string): unknown {
  switch (property) {
    case 'businessPhones':
      return [...user.businessPhones];
    case 'mailNickname':
      return user.userPrincipalName.split('@')[0] ?? null;
    case 'userType':
      return 'Member';
    case 'usageLocation':
      return 'SE';
    case 'proxyAddresses':
      return [`SMTP:${user.mail}`];
    case 'otherMails':
    case 'imAddresses':
      return [];
    default:
      return (user as unknown as Record<string, unknown>)[property] ?? null;
  }
}

export function userView(user: UserState, select: readonly string[] | null): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  const properties = select ?? defaultProperties;
  for (const property of properties) view[property] = propertyValue(user, property);
  return view;
}
