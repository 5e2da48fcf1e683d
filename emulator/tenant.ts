import { TenantChanges } from './changes/tenantChanges.ts';
import { exchangeId, guid, randomFromName } from './model/ids.ts';
import { toGraphInstant } from './time.ts';
import type {
  AutomaticRepliesState,
  ColumnState,
  IdentityState,
  ListItemState,
  ListState,
  MailFolderState,
  MailboxState,
  MessageState,
  SiteState,
  UserState,
  WellKnownFolderName,
} from './model/types.ts';

/** The folders every mailbox has, with the display names of a Swedish-language mailbox. */
const standardFolders: Array<{ name: WellKnownFolderName; displayName: string; isHidden?: boolean }> = [
  { name: 'inbox', displayName: 'Inkorgen' },
  { name: 'drafts', displayName: 'Utkast' },
  { name: 'sentitems', displayName: 'Skickat' },
  { name: 'deleteditems', displayName: 'Borttaget' },
  { name: 'archive', displayName: 'Arkiv' },
  { name: 'junkemail', displayName: 'Skräppost' },
  { name: 'outbox', displayName: 'Utkorgen' },
];

export interface TenantPersona {
  upn: string;
  role: 'staff' | 'owner' | 'manager';
  /** A short Swedish description for the persona switcher. */
  description: string;
}

export interface TenantOptions {
  /** The tenant's clock, for `lastModifiedDateTime` of writes. Tests pass a fixed one. */
  clock?: () => string;
}

export type NewUser = Omit<UserState, 'id' | 'mailbox' | 'preferredLanguage' | 'accountEnabled'> &
  Partial<Pick<UserState, 'id' | 'preferredLanguage' | 'accountEnabled'>>;

export type NewMessage = Omit<
  MessageState,
  'folderId' | 'version' | 'changeSeq' | 'folderSeq' | 'lastModifiedDateTime'
> & {
  lastModifiedDateTime?: string;
};

const disabledAutoReplies: AutomaticRepliesState = {
  status: 'disabled',
  externalAudience: 'all',
  scheduledStartDateTime: null,
  scheduledEndDateTime: null,
  internalReplyMessage: '',
  externalReplyMessage: '',
};

/**
 * An in-memory Microsoft 365 tenant: users (people and shared mailboxes), their mail folders,
 * messages, automatic replies and calendars, and SharePoint lists. Handlers read and write it;
 * every write bumps a tenant-wide change sequence so delta queries can be answered from it.
 */
export class Tenant {
  readonly users: UserState[] = [];
  readonly sites = new Map<string, SiteState>();
  readonly clock: () => string;
  /** The user the plain `demo` token signs in as. */
  defaultUserId: string | null = null;
  /** The users the demo offers to switch between (`GET /demo/personas`). */
  readonly personas: TenantPersona[] = [];
  /**
   * Changes as they happen in a real mailbox (new mail, reply, forward, move, delete, categorise,
   * flag, read), for tests and the demo; each is recorded so delta reports it.
   */
  readonly changes: TenantChanges;
  private changeCounter = 0;
  private readonly byKey = new Map<string, UserState>();
  /**
   * Identifies this tenant instance in delta tokens, so a link saved from an earlier emulator run
   * (same ids, different history) is 410 Gone rather than silently wrong.
   */
  readonly instanceId: string = crypto.randomUUID().slice(0, 8);
  private deltaGeneration = 0;
  private readonly mailboxDeltaGeneration = new Map<string, number>();

  constructor(options: TenantOptions = {}) {
    this.clock = options.clock ?? (() => toGraphInstant(Date.now()));
    this.changes = new TenantChanges(this);
  }

  nextChangeSeq(): number {
    this.changeCounter += 1;
    return this.changeCounter;
  }

  get changeSeq(): number {
    return this.changeCounter;
  }

