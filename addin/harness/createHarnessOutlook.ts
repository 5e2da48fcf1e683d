/**
 * The demo harness's Outlook: the Office.js shapes the add-in uses (`OutlookHostApi`), implemented over
 * an in-page message list and compose window, so the task pane and the event handlers run unchanged
 * outside Outlook. Ids: the harness's "EWS ids" are the Graph REST ids with an `ews:` prefix, so code
 * that forgets `convertToEwsId` / `convertToRestId` fails here as it would in Outlook.
 */
import type { createEventHandlers } from '../events/handlers.ts';
import type {
  AsyncCallback,
  ComposeItemLike,
  NotificationDetailsLike,
  OutlookHostApi,
  ReadItemLike,
  SharedPropertiesLike,
} from '../outlook/OutlookHostApi.ts';

export interface HarnessMessage {
  /** Graph REST id. */
  id: string;
  /** Lower-case address of the mailbox holding it. */
  mailbox: string;
  subject: string;
  from: string;
  receivedDateTime: string;
}

export interface ComposeState {
  kind: 'new' | 'draft';
  from: string;
  to: string;
  subject: string;
  bodyHtml: string;
  /** Changes when the add-in (not the user) changed the body, so the editor shows the new HTML. */
  bodyVersion: number;
}

export interface SmartAlert {
  message: string;
}

export interface HarnessState {
  selected: HarnessMessage | null;
  compose: ComposeState | null;
  notifications: ReadonlyMap<string, NotificationDetailsLike>;
  alert: SmartAlert | null;
  sending: boolean;
  sent: number;
}

export interface HarnessOptions {
  userProfile: { displayName: string; emailAddress: string };
  displayLanguage: string;
  /** Mailbox 1.13 (`getSharedPropertiesAsync` on shared-mailbox items); false simulates an older client. */
  supportsSharedMailboxes: boolean;
  /** Where roaming settings persist between page loads. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export interface HarnessOutlook {
  api: OutlookHostApi;
  subscribe(listener: () => void): () => void;
  getState(): HarnessState;
  /** The message list: selecting makes it the current item. */
  setMessages(messages: readonly HarnessMessage[]): void;
  select(message: HarnessMessage | null): void;
  openCompose(init?: Partial<Pick<ComposeState, 'kind' | 'to' | 'subject' | 'from'>>): void;
  closeCompose(): void;
  /** What `displayMessageForm` does for an id the harness list does not hold (a draft, say). */
  setOpenUnknown(open: (restId: string) => void): void;
  /** The signed-in user's display name, when it arrives after the harness started (Outlook's userProfile). */
  setDisplayName(displayName: string): void;
  /** The user edited a field (the body editor reports its HTML). */
  edit(changes: Partial<Pick<ComposeState, 'to' | 'subject' | 'bodyHtml'>>): void;
  /** The user chose another From: runs the From-changed handler. */
  changeFrom(address: string): Promise<void>;
  /** Send: runs the send handler; blocked sends raise the Smart Alert. */
  send(): Promise<void>;
  /** The Smart Alert's buttons. */
  answerAlert(sendAnyway: boolean): void;
}

const ok = <T>(value: T) => ({ status: 'succeeded', value });
const EWS = 'ews:';

function textOf(html: string): string {
  if (typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(
      html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(div|p)>/gi, '$&\n'),
      'text/html',
    );
    return doc.body.textContent ?? '';
  }
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
}

