import { useCallback, useState } from 'react';
import type { UIEvent } from 'react';

export interface WindowRange {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Space for the rows above and below that are not rendered, in px. */
  before: number;
  after: number;
}

/** The rows of a list that a scroll position shows, with `overscan` more on each side. */
export function windowRange(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 8): WindowRange {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { start: first, end: Math.max(first, last), before: first * rowHeight, after: Math.max(0, count - last) * rowHeight };
}

/**
 * Windowing for a long list in a scroll container of fixed height: only the rows in view (and a few
 * around them) are in the DOM, so 500 mailboxes × 10 days stay fluid. Rows have a fixed height.
 */
export function useWindow(count: number, rowHeight: number, viewport: number) {
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback((event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop), []);
  return { range: windowRange(count, rowHeight, scrollTop, viewport), onScroll };
}
