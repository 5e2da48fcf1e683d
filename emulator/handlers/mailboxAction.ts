import type { UserState } from '../model/types.ts';
import { errors, fail, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { GraphContext } from '../pipeline/types.ts';
import { readJsonObject, resolveUser } from './resolve.ts';
import { preferredTimeZone } from './timeZonePreference.ts';
import type { OutputZone } from './timeZonePreference.ts';

/**
 * The common start of a POST action on a mailbox (getMailTips, getSchedule): whose mailbox, whether
 * the caller may use it, which time zone the answer is in (`Prefer: outlook.timezone`), and the body
 * read by the action's own parser. The first problem found is the answer, as Graph checks in this order.
 */
export async function readMailboxAction<T>(
  context: GraphContext,
  parse: (body: Record<string, unknown>) => Outcome<T>,
): Promise<Outcome<{ user: UserState; zone: OutputZone; request: T }>> {
  const user = resolveUser(context);
  if (!user.ok) return user;
  if (!context.caller || !context.tenant.canAccessMailbox(context.caller, user.value)) return fail(errors.accessDenied());
  const zone = preferredTimeZone(context.request);
  if (!zone.ok) return zone;
  const body = await readJsonObject(context.request);
  if (!body.ok) return body;
  const request = parse(body.value);
  if (!request.ok) return request;
  return ok({ user: user.value, zone: zone.value, request: request.value });
}
