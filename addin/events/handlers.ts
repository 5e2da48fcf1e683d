/**
 * Event-based activation handlers (the manifest's event runtime: newMessageComposeCreated,
 * messageFromChanged, messageSending). They run without UI, in classic Outlook even without a DOM,
 * and must always complete their event.
 */
import { personnummerAlert } from './personnummerAlert.ts';

export interface CompletableEvent {
  completed(options?: { allowEvent?: boolean; errorMessage?: string; sendModeOverride?: string }): void;
}

type AsyncResult<T> = { status: string; value: T; error?: { message: string } };
type Getter = (options: object, callback: (result: AsyncResult<string>) => void) => void;

function office(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

function read(getAsync: Getter | undefined, options: object): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!getAsync) return reject(new Error('not available'));
    getAsync(options, (result) => (result.status === 'succeeded' ? resolve(result.value ?? '') : reject(new Error(result.error?.message))));
  });
}

export function onNewMessageComposeHandler(event: CompletableEvent): void {
  event.completed();
}

export function onMessageFromChangedHandler(event: CompletableEvent): void {
  event.completed();
}

/**
 * Smart Alert on send: a personnummer in the subject or body stops the send with a warning. The user can
 * still send ("Send Anyway", Mailbox 1.14 `PromptUser`; the manifest's send mode is softBlock). If the
 * item cannot be read, the message is let through: this is a guard against mistakes, not a gate.
 */
export function onMessageSendHandler(event: CompletableEvent): void {
  const host = office();
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

export const eventHandlers = {
  onNewMessageComposeHandler,
  onMessageFromChangedHandler,
  onMessageSendHandler,
} as const;
