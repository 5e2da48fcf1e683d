/**
 * Event-based activation handlers (the manifest's event runtime: newMessageComposeCreated,
 * messageFromChanged, messageSending). They complete every event and allow it, so mail keeps
 * flowing; the signature and personnummer behaviour is built on these entry points.
 */
export interface CompletableEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export function onNewMessageComposeHandler(event: CompletableEvent): void {
  event.completed();
}

export function onMessageFromChangedHandler(event: CompletableEvent): void {
  event.completed();
}

export function onMessageSendHandler(event: CompletableEvent): void {
  event.completed({ allowEvent: true });
}

export const eventHandlers = {
  onNewMessageComposeHandler,
  onMessageFromChangedHandler,
  onMessageSendHandler,
} as const;
