import { messageView } from '../model/messageView.ts';
import { parseSelect, readQueryOptions } from '../odata/queryOptions.ts';
import { nextLinkFor, odataKey } from '../odata/paging.ts';
import { errors, graphError, json } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import { messageProperties } from '../model/messageView.ts';
import { changeKeyOf } from '../model/etags.ts';
import type { MailFolderState, UserState } from '../model/types.ts';
import { parseExtendedPropertyExpand, parseMessageListQuery, sortMessages } from './messageQuery.ts';
import { applyMessagePatch, parseMessagePatch } from './messagePatch.ts';
import { readJsonObject, resolveFolder, resolveMailbox, resolveMessage } from './resolve.ts';

function contextUrl(context: GraphContext, mailbox: UserState, tail: string): string {
  return `${context.serviceRoot}/$metadata#users(${odataKey(mailbox.id)})${tail}`;
}

function listMessages(context: GraphContext, folder: MailFolderState | null, mailbox: UserState): Response {
  const query = parseMessageListQuery(context.url, context.request);
  if (!query.ok) return graphError(context, query.error);
  const q = query.value;
  let messages = [...mailbox.mailbox.messages.values()].filter((m) => !folder || m.folderId === folder.id);
  if (q.filter) messages = messages.filter(q.filter);
  sortMessages(messages, q.orderBy.direction);
  const page = messages.slice(q.skip, q.skip + q.pageSize);
  const selectSuffix = q.select ? `(${q.select.join(',')})` : '';
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(
      context,
      mailbox,
      folder ? `/mailFolders(${odataKey(folder.id)})/messages${selectSuffix}` : `/messages${selectSuffix}`,
    ),
  };
  if (q.count) body['@odata.count'] = messages.length;
  body.value = page.map((m) =>
    messageView(m, { select: q.select, extendedProperties: q.extendedProperties }),
  );
  if (q.pageSize > 0 && q.skip + q.pageSize < messages.length) {
    body['@odata.nextLink'] = nextLinkFor(context.url, context.serviceRoot, {
      $skip: String(q.skip + q.pageSize),
    });
  }
  const headers: Record<string, string> = {};
  if (
    !context.url.searchParams.has('$top') &&
    context.request.headers.get('Prefer')?.includes('odata.maxpagesize')
  ) {
    headers['Preference-Applied'] = `odata.maxpagesize=${q.pageSize}`;
  }
  return json(body, { headers });
}

function getMessage(context: GraphContext, folderParam: string | undefined): Response {
  const mailbox = resolveMailbox(context);
  if (!mailbox.ok) return graphError(context, mailbox.error);
  let folder: MailFolderState | undefined;
  if (folderParam !== undefined) {
    const resolved = resolveFolder(context, mailbox.value, folderParam);
    if (!resolved.ok) return graphError(context, resolved.error);
    folder = resolved.value;
  }
  const options = readQueryOptions(context.url, ['select', 'expand']);
  if (!options.ok) return graphError(context, options.error);
  const select = parseSelect(options.value.select, messageProperties, 'microsoft.graph.message');
  if (!select.ok) return graphError(context, select.error);
  const expand = parseExtendedPropertyExpand(options.value.expand);
  if (!expand.ok) return graphError(context, expand.error);
  const messageId = context.params.messageId ?? '';
  if (/^delta(\(\))?$/i.test(messageId)) {
    // Say so rather than "Id is malformed" for `/users/{id}/messages/delta`.
    return graphError(
      context,
      errors.badRequest(
        'Message delta is per folder: use /users/{id}/mailFolders/{folder}/messages/delta (e.g. mailFolders/inbox).',
      ),
    );
  }
  const message = resolveMessage(mailbox.value, messageId, folder);
  if (!message.ok) return graphError(context, message.error);
  return json(
    {
      '@odata.context': contextUrl(context, mailbox.value, '/messages/$entity'),
      ...messageView(message.value, { select: select.value, extendedProperties: expand.value }),
    },
    { headers: { ETag: `W/"${changeKeyOf(message.value)}"` } },
  );
}

async function patchMessage(context: GraphContext): Promise<Response> {
  const mailbox = resolveMailbox(context);
  if (!mailbox.ok) return graphError(context, mailbox.error);
  const message = resolveMessage(mailbox.value, context.params.messageId ?? '');
  if (!message.ok) return graphError(context, message.error);
  const ifMatch = context.request.headers.get('If-Match');
  const etag = `W/"${changeKeyOf(message.value)}"`;
  if (
    ifMatch !== null &&
    ifMatch.trim() !== '*' &&
    ifMatch.trim() !== etag &&
    ifMatch.trim() !== `"${changeKeyOf(message.value)}"`
  ) {
    return graphError(context, {
      status: 412,
      code: 'ErrorIrresolvableConflict',
      message:
        'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    });
  }
  const body = await readJsonObject(context.request);
  if (!body.ok) return graphError(context, body.error);
  const patch = parseMessagePatch(body.value);
  if (!patch.ok) return graphError(context, patch.error);
  applyMessagePatch(context.tenant, message.value, patch.value);
  return json(
    {
      '@odata.context': contextUrl(context, mailbox.value, '/messages/$entity'),
      ...messageView(message.value, { select: null, extendedProperties: null }),
    },
    { headers: { ETag: `W/"${changeKeyOf(message.value)}"` } },
  );
}

export const messageRoutes: RouteDefinition[] = [
  {
    name: 'mailFolder.messages.list',
    method: 'GET',
    path: '/users/{userId}/mailFolders/{folderId}/messages',
    handle: (context) => {
      const mailbox = resolveMailbox(context);
      if (!mailbox.ok) return graphError(context, mailbox.error);
      const folder = resolveFolder(context, mailbox.value, context.params.folderId ?? '');
      if (!folder.ok) return graphError(context, folder.error);
      return listMessages(context, folder.value, mailbox.value);
    },
  },
  {
    name: 'messages.list',
    method: 'GET',
    path: '/users/{userId}/messages',
    handle: (context) => {
      const mailbox = resolveMailbox(context);
      if (!mailbox.ok) return graphError(context, mailbox.error);
      return listMessages(context, null, mailbox.value);
    },
  },
  {
    name: 'message.get',
    method: 'GET',
    path: '/users/{userId}/messages/{messageId}',
    handle: (context) => getMessage(context, undefined),
  },
  {
    name: 'mailFolder.message.get',
    method: 'GET',
    path: '/users/{userId}/mailFolders/{folderId}/messages/{messageId}',
    handle: (context) => getMessage(context, context.params.folderId),
  },
  {
    name: 'message.patch',
    method: 'PATCH',
    path: '/users/{userId}/messages/{messageId}',
    handle: patchMessage,
  },
];
