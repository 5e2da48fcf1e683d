import type { Client } from '@microsoft/microsoft-graph-client';
import { followLink } from './followLink.ts';
import { attempt } from './GraphResult.ts';
import type { GraphResult } from './GraphResult.ts';
import { messageSelect } from './messageFields.ts';

export interface Me {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
}

export interface InboxMessage {
  id: string;
  subject: string | null;
  from: { name: string; address: string } | null;
  receivedDateTime: string;
  isRead: boolean;
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  categories: string[];
  webLink: string | null;
}

export interface InboxPage {
  messages: InboxMessage[];
  nextLink: string | null;
}

export interface InboxSummary {
  totalItemCount: number;
  unreadItemCount: number;
}

const enc = encodeURIComponent;

export function getMe(client: Client): Promise<GraphResult<Me>> {
  return attempt(async () => {
    const me = (await client
      .api('/me')
      .select(['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'officeLocation', 'businessPhones', 'mobilePhone'])
      .get()) as Partial<Me>;
    return {
      id: me.id ?? '',
      displayName: me.displayName ?? me.userPrincipalName ?? '',
      mail: me.mail ?? null,
      userPrincipalName: me.userPrincipalName ?? '',
      jobTitle: me.jobTitle ?? null,
      department: me.department ?? null,
      officeLocation: me.officeLocation ?? null,
      businessPhones: me.businessPhones ?? [],
      mobilePhone: me.mobilePhone ?? null,
    };
  });
}

interface RawMessage {
  id: string;
  subject?: string | null;
  from?: { emailAddress?: { name?: string; address?: string } } | null;
  receivedDateTime: string;
  isRead?: boolean;
  flag?: { flagStatus?: InboxMessage['flagStatus'] };
  categories?: string[];
  webLink?: string | null;
}

function toInboxMessage(raw: RawMessage): InboxMessage {
  const address = raw.from?.emailAddress;
  return {
    id: raw.id,
    subject: raw.subject ?? null,
    from: address ? { name: address.name ?? address.address ?? '', address: address.address ?? '' } : null,
    receivedDateTime: raw.receivedDateTime,
    isRead: raw.isRead ?? false,
    flagStatus: raw.flag?.flagStatus ?? 'notFlagged',
    categories: raw.categories ?? [],
    webLink: raw.webLink ?? null,
  };
}

/**
 * One page of a mailbox's Inbox, newest first, metadata only. Pass the previous page's `nextLink`
 * to continue. (The mailbox-sync layer replaces this with delta queries.)
 */
export function listInboxMessages(
  client: Client,
  mailbox: string,
  options: { top?: number; nextLink?: string | null } = {},
): Promise<GraphResult<InboxPage>> {
  return attempt(async () => {
    const request = options.nextLink
      ? followLink(client, options.nextLink)
      : client
          .api(`/users/${enc(mailbox)}/mailFolders/inbox/messages`)
          .select([...messageSelect])
          .orderby('receivedDateTime desc')
          .top(options.top ?? 25);
    const page = (await request.get()) as { value: RawMessage[]; '@odata.nextLink'?: string };
    return { messages: page.value.map(toInboxMessage), nextLink: page['@odata.nextLink'] ?? null };
  });
}

/** The Inbox's item counts, without listing messages. */
export function getInboxSummary(client: Client, mailbox: string): Promise<GraphResult<InboxSummary>> {
  return attempt(async () => {
    const folder = (await client
      .api(`/users/${enc(mailbox)}/mailFolders/inbox`)
      .select(['totalItemCount', 'unreadItemCount'])
      .get()) as Partial<InboxSummary>;
    return { totalItemCount: folder.totalItemCount ?? 0, unreadItemCount: folder.unreadItemCount ?? 0 };
  });
}
