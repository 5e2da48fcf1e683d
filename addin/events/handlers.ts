/**
 * Event-based activation handlers (the manifest's event runtime: newMessageComposeCreated,
 * messageFromChanged, messageSending). They run without UI, in classic Outlook even without a DOM,
 * and must always complete their event. They reach Outlook only through `OutlookHostApi`, so the demo
 * harness runs the very same handlers against its own compose window.
 */
import { containsStandardSignature } from '../../shared/domain/index.ts';
import type { ComposeItemLike, OutlookHostApi } from '../outlook/OutlookHostApi.ts';
import {
  applySignature,
  autoSignatureEnabled,
  chooseSignature,
  composeFrom,
  readSignatureCache,
} from '../signature/signatureLogic.ts';
import { personnummerAlert } from './personnummerAlert.ts';

export interface CompletableEvent {
  completed(options?: { allowEvent?: boolean; errorMessage?: string; sendModeOverride?: string }): void;
}

type AsyncResult<T> = { status: string; value: T; error?: { message: string } };
type Getter = (options: object, callback: (result: AsyncResult<string>) => void) => void;

function globalOffice(): OutlookHostApi | undefined {
  return (globalThis as unknown as { Office?: OutlookHostApi }).Office;
}

function read(getAsync: Getter | undefined, options: object): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!getAsync) return reject(new Error('not available'));
    getAsync(options, (result) => (result.status === 'succeeded' ? resolve(result.value ?? '') : reject(new Error(result.error?.message))));
  });
}

/**
 * Puts the standard signature for the item's From into the body, as its only one. `onlyIfPresent`:
 * switch an existing standard signature but add none (From changed while automatic signatures are off).
 */
async function signItem(host: OutlookHostApi | undefined, onlyIfPresent: boolean): Promise<void> {
  const mailbox = host?.context?.mailbox;
  const item = mailbox?.item as ComposeItemLike | null | undefined;
  if (!host || !mailbox || !item?.body) return;
  const settings = host.context.roamingSettings;
  const auto = settings ? autoSignatureEnabled(settings) : true;
  if (!auto && !onlyIfPresent) return;
  const signature = chooseSignature(settings ? readSignatureCache(settings) : null, await composeFrom(item), mailbox.userProfile);
  if (!auto) {
    const body = await new Promise<string>((resolve) =>
      item.body.getAsync('html', {}, (r) => resolve(r.status === 'succeeded' ? r.value : '')),
    );
    if (!containsStandardSignature(body)) return;
  }
  await applySignature(item, signature);
}

export function createEventHandlers(getHost: () => OutlookHostApi | undefined) {
  /** A new message, reply or forward: the standard signature (personal or the From mailbox's). */
  function onNewMessageComposeHandler(event: CompletableEvent): void {
    signItem(getHost(), false).then(
      () => event.completed(),
      () => event.completed(),
    );
  }

  /** From changed (e.g. to a function mailbox): its signature replaces the previous one. */
  function onMessageFromChangedHandler(event: CompletableEvent): void {
    signItem(getHost(), true).then(
      () => event.completed(),
      () => event.completed(),
    );
  }

  /**
   * Smart Alert on send: a personnummer in the subject or body stops the send with a warning. The user can
   * still send ("Send Anyway", Mailbox 1.14 `PromptUser`; the manifest's send mode is softBlock). If the
   * item cannot be read, the message is let through: this is a guard against mistakes, not a gate.
   */
  function onMessageSendHandler(event: CompletableEvent): void {
    const host = getHost();
    const item = host?.context.mailbox.item as unknown as
      | { subject?: { getAsync?: Getter }; body?: { getAsync?: (coercion: string, options: object, cb: (r: AsyncResult<string>) => void) => void } }
      | undefined;
    const bodyGetter: Getter | undefined = item?.body?.getAsync
      ? (options, callback) => item.body!.getAsync!('text', options, callback)
      : undefined;
    Promise.all([read(item?.subject?.getAsync?.bind(item.subject), {}), read(bodyGetter, {})]).then(
      ([subject, body]) => {
        const decision = personnummerAlert(subject, body, host?.context.displayLanguage ?? 'sv-SE');
        if (decision.allowEvent) return event.completed({ allowEvent: true });
        const promptUser = host?.MailboxEnums?.SendModeOverride?.PromptUser;
        event.completed({
          allowEvent: false,
          errorMessage: decision.errorMessage,
          ...(promptUser ? { sendModeOverride: promptUser } : {}),
        });
      },
      () => event.completed({ allowEvent: true }),
    );
  }

  return { onNewMessageComposeHandler, onMessageFromChangedHandler, onMessageSendHandler } as const;
}

/** The handlers over the Office.js global (what commands.ts registers with `Office.actions.associate`). */
export const eventHandlers = createEventHandlers(globalOffice);
export const { onNewMessageComposeHandler, onMessageFromChangedHandler, onMessageSendHandler } = eventHandlers;
