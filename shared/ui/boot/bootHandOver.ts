import { useEffect } from 'react';
import { bootUserKey } from './bootScript.ts';
import { bootViewFormat, writeBootView } from './bootStore.ts';
import type { BootView } from './bootStore.ts';
import { captureStyles, captureTree, classesOf } from './viewTree.ts';
import type { ViewNode } from './viewTree.ts';

/**
 * The app's side of the saved start view (bootScript.ts shows it before the app has loaded): take it
 * away once the app shows its own view, and save the next one.
 */

// Fluent's provider checks (in development builds) that no element carries its class before it renders;
// the copy's provider element takes this name instead, in its class list and its style rules alike.
const providerClass = /\bfui-FluentProvider/g;
const copyProviderClass = 'bv-copy-FluentProvider';

function renameProviderClass(nodes: ViewNode[]): void {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    const attributes = node[1];
    if (attributes.class) attributes.class = attributes.class.replace(providerClass, copyProviderClass);
    renameProviderClass(node[2]);
  }
}

/** The app now shows its own view: the saved picture (if one is up) goes. */
export function dismissBootView(): void {
  globalThis.window?.__brevladevaktenBoot?.dismiss();
}

/** Dismisses the saved picture once `ready` (after the commit that rendered the app's own view). */
export function useDismissBootView(ready: boolean): void {
  useEffect(() => {
    if (ready) dismissBootView();
  }, [ready]);
}

export interface SaveBootViewOptions {
  page: string;
  user: string;
  host: BootView['host'];
  /** Until when the view as rendered now stays true. */
  validUntil: number;
  nowMs: number;
  /** The page's root element (its children are saved). */
  root: Element;
  /** Where the view is kept (localStorage) and this tab's user is noted (sessionStorage). */
  storage?: Pick<Storage, 'setItem'> | null;
  session?: Pick<Storage, 'setItem'> | null;
}

/**
 * Saves what `root` shows now as the page's start view for `user`, and notes this tab as theirs.
 * Returns whether it was saved (not when storage is unavailable or full).
 */
export function saveBootView(options: SaveBootViewOptions): boolean {
  const doc = options.root.ownerDocument;
  const user = options.user.toLowerCase();
  // The first screen, and a little more (the pane may open a bit taller than it was).
  const tree = captureTree(options.root, (doc.defaultView?.innerHeight ?? Infinity) + 200);
  const css = captureStyles(doc, classesOf(tree)).replace(providerClass, copyProviderClass);
  renameProviderClass(tree);
  const view: BootView = {
    format: bootViewFormat,
    page: options.page,
    user,
    host: options.host,
    savedAt: options.nowMs,
    validUntil: options.validUntil,
    lang: doc.documentElement.lang,
    css,
    tree,
  };
  try {
    const storage = options.storage === undefined ? globalThis.localStorage : options.storage;
    const session = options.session === undefined ? globalThis.sessionStorage : options.session;
    if (!storage || !session) return false;
    writeBootView(storage, view);
    session.setItem(bootUserKey, user);
    return true;
  } catch {
    return false; // storage refused or full: the next start simply has no saved view
  }
}
