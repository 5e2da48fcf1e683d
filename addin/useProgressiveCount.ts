import { startTransition, useEffect, useState } from 'react';

/** The least height a queue entry takes (subject, sender, due time, actions: ~99 px in a 480 px pane). */
export const entryMinHeightPx = 80;

/**
 * How many entries can be on the first screen of a viewport `viewportHeight` pixels tall: no more than
 * fit in it even with nothing above the list, and at least 4.
 */
export function firstScreenCount(viewportHeight: number): number {
  const height = Number.isFinite(viewportHeight) && viewportHeight > 0 ? viewportHeight : 720;
  return Math.max(4, Math.ceil(height / entryMinHeightPx));
}

/**
 * How many of `total` entries to render: a first screen's worth at first, all of them from the next
 * frame on (as a transition, so input is never kept waiting). The first screen is then up without
 * waiting for a long list; every entry below it costs the first render about as much as one on it.
 * Once everything was shown, later renders show everything at once.
 */
export function useProgressiveCount(total: number, first = firstScreenCount(globalThis.innerHeight)): number {
  const [all, setAll] = useState(false);
  const needed = !all && total > first;
  useEffect(() => {
    if (!needed) return;
    const frame = requestAnimationFrame(() => startTransition(() => setAll(true)));
    return () => cancelAnimationFrame(frame);
  }, [needed]);
  return all ? total : Math.min(total, first);
}
