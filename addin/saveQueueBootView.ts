import type { SyncState } from '../shared/graph/index.ts';
import { saveBootView } from '../shared/ui/boot/bootHandOver.ts';
import type { BootView } from '../shared/ui/boot/bootStore.ts';
import { queueStableUntil } from './queueStableUntil.ts';

/**
 * Saves the queue `root` shows (rendered at `nowMs` from `state`) as the task pane's start view; returns
 * until when it stays true, or `null` when it could not be saved.
 */
export function saveQueueBootView(options: {
  state: Pick<SyncState, 'mailboxes'>;
  nowMs: number;
  timeZone: string;
  user: string;
  host: BootView['host'];
  root: Element;
}): number | null {
  const { state, nowMs, timeZone, user, host, root } = options;
  const validUntil = queueStableUntil(state, nowMs, timeZone);
  return saveBootView({ page: 'taskpane', user, host, nowMs, validUntil, root }) ? validUntil : null;
}
