import type { ViewNode } from './viewTree.ts';

/**
 * The last rendered start view of a page, one per page (the last user's; a view of anyone else is
 * never shown), in localStorage: it must be readable synchronously by the inline boot script before
 * the body is parsed, so it can be on screen before the app's code runs. It holds what the screen
 * showed (subjects, senders, mailbox names), as the IndexedDB sync snapshot does; never a token.
 */

/** Records of another shape are ignored (and overwritten by the next save). */
export const bootViewFormat = 2;

export interface BootView {
  format: typeof bootViewFormat;
  /** `taskpane` (the page's name). */
  page: string;
  /** Lower-case address of the user the view belongs to. */
  user: string;
  /** `harness` (the demo's in-page Outlook) or `outlook`. */
  host: 'harness' | 'outlook';
  savedAt: number;
  /**
   * Until when every word on it still holds (epoch ms): the first time a deadline state or a relative
   * day ("i morgon") in the view would change. After that the view is not shown.
   */
  validUntil: number;
  /** The document's language when captured. */
  lang: string;
  /** The page's style rules that the tree uses (Fluent tokens, Griffel classes), as one style sheet. */
  css: string;
  /** The children of the page's root element. */
  tree: ViewNode[];
}

export const bootViewKey = (page: string) => `brevladevakten.bootView.${page}`;

/** The stored view for page and user if it is well-formed and still valid at `nowMs`; else `null`. */
export function readBootView(storage: Pick<Storage, 'getItem'>, page: string, user: string, nowMs: number): BootView | null {
  let value: Partial<BootView> | null;
  try {
    value = JSON.parse(storage.getItem(bootViewKey(page)) ?? 'null') as Partial<BootView> | null;
  } catch {
    return null;
  }
  if (!value || value.format !== bootViewFormat || value.page !== page || value.user !== user.toLowerCase()) return null;
  // Still true now; and a clock set back since (a record "from the future") proves nothing about now.
  if (!(nowMs < (value.validUntil as number)) || !((value.savedAt as number) <= nowMs)) return null;
  // The rest is checked where it is used: buildTree skips what is not a node, the host must match.
  return Array.isArray(value.tree) ? (value as BootView) : null;
}

/** Stores `view` as its page's start view (replacing any other user's). Throws when storage is full. */
export function writeBootView(storage: Pick<Storage, 'setItem'>, view: BootView): void {
  storage.setItem(bootViewKey(view.page), JSON.stringify(view));
}
