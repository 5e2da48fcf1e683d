import { messageProperties } from '../model/messageView.ts';
import { errors, fail, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { Tenant } from '../tenant.ts';
import { instantOfDateTimeTimeZone } from '../time.ts';
import type { FlagState, FlagStatus, MessageState } from '../model/types.ts';

export interface MessagePatch {
  categories?: string[];
  isRead?: boolean;
  flag?: FlagState;
}

const writable = ['categories', 'isRead', 'flag'];
const flagStatuses: FlagStatus[] = ['notFlagged', 'flagged', 'complete'];

function parseFlag(value: unknown): Outcome<FlagState> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      errors.badRequest(
        'Invalid value for \'flag\': expected a followupFlag object such as {"flagStatus":"complete"}.',
      ),
    );
  }
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!['flagStatus', 'startDateTime', 'dueDateTime', 'completedDateTime', '@odata.type'].includes(key)) {
      return fail({
        status: 400,
        code: 'RequestBodyRead',
        message: `The property '${key}' does not exist on type 'microsoft.graph.followupFlag'.`,
      });
    }
  }
  const status = input.flagStatus ?? 'flagged';
  if (typeof status !== 'string' || !flagStatuses.includes(status as FlagStatus)) {
    return fail(
      errors.badRequest(
        `Invalid flagStatus '${String(input.flagStatus)}': expected notFlagged, flagged or complete.`,
      ),
    );
  }
  const flag: FlagState = { flagStatus: status as FlagStatus };
  for (const key of ['startDateTime', 'dueDateTime', 'completedDateTime'] as const) {
    const raw = input[key];
    if (raw === undefined || raw === null) continue;
    const instant =
      typeof raw === 'object' ? instantOfDateTimeTimeZone(raw as Record<string, unknown>) : null;
    if (!instant) {
      return fail(
        errors.badRequest(
          `Invalid '${key}': expected a dateTimeTimeZone such as {"dateTime":"2026-11-17T10:00:00","timeZone":"UTC"}.`,
        ),
      );
    }
    flag[key] = instant;
  }
  // Graph: "To set the due date, you must also specify the startDateTime; otherwise, you will get a 400".
  if (flag.dueDateTime && !flag.startDateTime) {
    return fail(
      errors.badRequest(
        'A flag with a dueDateTime also needs a startDateTime (Graph rejects one without the other).',
      ),
    );
  }
  if (flag.completedDateTime && flag.flagStatus !== 'complete') {
    return fail(errors.badRequest('completedDateTime can only be set when flagStatus is complete.'));
  }
  return ok(flag);
}

/**
 * Validates a message PATCH. The emulator accepts only what the product writes — `categories`,
 * `flag`, `isRead` — so a client that starts writing anything else fails loudly in tests.
 */
export function parseMessagePatch(body: Record<string, unknown>): Outcome<MessagePatch> {
  const patch: MessagePatch = {};
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.')) continue;
    if (!writable.includes(key)) {
      if ((messageProperties as readonly string[]).includes(key) || key === 'singleValueExtendedProperties') {
        return fail(
          errors.invalidProperty(
            `The emulator accepts only categories, flag and isRead in a message PATCH (the product writes nothing else); '${key}' was sent.`,
          ),
        );
      }
      return fail({
        status: 400,
        code: 'RequestBodyRead',
        message: `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type.`,
      });
    }
  }
  if ('categories' in body) {
    const categories = body.categories;
    if (!Array.isArray(categories) || !categories.every((c): c is string => typeof c === 'string')) {
      return fail(errors.badRequest("Invalid value for 'categories': expected an array of strings."));
    }
    patch.categories = [...new Set(categories)];
  }
  if ('isRead' in body) {
    if (typeof body.isRead !== 'boolean')
      return fail(errors.badRequest("Invalid value for 'isRead': expected true or false."));
    patch.isRead = body.isRead;
  }
  if ('flag' in body) {
    const flag = parseFlag(body.flag);
    if (!flag.ok) return flag;
    patch.flag = flag.value;
  }
  return ok(patch);
}

export function applyMessagePatch(tenant: Tenant, message: MessageState, patch: MessagePatch): void {
  if (patch.categories) message.categories = patch.categories;
  if (patch.isRead !== undefined) message.isRead = patch.isRead;
  if (patch.flag) {
    const flag = { ...patch.flag };
    // Exchange stamps the completion time when a client completes a flag without giving one.
    if (flag.flagStatus === 'complete' && !flag.completedDateTime) flag.completedDateTime = tenant.clock();
    message.flag = flag;
  }
  tenant.touchMessage(message);
}