export function createHarnessOutlook(options: HarnessOptions): HarnessOutlook {
  // Outlook's userProfile object: read when asked, so a name set later is what the add-in then sees.
  const profile = { ...options.userProfile };
  const listeners = new Set<() => void>();
  const itemChanged = new Set<() => void>();
  let messages: readonly HarnessMessage[] = [];
  let openUnknown: (restId: string) => void = () => undefined;
  let state: HarnessState = {
    selected: null,
    compose: null,
    notifications: new Map(),
    alert: null,
    sending: false,
    sent: 0,
  };
  const set = (changes: Partial<HarnessState>) => {
    state = { ...state, ...changes };
    for (const listener of listeners) listener();
  };
  const setCompose = (changes: Partial<ComposeState>) => {
    if (state.compose) set({ compose: { ...state.compose, ...changes } });
  };
  const fireItemChanged = () => {
    for (const handler of itemChanged) handler();
  };

  const roamingKey = `brevladevakten.harness.roaming.${profile.emailAddress.toLowerCase()}`;
  const roaming: Record<string, unknown> = (() => {
    try {
      return JSON.parse(options.storage?.getItem(roamingKey) ?? '{}') as Record<string, unknown>;
    } catch {
      return {};
    }
  })();

  const notificationMessages = {
    replaceAsync(key: string, details: NotificationDetailsLike, callback?: AsyncCallback<void>) {
      set({ notifications: new Map(state.notifications).set(key, details) });
      callback?.(ok(undefined));
    },
    removeAsync(key: string, callback?: AsyncCallback<void>) {
      if (state.notifications.has(key)) {
        const next = new Map(state.notifications);
        next.delete(key);
        set({ notifications: next });
      }
      callback?.(ok(undefined));
    },
  };

  let readItem: ReadItemLike | null = null;
  const makeReadItem = (message: HarnessMessage): ReadItemLike => {
    const own = message.mailbox === profile.emailAddress.toLowerCase();
    const item: ReadItemLike = {
      itemId: `${EWS}${message.id}`,
      subject: message.subject,
      notificationMessages,
    };
    // Outlook leaves the method undefined for the user's own items; below Mailbox 1.13 it is absent for shared mailboxes.
    if (!own && options.supportsSharedMailboxes) {
      item.getSharedPropertiesAsync = (callback: AsyncCallback<SharedPropertiesLike>) =>
        callback(ok({ targetMailbox: message.mailbox, owner: message.mailbox, delegatePermissions: 1 }));
    }
    return item;
  };

  const composeItem: ComposeItemLike = {
    subject: { getAsync: (_options, callback) => callback(ok(state.compose?.subject ?? '')) },
    body: {
      getAsync: (coercionType, _options, callback) => {
        const html = state.compose?.bodyHtml ?? '';
        callback(ok(coercionType === 'html' ? html : textOf(html)));
      },
      setAsync: (data, _options, callback) => {
        setCompose({ bodyHtml: data, bodyVersion: (state.compose?.bodyVersion ?? 0) + 1 });
        callback?.(ok(undefined));
      },
      // Like the clients graph.md warns about, this harness appends rather than replaces: the add-in
      // must find an existing standard signature itself.
      setSignatureAsync: (data, _options, callback) => {
        const body = state.compose?.bodyHtml ?? '';
        setCompose({
          bodyHtml: `${body}<div><br></div>${data}`,
          bodyVersion: (state.compose?.bodyVersion ?? 0) + 1,
        });
        callback?.(ok(undefined));
      },
    },
    from: {
      getAsync: (_options, callback) => {
        const address = state.compose?.from ?? profile.emailAddress;
        const own = address.toLowerCase() === profile.emailAddress.toLowerCase();
        callback(ok({ emailAddress: address, displayName: own ? profile.displayName : address }));
      },
    },
    notificationMessages,
  };

  const api: OutlookHostApi = {
    context: {
      displayLanguage: options.displayLanguage,
      requirements: {
        isSetSupported: (name, version) =>
          name === 'Mailbox' && Number(version ?? '1.1') <= (options.supportsSharedMailboxes ? 1.13 : 1.12)
            ? true
            : false,
      },
      roamingSettings: {
        get: (name) => roaming[name],
        set: (name, value) => void (roaming[name] = value),
        saveAsync: (callback) => {
          options.storage?.setItem(roamingKey, JSON.stringify(roaming));
          callback?.(ok(undefined));
        },
      },
      mailbox: {
        get item() {
          return state.compose ? composeItem : readItem;
        },
        userProfile: profile,
        displayMessageForm(itemId: string) {
          const restId = itemId.startsWith(EWS) ? itemId.slice(EWS.length) : null;
          if (restId === null)
            throw new Error(`displayMessageForm: "${itemId}" is not an EWS id (convertToEwsId first)`);
          const found = messages.find((m) => m.id === restId);
          if (found) harness.select(found);
          else openUnknown(restId);
        },
        convertToEwsId: (id) => `${EWS}${id}`,
        convertToRestId: (id) => (id.startsWith(EWS) ? id.slice(EWS.length) : id),
        addHandlerAsync(_type, handler, callback) {
          itemChanged.add(handler);
          callback?.(ok(undefined));
        },
        removeHandlerAsync(_type, callback) {
          itemChanged.clear();
          callback?.(ok(undefined));
        },
      },
    },
    MailboxEnums: {
      RestVersion: { v2_0: 'v2.0' },
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage' },
      SendModeOverride: { PromptUser: 'promptUser' },
    },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    CoercionType: { Html: 'html', Text: 'text' },
  };

  // The add-in's event handlers (with the Smart Alert's texts in every language) are fetched when a
  // message is first written, not with the demo host: reading mail and the task pane never need them.
  type Handlers = ReturnType<typeof createEventHandlers>;
  let handlers: Promise<Handlers> | null = null;
  const loadHandlers = () =>
    (handlers ??= import('../events/handlers.ts').then(
      (module) => module.createEventHandlers(() => api),
      (error: unknown) => {
        handlers = null; // the next event fetches again
        throw error;
      },
    ));
  const run = async (
    name: 'onNewMessageComposeHandler' | 'onMessageFromChangedHandler' | 'onMessageSendHandler',
  ) => {
    const handler = (await loadHandlers())[name];
    return new Promise<{ allowEvent?: boolean; errorMessage?: string } | undefined>((resolve) =>
      handler({ completed: resolve }),
    );
  };

  const harness: HarnessOutlook = {
    api,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    setOpenUnknown(open) {
      openUnknown = open;
    },
    setDisplayName(displayName) {
      profile.displayName = displayName;
    },
    setMessages(list) {
      messages = list;
    },
    select(message) {
      readItem = message ? makeReadItem(message) : null;
      set({ selected: message, compose: null, notifications: new Map(), alert: null });
      fireItemChanged();
    },
    openCompose(init = {}) {
      readItem = null;
      set({
        compose: {
          kind: init.kind ?? 'new',
          from: init.from ?? profile.emailAddress,
          to: init.to ?? '',
          subject: init.subject ?? '',
          bodyHtml: '',
          bodyVersion: 0,
        },
        selected: null,
        notifications: new Map(),
        alert: null,
      });
      fireItemChanged();
      if ((init.kind ?? 'new') === 'new') void run('onNewMessageComposeHandler');
    },
    closeCompose() {
      set({ compose: null, alert: null, sending: false });
      fireItemChanged();
    },
    edit(changes) {
      setCompose(changes);
    },
    async changeFrom(address) {
      setCompose({ from: address });
      await run('onMessageFromChangedHandler');
    },
    async send() {
      set({ sending: true });
      const decision = await run('onMessageSendHandler').catch((error: unknown) => {
        set({ sending: false }); // the handlers did not arrive: Send can be tried again
        throw error;
      });
      if (decision?.allowEvent === false)
        set({ sending: false, alert: { message: decision.errorMessage ?? '' } });
      else harness.answerAlert(true);
    },
    answerAlert(sendAnyway) {
      if (sendAnyway) {
        set({ compose: null, alert: null, sending: false, sent: state.sent + 1 });
        fireItemChanged();
      } else {
        set({ alert: null, sending: false });
      }
    },
  };
  return harness;
}
