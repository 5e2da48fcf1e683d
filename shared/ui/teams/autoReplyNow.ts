import { parseInstantMs } from '../../domain/index.ts';
import type { AutoReplyState } from '../../domain/index.ts';
import { plainTextOfHtml } from '../../domain/plainTextOfHtml.ts';

export type AutoReplyNow =
  | { kind: 'unknown' }
  | { kind: 'off' }
  | { kind: 'on'; text: string; until: string | null }
  | { kind: 'scheduled'; text: string; from: string | null; until: string | null };

/**
 * Whether an automatic reply is on at `nowMs`, with its text as plain text: the reply is HTML written
 * by its author and is never put into the page as markup.
 */
export function autoReplyNow(state: AutoReplyState | undefined, nowMs: number): AutoReplyNow {
  if (!state) return { kind: 'unknown' };
  if (state.status === 'disabled') return { kind: 'off' };
  const text = plainTextOfHtml(state.message);
  if (state.status === 'alwaysEnabled') return { kind: 'on', text, until: null };
  const from = state.start ?? null;
  const until = state.end ?? null;
  if (until !== null && parseInstantMs(until) <= nowMs) return { kind: 'off' };
  if (from !== null && parseInstantMs(from) > nowMs) return { kind: 'scheduled', text, from, until };
  return { kind: 'on', text, until };
}
