import type { Message } from '@microsoft/microsoft-graph-types';
import { bytesToBase64Url } from './base64.ts';
import { changeKeyOf } from './etags.ts';
import { randomFromName } from './ids.ts';
import { toDateTimeTimeZone } from '../time.ts';
import type { EmailAddressState, FlagState, MessageState } from './types.ts';

/** Structural properties of `microsoft.graph.message` a client may `$select` (checked against the Graph types). */
export const messageProperties = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'conversationIndex',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'body',
  'uniqueBody',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
  'internetMessageHeaders',
] as const satisfies ReadonlyArray<keyof Message>;

/**
 * What Graph returns without `$select`, minus the content: the emulator never returns `body`,
 * `bodyPreview` or `uniqueBody` unless asked by name — and the product never asks (graph.md).
 */
const defaultProperties = messageProperties.filter(
  (p) => p !== 'body' && p !== 'bodyPreview' && p !== 'uniqueBody' && p !== 'internetMessageHeaders',
);

/** The single-value extended properties the emulator knows, keyed by their Graph id. */
export const extendedPropertyIds = {
  lastVerbExecuted: 'Integer 0x1081',
  lastVerbExecutionTime: 'SystemTime 0x1082',
} as const;

export interface MessageViewOptions {
  select: readonly string[] | null;
  /** Extended property ids requested with `$expand=singleValueExtendedProperties($filter=…)`. */
  extendedProperties: readonly string[] | null;
}

const recipient = (address: EmailAddressState) => ({
  emailAddress: { name: address.name, address: address.address },
});

function flagView(flag: FlagState): Record<string, unknown> {
  const view: Record<string, unknown> = { flagStatus: flag.flagStatus };
  if (flag.completedDateTime) view.completedDateTime = toDateTimeTimeZone(flag.completedDateTime);
  if (flag.dueDateTime) view.dueDateTime = toDateTimeTimeZone(flag.dueDateTime);
  if (flag.startDateTime) view.startDateTime = toDateTimeTimeZone(flag.startDateTime);
  return view;
}

function conversationIndexOf(message: MessageState): string {
  const random = randomFromName(`conversationIndex:${message.conversationId}`);
  return bytesToBase64Url(
    Array.from({ length: 22 }, () => Math.floor(random() * 256)),
    false,
  );
}

function propertyValue(message: MessageState, property: string): unknown {
  switch (property) {
    case 'id':
      return message.id;
    case 'changeKey':
      return changeKeyOf(message);
    case 'categories':
      return [...message.categories];
    case 'hasAttachments':
      return message.hasAttachments;
    case 'bodyPreview':
      return '';
    case 'body':
    case 'uniqueBody':
      // The demo stores metadata only; drafts the emulator writes keep their comment.
      return { contentType: 'html', content: message.bodyHtml ?? '' };
    case 'parentFolderId':
      return message.folderId;
    case 'conversationIndex':
      return conversationIndexOf(message);
    case 'isDeliveryReceiptRequested':
    case 'isReadReceiptRequested':
      return false;
    case 'isDraft':
      return message.isDraft ?? false;
    case 'webLink':
      return `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`;
    case 'inferenceClassification':
      return 'focused';
    case 'sender':
      return recipient(message.sender);
    case 'from':
      return recipient(message.from);
    case 'toRecipients':
      return message.toRecipients.map(recipient);
    case 'ccRecipients':
      return message.ccRecipients.map(recipient);
    case 'bccRecipients':
    case 'replyTo':
    case 'internetMessageHeaders':
      return [];
    case 'flag':
      return flagView(message.flag);
    default:
      return (message as unknown as Record<string, unknown>)[property] ?? null;
  }
}

function extendedPropertyValues(
  message: MessageState,
  ids: readonly string[],
): Array<{ id: string; value: string }> {
  const values: Array<{ id: string; value: string }> = [];
  for (const id of ids) {
    const lower = id.toLowerCase();
    if (lower === extendedPropertyIds.lastVerbExecuted.toLowerCase() && message.lastVerbExecuted !== null) {
      values.push({ id: extendedPropertyIds.lastVerbExecuted, value: String(message.lastVerbExecuted) });
    }
    if (
      lower === extendedPropertyIds.lastVerbExecutionTime.toLowerCase() &&
      message.lastVerbExecutionTime !== null
    ) {
      values.push({ id: extendedPropertyIds.lastVerbExecutionTime, value: message.lastVerbExecutionTime });
    }
  }
  return values;
}

/** A message as Graph serialises it: `@odata.etag`, `id`, then the selected (or default) properties. */
export function messageView(message: MessageState, options: MessageViewOptions): Record<string, unknown> {
  const view: Record<string, unknown> = { '@odata.etag': `W/"${changeKeyOf(message)}"`, id: message.id };
  for (const property of options.select ?? defaultProperties)
    view[property] = propertyValue(message, property);
  if (options.extendedProperties) {
    const values = extendedPropertyValues(message, options.extendedProperties);
    // Graph leaves the collection out for items that have none of the requested properties.
    if (values.length > 0) view.singleValueExtendedProperties = values;
  }
  return view;
}
