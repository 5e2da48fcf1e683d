import { call } from './OutlookHostApi.ts';
import type { ReadItemLike, SharedPropertiesLike } from './OutlookHostApi.ts';

export interface ResolvedMailbox {
  /** Lower-case address of the mailbox the item is in. */
  address: string;
  /** `shared`: from getSharedPropertiesAsync; `own`: the user's mailbox; `guessed`: the API is unavailable. */
  how: 'shared' | 'own' | 'guessed';
}

/**
 * Which mailbox a message is in: `getSharedPropertiesAsync().targetMailbox` for a shared mailbox or
 * folder (Mailbox 1.8 / 1.13); the user's own mailbox when the method is absent on the item (Outlook
 * leaves it undefined for the user's own items) or answers without a target. Where the API is not
 * supported at all (`supportsShared` false), `findInSynced` may name the covered mailbox whose synced
 * Inbox holds the message (by REST id) — a graceful degradation below 1.13.
 */
export async function resolveMailbox(
  item: Pick<ReadItemLike, 'getSharedPropertiesAsync'>,
  userAddress: string,
  options: { supportsShared: boolean; findInSynced?: () => string | null },
): Promise<ResolvedMailbox> {
  const own: ResolvedMailbox = { address: userAddress.toLowerCase(), how: 'own' };
  if (typeof item.getSharedPropertiesAsync === 'function') {
    try {
      const shared = await call<SharedPropertiesLike>((cb) => item.getSharedPropertiesAsync!(cb));
      if (shared?.targetMailbox) return { address: shared.targetMailbox.toLowerCase(), how: 'shared' };
      return own;
    } catch {
      // Fall through: the client refused (older build); try the synced data.
    }
  } else if (options.supportsShared) {
    return own;
  }
  const found = options.findInSynced?.();
  return found ? { address: found.toLowerCase(), how: 'guessed' } : own;
}
