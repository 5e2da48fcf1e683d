import type { Client } from '@microsoft/microsoft-graph-client';
import { attempt } from '../GraphResult.ts';
import type { GraphResult } from '../GraphResult.ts';
import type { Limiter } from './concurrency.ts';
import type { SyncedMessage } from './syncedMessage.ts';

const enc = encodeURIComponent;

/** What "mark handled" writes: the organisation's first handled category added, and the flag completed. */
export interface HandledPatch {
  categories: string[];
  flag: { flagStatus: 'complete' };
}

export function handledPatch(
  message: Pick<SyncedMessage, 'categories'>,
  handledCategories: readonly string[],
): HandledPatch {
  const category = handledCategories[0] ?? 'Hanterad';
  const has = message.categories.some((c) => c.toLocaleLowerCase('sv') === category.toLocaleLowerCase('sv'));
  return {
    categories: has ? [...message.categories] : [...message.categories, category],
    flag: { flagStatus: 'complete' },
  };
}

/**
 * Writes the handled patch. `categories` replaces the whole list (Graph has no "add"), hence the
 * caller passes the list it knows plus the handled category.
 * Docs: https://learn.microsoft.com/graph/api/message-update
 */
export function patchHandled(
  client: Client,
  limiter: Limiter,
  mailbox: string,
  messageId: string,
  patch: HandledPatch,
): Promise<GraphResult<void>> {
  return limiter.run(() =>
    attempt(async () => {
      await client.api(`/users/${enc(mailbox)}/messages/${enc(messageId)}`).patch(patch);
    }),
  );
}

/** A forward draft for the host to open (Outlook: displayMessageForm; elsewhere: its webLink). */
export interface ForwardDraft {
  id: string;
  webLink: string | null;
}

/**
 * "Pass on": a forward of the message to the citizen-service address, created as a draft in the
 * mailbox's Drafts folder — not sent, so the person can add a note before sending it from Outlook.
 * Docs: https://learn.microsoft.com/graph/api/message-createforward
 */
export function createForwardDraft(
  client: Client,
  limiter: Limiter,
  mailbox: string,
  messageId: string,
  to: string,
): Promise<GraphResult<ForwardDraft>> {
  return limiter.run(() =>
    attempt(async () => {
      const draft = (await client
        .api(`/users/${enc(mailbox)}/messages/${enc(messageId)}/createForward`)
        .post({ toRecipients: [{ emailAddress: { address: to } }] })) as {
        id?: string;
        webLink?: string | null;
      };
      if (typeof draft?.id !== 'string') throw new Error('createForward answered without a draft id.');
      return { id: draft.id, webLink: draft.webLink ?? null };
    }),
  );
}
