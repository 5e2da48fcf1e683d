/**
 * Event-based activation runtime (the manifest's second runtime). This page is loaded by Outlook
 * without UI; classic Outlook on Windows loads `commands.js` alone in a JavaScript-only runtime,
 * so this file must not depend on the DOM or on React.
 *
 * The handlers complete every event and allow it, so mail keeps flowing while the compose-time
 * features (signature insertion, personnummer Smart Alert) are built on top of them.
 */
type CompletableEvent = { completed(options?: { allowEvent?: boolean }): void };

export function onNewMessageComposeHandler(event: CompletableEvent): void {
  event.completed();
}

export function onMessageFromChangedHandler(event: CompletableEvent): void {
  event.completed();
}

export function onMessageSendHandler(event: CompletableEvent): void {
  event.completed({ allowEvent: true });
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.actions) {
  office.actions.associate('onNewMessageComposeHandler', onNewMessageComposeHandler);
  office.actions.associate('onMessageFromChangedHandler', onMessageFromChangedHandler);
  office.actions.associate('onMessageSendHandler', onMessageSendHandler);
}
