/**
 * The subset of Office.js (Outlook) the add-in uses, in Office.js's own shapes. Two implementations:
 * `realOffice()` (the Office.js object inside Outlook) and the demo harness (`createHarnessOutlook`),
 * so the add-in code is the same in Outlook and in the harness.
 */
export interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message: string; code?: number | string };
}
export type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

/** `item.getSharedPropertiesAsync` (Mailbox 1.8 shared folders, 1.13 shared mailboxes). */
export interface SharedPropertiesLike {
  targetMailbox: string;
  owner: string;
  delegatePermissions: number;
}

export interface NotificationDetailsLike {
  type: string;
  message: string;
  icon?: string;
  persistent?: boolean;
}

export interface NotificationMessagesLike {
  replaceAsync(key: string, details: NotificationDetailsLike, callback?: AsyncCallback<void>): void;
  removeAsync(key: string, callback?: AsyncCallback<void>): void;
}

/** A message open in read mode. */
export interface ReadItemLike {
  itemId: string;
  subject: string;
  getSharedPropertiesAsync?(callback: AsyncCallback<SharedPropertiesLike>): void;
  notificationMessages: NotificationMessagesLike;
}

/** A message being written. */
export interface ComposeItemLike {
  itemId?: undefined;
  subject: { getAsync(options: object, callback: AsyncCallback<string>): void };
  body: {
    getAsync(coercionType: string, options: object, callback: AsyncCallback<string>): void;
    setAsync(data: string, options: { coercionType: string }, callback?: AsyncCallback<void>): void;
    /** Mailbox 1.10. */
    setSignatureAsync?(data: string, options: { coercionType: string }, callback?: AsyncCallback<void>): void;
  };
  from?: { getAsync(options: object, callback: AsyncCallback<{ emailAddress: string; displayName: string }>): void };
  getSharedPropertiesAsync?(callback: AsyncCallback<SharedPropertiesLike>): void;
  notificationMessages?: NotificationMessagesLike;
}

export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: AsyncCallback<void>): void;
}

export interface OutlookHostApi {
  context: {
    displayLanguage: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    roamingSettings: RoamingSettingsLike;
    mailbox: {
      item: ReadItemLike | ComposeItemLike | null | undefined;
      userProfile: { displayName: string; emailAddress: string };
      displayMessageForm(itemId: string): void;
      convertToEwsId(id: string, restVersion: string): string;
      convertToRestId(id: string, restVersion: string): string;
      addHandlerAsync?(eventType: string, handler: () => void, callback?: AsyncCallback<void>): void;
      removeHandlerAsync?(eventType: string, callback?: AsyncCallback<void>): void;
    };
  };
  MailboxEnums: {
    RestVersion: { v2_0: string };
    ItemNotificationMessageType: { InformationalMessage: string };
    SendModeOverride?: { PromptUser: string };
  };
  EventType?: { ItemChanged: string };
  CoercionType?: { Html: string; Text: string };
}

/** The Office.js object inside Outlook (its shapes are the interface's), or null outside Office. */
export function realOffice(): OutlookHostApi | null {
  const office = (globalThis as { Office?: { context?: { mailbox?: unknown } } }).Office;
  return office?.context?.mailbox ? (office as unknown as OutlookHostApi) : null;
}

export function isComposeItem(item: ReadItemLike | ComposeItemLike | null | undefined): item is ComposeItemLike {
  return !!item && typeof item.subject !== 'string';
}

export function isReadItem(item: ReadItemLike | ComposeItemLike | null | undefined): item is ReadItemLike {
  return !!item && typeof item.subject === 'string';
}

/** Promise form of an Office.js callback API; rejects when the status is not `succeeded`. */
export function call<T>(start: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      start((result) => (result.status === 'succeeded' ? resolve(result.value) : reject(new Error(result.error?.message ?? 'failed'))));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

export const NOTIFICATION_KEY = 'brevladevakten';
