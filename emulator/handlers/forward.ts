import { changeKeyOf } from '../model/etags.ts';
import { exchangeId, randomFromName, randomHex } from '../model/ids.ts';
import { messageView } from '../model/messageView.ts';
import type { EmailAddressState, MessageState, UserState } from '../model/types.ts';
import { odataKey } from '../odata/paging.ts';
import { errors, fail, graphError, json, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import { resolveMailbox, resolveMessage } from './resolve.ts';

/** The subject prefix of a forward in a Swedish-language mailbox (Outlook writes `VB:`). */
export const forwardSubjectPrefix = 'VB: ';

interface ForwardRequest {
  toRecipients: EmailAddressState[];
  ccRecipients: EmailAddressState[];
  comment: string;
}

const unknownProperty = (name: string, type: string) => ({
  status: 400,
  code: 'RequestBodyRead',
  message: `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`,
});

function parseRecipients(value: unknown, name: string): Outcome<EmailAddressState[]> {
  const shape = `'${name}' must be an array of recipients like [{"emailAddress":{"address":"x@example.se","name":"X"}}].`;
  if (!Array.isArray(value)) return fail(errors.badRequest(`Invalid ${shape}`));
  const recipients: EmailAddressState[] = [];
  for (const item of value) {
    const email = (item as { emailAddress?: { address?: unknown; name?: unknown } } | null)?.emailAddress;
    if (typeof email?.address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email.address))
      return fail({
        status: 400,
        code: 'ErrorInvalidRecipients',
        message: `At least one recipient isn't valid. ${shape}`,
      });
    recipients.push({
      address: email.address,
      name: typeof email.name === 'string' ? email.name : email.address,
    });
  }
  return ok(recipients);
}

async function readForwardRequest(request: Request): Promise<Outcome<ForwardRequest>> {
  const text = await request.text();
  let body: unknown = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return fail(
        errors.badRequest(
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        ),
      );
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail(errors.badRequest('The request body must be a JSON object.'));
  const input = body as Record<string, unknown>;
  const result: ForwardRequest = { toRecipients: [], ccRecipients: [], comment: '' };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'toRecipients') {
      const parsed = parseRecipients(value, 'toRecipients');
      if (!parsed.ok) return parsed;
      result.toRecipients.push(...parsed.value);
    } else if (key === 'comment') {
      if (typeof value !== 'string')
        return fail(errors.badRequest("Invalid value for 'comment': expected a string."));
      result.comment = value;
    } else if (key === 'message') {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(errors.badRequest("Invalid value for 'message': expected a message object."));
      for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        if (field === 'toRecipients' || field === 'ccRecipients') {
          const parsed = parseRecipients(fieldValue, `message.${field}`);
          if (!parsed.ok) return parsed;
          result[field].push(...parsed.value);
        } else if (!field.startsWith('@odata.')) {
          return fail(
            errors.invalidProperty(
              `The emulator accepts only toRecipients and ccRecipients in createForward's message; '${field}' was sent.`,
            ),
          );
        }
      }
    } else if (!key.startsWith('@odata.')) {
      return fail(unknownProperty(key, 'microsoft.graph.createForward'));
    }
  }
  return ok(result);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function forwardBody(original: MessageState, comment: string): string {
  const sent = new Date(original.sentDateTime).toISOString().replace('T', ' ').slice(0, 16);
  const from = `${escapeHtml(original.from.name)} &lt;${escapeHtml(original.from.address)}&gt;`;
  return (
    `<html><body><div>${escapeHtml(comment).replace(/\n/g, '<br>')}</div><hr>` +
    `<div id="divRplyFwdMsg"><b>Från:</b> ${from}<br><b>Skickat:</b> ${sent} UTC<br>` +
    `<b>Ämne:</b> ${escapeHtml(original.subject)}</div></body></html>`
  );
}

/** Creates the forward draft in the mailbox's Drafts folder. */
function createDraft(
  context: GraphContext,
  mailbox: UserState,
  original: MessageState,
  request: ForwardRequest,
) {
  const now = context.tenant.clock();
  const random = randomFromName(`forward:${original.id}:${context.tenant.changeSeq}:${now}`);
  const self = { name: mailbox.displayName, address: mailbox.mail };
  return context.tenant.addMessage(mailbox, 'drafts', {
    id: exchangeId(random, 'item'),
    createdDateTime: now,
    receivedDateTime: now,
    sentDateTime: now,
    subject: `${forwardSubjectPrefix}${original.subject}`,
    from: self,
    sender: self,
    toRecipients: request.toRecipients,
    ccRecipients: request.ccRecipients,
    isRead: true,
    flag: { flagStatus: 'notFlagged' },
    categories: [],
    conversationId: original.conversationId,
    internetMessageId: `<${randomHex(random, 8)}.${randomHex(random, 4)}@${mailbox.mail.split('@')[1] ?? 'example.com'}>`,
    hasAttachments: original.hasAttachments,
    importance: original.importance,
    lastVerbExecuted: null,
    lastVerbExecutionTime: null,
    isDraft: true,
    bodyHtml: forwardBody(original, request.comment),
  });
}

async function createForward(context: GraphContext): Promise<Response> {
  const mailbox = resolveMailbox(context);
  if (!mailbox.ok) return graphError(context, mailbox.error);
  const original = resolveMessage(mailbox.value, context.params.messageId ?? '');
  if (!original.ok) return graphError(context, original.error);
  const request = await readForwardRequest(context.request);
  if (!request.ok) return graphError(context, request.error);
  const draft = createDraft(context, mailbox.value, original.value, request.value);
  return json(
    {
      '@odata.context': `${context.serviceRoot}/$metadata#users(${odataKey(mailbox.value.id)})/messages/$entity`,
      ...messageView(draft, { select: null, extendedProperties: null }),
    },
    { status: 201, headers: { ETag: `W/"${changeKeyOf(draft)}"` } },
  );
}

export const forwardRoutes: RouteDefinition[] = [
  {
    name: 'message.createForward',
    method: 'POST',
    path: '/users/{userId}/messages/{messageId}/createForward',
    handle: createForward,
  },
];
