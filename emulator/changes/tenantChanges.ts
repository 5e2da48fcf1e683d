import { exchangeId, randomFromName, randomHex } from '../model/ids.ts';
import type { Tenant } from '../tenant.ts';
import type { EmailAddressState, FlagStatus, LastVerb, MessageState, UserState } from '../model/types.ts';
import { simulateChanges } from './simulateChanges.ts';
import type { SimulatedChange } from './simulateChanges.ts';

export interface NewMessageInput {
  subject: string;
  from: EmailAddressState;
  /** Default: the tenant clock's now. */
  receivedDateTime?: string;
  isRead?: boolean;
  hasAttachments?: boolean;
  importance?: MessageState['importance'];
  /** Default: the mailbox itself. */
  toRecipients?: EmailAddressState[];
  /** Another message's conversation (a follow-up in the same thread). */
  conversationId?: string;
}

/**
 * What can happen to mail in a real mailbox, applied to the tenant as Exchange would record it:
 * every change bumps the message's version (new `changeKey`) and the tenant's change sequence,
 * and a message leaving a folder leaves a tombstone, so the next delta round reports exactly these
 * changes. Mailboxes are given by id, address or state; folders by id or well-known name. Unknown
 * mailboxes, messages or folders throw (these are test and demo helpers).
 */
export class TenantChanges {
  private created = 0;

  constructor(private readonly tenant: Tenant) {}

  /** New mail in the mailbox's Inbox. */
  newMessage(mailbox: string | UserState, input: NewMessageInput): MessageState {
    const user = this.tenant.requireUser(mailbox);
    const received = input.receivedDateTime ?? this.tenant.clock();
    if (Number.isNaN(Date.parse(received)))
      throw new Error(`[emulator] newMessage: receivedDateTime ${received} is not an instant.`);
    this.created += 1;
    const random = randomFromName(`change:new:${user.id}:${this.created}:${received}:${input.subject}`);
    const domain = input.from.address.split('@')[1] ?? 'example.com';
    return this.tenant.addMessage(user, 'inbox', {
      id: exchangeId(random, 'item'),
      createdDateTime: received,
      receivedDateTime: received,
      sentDateTime: new Date(Date.parse(received) - 5000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      subject: input.subject,
      from: { ...input.from },
      sender: { ...input.from },
      toRecipients: input.toRecipients ?? [{ name: user.displayName, address: user.mail }],
      ccRecipients: [],
      isRead: input.isRead ?? false,
      flag: { flagStatus: 'notFlagged' },
      categories: [],
      conversationId: input.conversationId ?? exchangeId(random, 'conversation'),
      internetMessageId: `<${randomHex(random, 8)}.${randomHex(random, 4)}@${domain}>`,
      hasAttachments: input.hasAttachments ?? false,
      importance: input.importance ?? 'normal',
      lastVerbExecuted: null,
      lastVerbExecutionTime: null,
    });
  }

  /** Someone replied (102) or replied to all (103): sets 0x1081 and 0x1082 (now); the message is read. */
  reply(mailbox: string | UserState, messageId: string, options: { all?: boolean } = {}): MessageState {
    return this.executeVerb(mailbox, messageId, options.all ? 103 : 102);
  }

  /** Someone forwarded the message (0x1081 = 104, 0x1082 = now); the message is read. */
  forward(mailbox: string | UserState, messageId: string): MessageState {
    return this.executeVerb(mailbox, messageId, 104);
  }

  /** Moves the message to another folder (id or well-known name, e.g. `archive`). */
  move(mailbox: string | UserState, messageId: string, folder: string): MessageState {
    const { user, message } = this.find(mailbox, messageId);
    const target = this.tenant.findFolder(user, folder);
    if (!target) throw new Error(`[emulator] Mailbox ${user.userPrincipalName} has no folder ${folder}.`);
    this.tenant.moveMessage(user, message, target.id);
    return message;
  }

  /**
   * Deletes the message as Outlook does — moved to Deleted Items — or, with `permanent`, removes it
   * from the mailbox. Either way it leaves its folder (`@removed` in delta).
   */
  delete(
    mailbox: string | UserState,
    messageId: string,
    options: { permanent?: boolean } = {},
  ): MessageState {
    const { user, message } = this.find(mailbox, messageId);
    const deleted = this.tenant.wellKnownFolder(user, 'deleteditems');
    if (options.permanent || message.folderId === deleted.id) this.tenant.removeMessage(user, message);
    else this.tenant.moveMessage(user, message, deleted.id);
    return message;
  }

  /** Replaces the message's categories. */
  categorise(mailbox: string | UserState, messageId: string, categories: readonly string[]): MessageState {
    const { message } = this.find(mailbox, messageId);
    message.categories = [...new Set(categories)];
    this.tenant.touchMessage(message);
    return message;
  }

  /** Sets the follow-up flag; `complete` stamps the completion time. */
  flag(mailbox: string | UserState, messageId: string, status: FlagStatus): MessageState {
    const { message } = this.find(mailbox, messageId);
    const now = this.tenant.clock();
    message.flag =
      status === 'complete'
        ? { flagStatus: 'complete', completedDateTime: now }
        : status === 'flagged'
          ? { flagStatus: 'flagged', startDateTime: now }
          : { flagStatus: 'notFlagged' };
    this.tenant.touchMessage(message);
    return message;
  }

  markRead(mailbox: string | UserState, messageId: string, isRead: boolean): MessageState {
    const { message } = this.find(mailbox, messageId);
    message.isRead = isRead;
    this.tenant.touchMessage(message);
    return message;
  }

  /**
   * `count` random, realistic changes across the shared mailboxes (mostly new mail, some replies,
   * forwards, categories, flags, reads, moves and deletions), from a seeded generator that
   * continues where the last call stopped. Returns what was done.
   */
  simulate(count: number, options: { seed?: number } = {}): SimulatedChange[] {
    return simulateChanges(this.tenant, count, options.seed);
  }

  private executeVerb(mailbox: string | UserState, messageId: string, verb: LastVerb): MessageState {
    const { message } = this.find(mailbox, messageId);
    message.lastVerbExecuted = verb;
    message.lastVerbExecutionTime = this.tenant.clock();
    message.isRead = true;
    this.tenant.touchMessage(message);
    return message;
  }

  private find(mailbox: string | UserState, messageId: string): { user: UserState; message: MessageState } {
    const user = this.tenant.requireUser(mailbox);
    const message = user.mailbox.messages.get(messageId);
    if (!message)
      throw new Error(`[emulator] Mailbox ${user.userPrincipalName} has no message ${messageId}.`);
    return { user, message };
  }
}
