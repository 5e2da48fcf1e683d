import { base64UrlToUtf8, utf8ToBase64Url } from '../model/base64.ts';
import type { Tenant } from '../tenant.ts';
import type { UserState } from '../model/types.ts';

/**
 * Demo tokens: `demo` signs in as the tenant's default user, `demo.<base64url(upn)>` as that user.
 * `POST /demo/token` issues `demo.<base64url(upn)>.<epoch>`: valid until fault injection's
 * `expireTokens()` moves the epoch on. They stand in for Entra ID access tokens; they carry no
 * secret and prove nothing.
 */
export function demoTokenFor(userPrincipalName: string, epoch?: number): string {
  const token = `demo.${utf8ToBase64Url(userPrincipalName.toLowerCase())}`;
  return epoch === undefined ? token : `${token}.${epoch}`;
}

export interface ParsedDemoToken {
  /** The user the token names; `null` for the plain `demo` token (the tenant's default user). */
  upn: string | null;
  /** The issue epoch of a token from `POST /demo/token`; `null` for tokens that never expire. */
  epoch: number | null;
}

export function parseDemoToken(token: string): ParsedDemoToken | null {
  if (token === 'demo') return { upn: null, epoch: null };
  const match = /^demo\.([A-Za-z0-9_-]+)(?:\.(\d{1,9}))?$/.exec(token);
  if (!match?.[1]) return null;
  const upn = base64UrlToUtf8(match[1]);
  if (upn === null) return null;
  return { upn, epoch: match[2] === undefined ? null : Number(match[2]) };
}

export function userOfDemoToken(tenant: Tenant, token: string): UserState | undefined {
  const parsed = parseDemoToken(token);
  if (!parsed) return undefined;
  if (parsed.upn === null) return tenant.defaultUserId ? tenant.findUser(tenant.defaultUserId) : undefined;
  return tenant.findUser(parsed.upn);
}
