import { base64UrlToUtf8, utf8ToBase64Url } from '../model/base64.ts';
import type { Tenant } from '../tenant.ts';
import type { UserState } from '../model/types.ts';

/**
 * Demo tokens: `demo` signs in as the tenant's default user, `demo.<base64url(upn)>` as that user.
 * They stand in for Entra ID access tokens; they carry no secret and prove nothing.
 */
export function demoTokenFor(userPrincipalName: string): string {
  return `demo.${utf8ToBase64Url(userPrincipalName.toLowerCase())}`;
}

export function userOfDemoToken(tenant: Tenant, token: string): UserState | undefined {
  if (token === 'demo') return tenant.defaultUserId ? tenant.findUser(tenant.defaultUserId) : undefined;
  const match = /^demo\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match?.[1]) return undefined;
  const upn = base64UrlToUtf8(match[1]);
  return upn === null ? undefined : tenant.findUser(upn);
}
