import { errors, fail, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { GraphContext } from '../pipeline/types.ts';
import type { MailFolderState, MessageState, UserState } from '../model/types.ts';

/** The user a `/users/{userId}/…` or `/me/…` request addresses, for directory reads. */
export function resolveUser(context: GraphContext): Outcome<UserState> {
  if (context.params.viaMe === '1')
    return context.caller ? ok(context.caller) : fail(errors.userNotFound('me'));
  const id = context.params.userId ?? '';
  const user = context.tenant.findUser(id);
  return user ? ok(user) : fail(errors.userNotFound(id));
}

/**
 * The mailbox a mail request addresses, if the caller may open it: their own, or one they have
 * Full Access to (Mail.Read.Shared only reaches mailboxes the user could open in Outlook).
 */
export function resolveMailbox(context: GraphContext): Outcome<UserState> {
  const user =
    context.params.viaMe === '1' ? context.caller : context.tenant.findUser(context.params.userId ?? '');
  if (!user) {
    return fail({
      status: 404,
      code: 'ErrorInvalidUser',
      message: `The requested user '${context.params.userId ?? ''}' is invalid.`,
    });
  }
  if (!context.caller || !context.tenant.canAccessMailbox(context.caller, user)) {
    return fail(errors.accessDenied());
  }
  return ok(user);
}

const exchangeIdShape = /^[A-Za-z0-9_\-+/]{20,}={0,2}$/;

/** A folder by id or well-known name; a malformed id is a 400, an unknown one a 404, as in Graph. */
export function resolveFolder(
  context: GraphContext,
  mailbox: UserState,
  idOrName: string,
): Outcome<MailFolderState> {
  const folder = context.tenant.findFolder(mailbox, idOrName);
  if (folder) return ok(folder);
  if (!exchangeIdShape.test(idOrName))
    return fail({ status: 400, code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' });
  return fail(errors.itemNotFound());
}

export function resolveMessage(
  mailbox: UserState,
  messageId: string,
  folder?: MailFolderState,
): Outcome<MessageState> {
  const message = mailbox.mailbox.messages.get(messageId);
  if (message && (!folder || message.folderId === folder.id)) return ok(message);
  if (!exchangeIdShape.test(messageId))
    return fail({ status: 400, code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' });
  return fail(errors.itemNotFound());
}

/** The request body as JSON, or the 400 Graph gives for an unreadable one. */
export async function readJsonObject(request: Request): Promise<Outcome<Record<string, unknown>>> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return fail({
      status: 400,
      code: 'BadRequest',
      message:
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail({ status: 400, code: 'BadRequest', message: 'The request body must be a JSON object.' });
  }
  return ok(body as Record<string, unknown>);
}