  addUser(input: NewUser): UserState {
    const upn = input.userPrincipalName.toLowerCase();
    if (this.byKey.has(upn)) throw new Error(`[emulator] A user ${upn} already exists in the tenant.`);
    const random = randomFromName(`user:${upn}`);
    const user: UserState = {
      preferredLanguage: 'sv-SE',
      accountEnabled: input.kind === 'person',
      ...input,
      id: input.id ?? guid(random),
      mailbox: {
        folders: new Map(),
        messages: new Map(),
        tombstones: [],
        fullAccess: new Set(),
        automaticReplies: { ...disabledAutoReplies },
        events: [],
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: 'W. Europe Standard Time',
        },
      },
    };
    const root: MailFolderState = {
      id: exchangeId(randomFromName(`folder:${upn}:msgfolderroot`), 'folder'),
      wellKnownName: 'msgfolderroot',
      displayName: 'Översta delen av informationsarkivet',
      parentFolderId: null,
      isHidden: false,
    };
    user.mailbox.folders.set(root.id, root);
    for (const folder of standardFolders) {
      const id = exchangeId(randomFromName(`folder:${upn}:${folder.name}`), 'folder');
      user.mailbox.folders.set(id, {
        id,
        wellKnownName: folder.name,
        displayName: folder.displayName,
        parentFolderId: root.id,
        isHidden: folder.isHidden ?? false,
      });
    }
    this.users.push(user);
    for (const key of [user.id, upn, user.mail.toLowerCase()]) this.byKey.set(key.toLowerCase(), user);
    return user;
  }

  /** A user by id, userPrincipalName or mail, case-insensitively. */
  findUser(idOrAddress: string): UserState | undefined {
    return this.byKey.get(idOrAddress.toLowerCase());
  }

  /** A folder by id or well-known name (`inbox`, `Inbox`, `deleteditems`, …). */
  findFolder(user: UserState, idOrWellKnownName: string): MailFolderState | undefined {
    const byId = user.mailbox.folders.get(idOrWellKnownName);
    if (byId) return byId;
    const wanted = idOrWellKnownName.toLowerCase();
    for (const folder of user.mailbox.folders.values()) if (folder.wellKnownName === wanted) return folder;
    return undefined;
  }

  wellKnownFolder(user: UserState, name: WellKnownFolderName): MailFolderState {
    const folder = this.findFolder(user, name);
    if (!folder) throw new Error(`[emulator] Mailbox ${user.userPrincipalName} has no ${name} folder.`);
    return folder;
  }

  addMessage(user: UserState, folderName: WellKnownFolderName, input: NewMessage): MessageState {
    const changeSeq = this.nextChangeSeq();
    const message: MessageState = {
      ...input,
      lastModifiedDateTime: input.lastModifiedDateTime ?? input.createdDateTime,
      folderId: this.wellKnownFolder(user, folderName).id,
      version: 1,
      changeSeq,
      folderSeq: changeSeq,
    };
    user.mailbox.messages.set(message.id, message);
    return message;
  }

  /** The messages of a mailbox's Inbox, newest first: the truth tests compare a sync against. */
  inboxMessages(mailbox: string | UserState): MessageState[] {
    return this.folderMessages(mailbox, 'inbox');
  }

  /** The messages of a folder (id or well-known name), newest first. */
  folderMessages(mailbox: string | UserState, folder: string): MessageState[] {
    const user = this.requireUser(mailbox);
    const found = this.findFolder(user, folder);
    if (!found) throw new Error(`[emulator] Mailbox ${user.userPrincipalName} has no folder ${folder}.`);
    return [...user.mailbox.messages.values()]
      .filter((m) => m.folderId === found.id)
      .sort(
        (a, b) =>
          Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
  }

  /** A user by id, address or state; throws for an unknown one (for test and demo helpers). */
  requireUser(mailbox: string | UserState): UserState {
    if (typeof mailbox !== 'string') return mailbox;
    const user = this.findUser(mailbox);
    if (!user) throw new Error(`[emulator] No user or mailbox ${mailbox} in the tenant.`);
    return user;
  }

  /**
   * The generation of `mailbox`'s delta tokens: tokens carry it, and a token of an older
   * generation is answered with 410 Gone (SyncStateNotFound).
   */
  deltaGenerationOf(mailboxId: string): number {
    return this.deltaGeneration + (this.mailboxDeltaGeneration.get(mailboxId) ?? 0);
  }

  /**
   * Invalidates the delta tokens issued so far for one mailbox (id or address), or for all
   * mailboxes: their next use answers 410 Gone with `SyncStateNotFound`, as when Exchange drops
   * a sync state.
   */
  expireDeltaTokens(mailbox?: string | UserState): void {
    if (mailbox === undefined) {
      this.deltaGeneration += 1;
      return;
    }
    const user = this.requireUser(mailbox);
    this.mailboxDeltaGeneration.set(user.id, (this.mailboxDeltaGeneration.get(user.id) ?? 0) + 1);
  }

  /** Applies a change to a message and records it (version, changeKey, change sequence, time). */
  touchMessage(message: MessageState): void {
    message.version += 1;
    message.changeSeq = this.nextChangeSeq();
    message.lastModifiedDateTime = this.clock();
  }

  /**
   * Moves a message to another folder, leaving a tombstone in the old one for delta. The id stays
   * the same (as with `Prefer: IdType="ImmutableId"`).
   */
  moveMessage(user: UserState, message: MessageState, folderId: string): void {
    if (message.folderId === folderId) return;
    const reason = this.findFolder(user, 'deleteditems')?.id === folderId ? 'deleted' : 'changed';
    user.mailbox.tombstones.push({
      messageId: message.id,
      folderId: message.folderId,
      reason,
      changeSeq: this.nextChangeSeq(),
    });
    message.folderId = folderId;
    this.touchMessage(message);
    message.folderSeq = message.changeSeq;
  }

  /** Deletes a message for good (a hard delete), leaving a tombstone in its folder for delta. */
  removeMessage(user: UserState, message: MessageState): void {
    if (!user.mailbox.messages.delete(message.id)) return;
    user.mailbox.tombstones.push({
      messageId: message.id,
      folderId: message.folderId,
      reason: 'deleted',
      changeSeq: this.nextChangeSeq(),
    });
  }

  addSite(site: Omit<SiteState, 'lists'>): SiteState {
    const state: SiteState = { ...site, lists: new Map() };
    this.sites.set(site.id.toLowerCase(), state);
    return state;
  }

  findSite(id: string): SiteState | undefined {
    return this.sites.get(id.toLowerCase());
  }

  addList(
    site: SiteState,
    list: { id: string; name: string; displayName: string; columns: ColumnState[] },
  ): ListState {
    const state: ListState = {
      ...list,
      webUrl: `${site.webUrl}/Lists/${list.name}`,
      items: new Map(),
      nextItemId: 1,
    };
    site.lists.set(list.id, state);
    return state;
  }

  /** A list by id, name (the URL segment) or display name, as Graph accepts. */
  findList(site: SiteState, idOrName: string): ListState | undefined {
    const wanted = idOrName.toLowerCase();
    for (const list of site.lists.values()) {
      if ([list.id, list.name, list.displayName].some((key) => key.toLowerCase() === wanted)) return list;
    }
    return undefined;
  }

  addListItem(
    list: ListState,
    item: { fields: Record<string, string | null>; createdDateTime: string; createdBy: IdentityState },
  ): ListItemState {
    const id = String(list.nextItemId++);
    const state: ListItemState = {
      id,
      uniqueId: guid(randomFromName(`listitem:${list.id}:${id}`)),
      version: 1,
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.createdDateTime,
      createdBy: item.createdBy,
      lastModifiedBy: item.createdBy,
      fields: { ...item.fields },
    };
    list.items.set(id, state);
    return state;
  }

  updateListItemFields(
    item: ListItemState,
    fields: Record<string, string | null>,
    editor: IdentityState,
  ): void {
    Object.assign(item.fields, fields);
    item.version += 1;
    item.lastModifiedDateTime = this.clock();
    item.lastModifiedBy = editor;
  }

  /** Whether `caller` may read and write `mailbox`'s mail: its own, or granted Full Access. */
  canAccessMailbox(caller: UserState, mailbox: UserState): boolean {
    return caller.id === mailbox.id || mailbox.mailbox.fullAccess.has(caller.id);
  }

  /** Everything as plain JSON: for determinism checks and debugging. */
  toJSON(): unknown {
    const mailbox = (m: MailboxState) => ({
      ...m,
      folders: [...m.folders.values()],
      messages: [...m.messages.values()],
      fullAccess: [...m.fullAccess].sort(),
    });
    return {
      defaultUserId: this.defaultUserId,
      personas: this.personas,
      users: this.users.map((u) => ({ ...u, mailbox: mailbox(u.mailbox) })),
      sites: [...this.sites.values()].map((s) => ({
        ...s,
        lists: [...s.lists.values()].map((l) => ({ ...l, items: [...l.items.values()] })),
      })),
    };
  }
}
