import { systemTimers } from './timers.ts';
import type { Timers } from './timers.ts';

export interface AutoRefreshOptions {
  intervalMs: number;
  /** Whether the task pane or tab is on screen: hidden ones do not poll (each round costs requests). */
  isVisible: () => boolean;
  timers?: Timers;
}

/**
 * Refreshes now (the pane just opened) and then every `intervalMs` while visible. The next wait starts
 * when a round ends, so rounds never overlap however slow Graph is. Returns `stop`.
 * Change notifications are not an option for shared mailboxes with delegated tokens (graph.md), hence polling.
 */
export function startAutoRefresh(
  store: { refresh(): Promise<unknown> },
  options: AutoRefreshOptions,
): () => void {
  const timers = options.timers ?? systemTimers;
  let stopped = false;
  let handle: unknown = null;

  const schedule = () => {
    if (stopped) return;
    handle = timers.setTimeout(() => void tick(), options.intervalMs);
  };
  const tick = async () => {
    handle = null;
    if (stopped) return;
    if (options.isVisible()) await store.refresh().catch(() => undefined);
    schedule();
  };

  void tick();
  return () => {
    stopped = true;
    if (handle !== null) timers.clearTimeout(handle);
  };
}
