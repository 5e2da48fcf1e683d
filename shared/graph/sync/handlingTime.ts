import type { HandledReason } from '../../domain/index.ts';
import type { SyncedMessage } from './syncedMessage.ts';

/** Where a handling time comes from, best first. */
export type HandlingTimeSource = 'replyForward' | 'flagCompleted' | 'firstObserved';

export interface HandlingTime {
  /** The ISO instant the message was handled. */
  at: string;
  source: HandlingTimeSource;
}

/** PidTagLastVerbExecuted values that are a reply or forward: 102 reply, 103 reply all, 104 forward. */
const REPLY_FORWARD_VERBS: ReadonlySet<number> = new Set([102, 103, 104]);

const readable = (text: string | null): text is string => text !== null && Number.isFinite(Date.parse(text));

/**
 * When a handled message was handled, and what that rests on (issue 6): the reply/forward time
 * (0x1082, when 0x1081 is a reply or forward), else the flag's `completedDateTime` (when the flag is
 * complete), else when sync first observed it handled. Null when none is known — a message already
 * handled when first synced, by a category only — or when the message is not handled (`handled` null
 * on a tracked message). A category-only handled message has at best its first-observed time.
 */
export function handlingTime(
  message: Pick<SyncedMessage, 'lastVerb' | 'lastVerbAt' | 'flagStatus' | 'flagCompletedAt' | 'handledSeenAt'> & {
    handled?: HandledReason | null;
  },
): HandlingTime | null {
  if (message.handled === null) return null;
  if (message.lastVerb !== null && REPLY_FORWARD_VERBS.has(message.lastVerb) && readable(message.lastVerbAt)) {
    return { at: message.lastVerbAt, source: 'replyForward' };
  }
  if (message.flagStatus === 'complete' && readable(message.flagCompletedAt)) {
    return { at: message.flagCompletedAt, source: 'flagCompleted' };
  }
  if (readable(message.handledSeenAt)) return { at: message.handledSeenAt, source: 'firstObserved' };
  return null;
}
