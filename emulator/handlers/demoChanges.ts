import { changeKeyOf } from '../model/etags.ts';
import type { EmailAddressState, FlagStatus, MessageState, UserState } from '../model/types.ts';
import { errors, fail, graphError, json, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import type { Tenant } from '../tenant.ts';
import { refuseRemoteAnonymous } from './demoAccess.ts';
import { readJsonObject } from './resolve.ts';

/**
 * The change API over HTTP, for the demo (not Graph): `POST /demo/changes` applies one change —
 * `{"kind": "newMessage"|"reply"|"forward"|"move"|"delete"|"categorise"|"flag"|"markRead",
 * "mailbox": "…", "messageId": "…", …}` — and `POST /demo/simulate {"count": 5, "seed"?: 1}`
 * applies random realistic ones, so a running demo shows mail arriving and being handled.
 */

export const changeKinds = [
  'newMessage',
  'reply',
  'forward',
  'move',
  'delete',
  'categorise',
  'flag',
  'markRead',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

function summary(tenant: Tenant, user: UserState, message: MessageState) {
  const folder = user.mailbox.folders.get(message.folderId);
  return {
    id: message.id,
    subject: message.subject,
    folder: folder?.wellKnownName ?? message.folderId,
    present: user.mailbox.messages.has(message.id),
    changeKey: changeKeyOf(message),
    receivedDateTime: message.receivedDateTime,
    changeSeq: message.changeSeq,
    tenantChangeSeq: tenant.changeSeq,
  };
}

const badRequest = (message: string) => fail<never>(errors.badRequest(message));

function parseFrom(value: unknown): Outcome<EmailAddressState> {
  if (value === undefined) return ok({ name: 'Kim Medborgare', address: 'kim.medborgare@example.se' });
  const from = value as { name?: unknown; address?: unknown } | null;
  if (typeof from?.address !== 'string' || !from.address.includes('@'))
    return badRequest('from must be {"name": "…", "address": "…@…"}.');
  return ok({ name: typeof from.name === 'string' ? from.name : from.address, address: from.address });
}

/** Applies one change described by a request body; the outcome is the changed message. */
function applyChange(
  tenant: Tenant,
  body: Record<string, unknown>,
): Outcome<{ user: UserState; message: MessageState }> {
  const kind = body.kind;
  if (typeof kind !== 'string' || !(changeKinds as readonly string[]).includes(kind))
    return badRequest(`kind must be one of ${changeKinds.join(', ')}.`);
  if (typeof body.mailbox !== 'string') return badRequest('mailbox (an address or id) is required.');
  const user = tenant.findUser(body.mailbox);
  if (!user) return fail(errors.userNotFound(body.mailbox));
  if (kind === 'newMessage') {
    if (typeof body.subject !== 'string' || body.subject.trim() === '')
      return badRequest('newMessage needs a subject.');
    const from = parseFrom(body.from);
    if (!from.ok) return from;
    if (
      body.receivedDateTime !== undefined &&
      (typeof body.receivedDateTime !== 'string' || Number.isNaN(Date.parse(body.receivedDateTime)))
    )
      return badRequest('receivedDateTime must be an ISO 8601 instant.');
    const message = tenant.changes.newMessage(user, {
      subject: body.subject,
      from: from.value,
      ...(typeof body.receivedDateTime === 'string' ? { receivedDateTime: body.receivedDateTime } : {}),
      ...(typeof body.isRead === 'boolean' ? { isRead: body.isRead } : {}),
      ...(typeof body.hasAttachments === 'boolean' ? { hasAttachments: body.hasAttachments } : {}),
    });
    return ok({ user, message });
  }
  const messageId = body.messageId;
  if (typeof messageId !== 'string') return badRequest(`${kind} needs messageId.`);
  if (!user.mailbox.messages.has(messageId))
    return fail(errors.itemNotFound(`No message ${messageId} in ${user.mail}.`));
  const changes = tenant.changes;
  switch (kind as Exclude<ChangeKind, 'newMessage'>) {
    case 'reply':
      return ok({ user, message: changes.reply(user, messageId, { all: body.all === true }) });
    case 'forward':
      return ok({ user, message: changes.forward(user, messageId) });
    case 'move': {
      if (typeof body.folder !== 'string' || !tenant.findFolder(user, body.folder))
        return badRequest(
          'move needs folder: a folder id or well-known name (archive, deleteditems, inbox, …).',
        );
      return ok({ user, message: changes.move(user, messageId, body.folder) });
    }
    case 'delete':
      return ok({ user, message: changes.delete(user, messageId, { permanent: body.permanent === true }) });
    case 'categorise': {
      const categories = body.categories;
      if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))
        return badRequest('categorise needs categories: an array of strings.');
      return ok({ user, message: changes.categorise(user, messageId, categories as string[]) });
    }
    case 'flag': {
      const status = body.status ?? body.flagStatus;
      if (status !== 'notFlagged' && status !== 'flagged' && status !== 'complete')
        return badRequest('flag needs status: notFlagged, flagged or complete.');
      return ok({ user, message: changes.flag(user, messageId, status as FlagStatus) });
    }
    case 'markRead':
      if (typeof body.isRead !== 'boolean') return badRequest('markRead needs isRead: true or false.');
      return ok({ user, message: changes.markRead(user, messageId, body.isRead) });
  }
}

async function postChange(context: GraphContext): Promise<Response> {
  const refused = refuseRemoteAnonymous(context);
  if (refused) return refused;
  const body = await readJsonObject(context.request);
  if (!body.ok) return graphError(context, body.error);
  const applied = applyChange(context.tenant, body.value);
  if (!applied.ok) return graphError(context, applied.error);
  return json({
    kind: body.value.kind,
    mailbox: applied.value.user.mail,
    message: summary(context.tenant, applied.value.user, applied.value.message),
  });
}

async function postSimulate(context: GraphContext): Promise<Response> {
  const refused = refuseRemoteAnonymous(context);
  if (refused) return refused;
  const body = await readJsonObject(context.request);
  if (!body.ok) return graphError(context, body.error);
  const { count, seed } = body.value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 10_000)
    return graphError(
      context,
      errors.badRequest('Send {"count": n} with n from 0 to 10000 (and optionally "seed").'),
    );
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed)))
    return graphError(context, errors.badRequest('seed must be a whole number.'));
  const applied = context.tenant.changes.simulate(count, seed === undefined ? {} : { seed });
  return json({ applied, tenantChangeSeq: context.tenant.changeSeq });
}

export const demoChangeRoutes: RouteDefinition[] = [
  { name: 'demo.changes', method: 'POST', path: '/demo/changes', scope: 'origin', handle: postChange },
  { name: 'demo.simulate', method: 'POST', path: '/demo/simulate', scope: 'origin', handle: postSimulate },
];
