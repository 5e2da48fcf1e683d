/**
 * The emulator's in-memory state. Shapes follow Graph where Graph has a shape (automatic replies,
 * schedule items); instants are stored as ISO strings in UTC (`2026-11-17T09:10:00Z`).
 */

export type WellKnownFolderName =
  'msgfolderroot' | 'inbox' | 'drafts' | 'sentitems' | 'deleteditems' | 'archive' | 'junkemail' | 'outbox';

export interface EmailAddressState {
  name: string;
  address: string;
}

export interface MailFolderState {
  id: string;
  wellKnownName: WellKnownFolderName | null;
  displayName: string;
  parentFolderId: string | null;
  isHidden: boolean;
}

export type FlagStatus = 'notFlagged' | 'flagged' | 'complete';

export interface FlagState {
  flagStatus: FlagStatus;
  /** Instants (UTC). Graph returns them as `dateTimeTimeZone`. */
  startDateTime?: string;
  dueDateTime?: string;
  completedDateTime?: string;
}

/** PidTagLastVerbExecuted (0x1081): 102 reply, 103 reply all, 104 forward. */
export type LastVerb = 102 | 103 | 104;

export interface MessageState {
  id: string;
  folderId: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  subject: string;
  from: EmailAddressState;
  sender: EmailAddressState;
  toRecipients: EmailAddressState[];
  ccRecipients: EmailAddressState[];
  isRead: boolean;
  flag: FlagState;
  categories: string[];
  conversationId: string;
  internetMessageId: string;
  hasAttachments: boolean;
  importance: 'low' | 'normal' | 'high';
  /** 0x1081 and 0x1082 (PidTagLastVerbExecutionTime): exposed as singleValueExtendedProperties. */
  lastVerbExecuted: LastVerb | null;
  lastVerbExecutionTime: string | null;
  /** Bumped on every change; `changeKey` and `@odata.etag` derive from it. */
  version: number;
  /** The tenant-wide change sequence number of the last change: what delta queries will read. */
  changeSeq: number;
  /** The change sequence number at which the message entered its current folder (delta `changeType=created`). */
  folderSeq: number;
  /** A draft (created by createForward); absent means false. */
  isDraft?: boolean;
  /** HTML body, stored only for drafts the emulator writes (a forward's comment); others have none. */
  bodyHtml?: string;
}

/**
 * A message that left a folder (moved or deleted): delta reports it as `@removed`. Graph says
 * `"reason": "deleted"` for both (message delta docs); `reason` here records what happened.
 */
export interface TombstoneState {
  messageId: string;
  folderId: string;
  reason: 'deleted' | 'changed';
  changeSeq: number;
}

export interface AutomaticRepliesState {
  status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  externalAudience: 'none' | 'contactsOnly' | 'all';
  scheduledStartDateTime: string | null;
  scheduledEndDateTime: string | null;
  internalReplyMessage: string;
  externalReplyMessage: string;
}

export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** A calendar event as getSchedule reports it (`scheduleItems`). */
export interface CalendarEventState {
  id: string;
  subject: string;
  start: string;
  end: string;
  status: FreeBusyStatus;
  isAllDay: boolean;
  isPrivate: boolean;
}

export interface MailboxState {
  folders: Map<string, MailFolderState>;
  messages: Map<string, MessageState>;
  tombstones: TombstoneState[];
  /** Users (by id) with Full Access besides the mailbox's own user. */
  fullAccess: Set<string>;
  automaticReplies: AutomaticRepliesState;
  events: CalendarEventState[];
  /** Working hours announced to getSchedule, in the mailbox's zone. */
  workingHours: { daysOfWeek: string[]; startTime: string; endTime: string; timeZone: string };
}

export interface UserState {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  /** Shared mailboxes have disabled sign-in accounts in Entra ID, as in a real tenant. */
  accountEnabled: boolean;
  preferredLanguage: string | null;
  kind: 'person' | 'sharedMailbox';
  mailbox: MailboxState;
}

export interface IdentityState {
  id: string;
  displayName: string;
  email: string;
}

export type ColumnType = 'text' | 'note' | 'choice' | 'dateTime';

export interface ColumnState {
  name: string;
  displayName: string;
  type: ColumnType;
  choices?: string[];
  required?: boolean;
}

export interface ListItemState {
  id: string;
  /** The unique id SharePoint puts in eTags: `"{uniqueId},{version}"`. */
  uniqueId: string;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: IdentityState;
  lastModifiedBy: IdentityState;
  fields: Record<string, string | null>;
}

export interface ListState {
  id: string;
  name: string;
  displayName: string;
  webUrl: string;
  columns: ColumnState[];
  items: Map<string, ListItemState>;
  nextItemId: number;
}

export interface SiteState {
  /** `{hostname},{site-collection-id},{web-id}` */
  id: string;
  displayName: string;
  webUrl: string;
  lists: Map<string, ListState>;
}
