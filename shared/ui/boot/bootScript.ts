/**
 * The pages' inline <head> script (built into the HTML by scripts/vitePlugins.ts `bootScript`), run
 * before Office.js and before any of the app's JavaScript has arrived:
 *
 * 1. It starts the `config.json` request (earlyStart.ts takes it), in the demo the sign-in, and opens the
 *    sync cache's IndexedDB database.
 * 2. On a page that may run in Office, it loads Office.js unless this is a plain browser tab
 *    (shared/host/officeJs.ts).
 * 3. On a page that keeps a start view (`<html data-boot-page="taskpane">`), it reads the view the user
 *    last saw (bootStore.ts) and, if it is still true and applies here, shows it as soon as the body is
 *    parsed: a still picture, inert, over the app root, until the app has rendered its own view
 *    (`dismiss`, called by the app; or after `maxShowMs` whatever happens).
 *
 * Whose view: the demo persona in `?as=`, else the user this tab last showed (sessionStorage, so the
 * record of one person is never shown in another browser session). It is read synchronously
 * (localStorage), so in a plain tab it is in the document before the app's module scripts run. Which host: a plain browser tab is
 * the demo harness; inside Outlook the picture is the queue, which is what the pane opens on only when
 * no message is selected, so it waits for Office.js to say so.
 */
import { requestDemoToken } from '../../graph/auth/DemoTokenProvider.ts';
import { zoneFormatLocale, zoneFormatOptions } from '../../domain/intlZone.ts';
import { openSyncDatabase } from '../../graph/sync/syncDatabase.ts';
import { writeOfficeJs } from '../../host/officeJs.ts';
import { plainBrowserTab } from '../../host/plainBrowserTab.ts';
import { afterBootViewPainted } from './afterBootViewPainted.ts';
import { readBootView } from './bootStore.ts';
import type { BootView } from './bootStore.ts';
import { buildTree } from './viewTree.ts';

/** The sessionStorage key of the user whose view this tab shows (written by the app). */
export const bootUserKey = 'brevladevakten.bootUser';
/** Never shown longer than this: a start that fails to hand over still ends on the app's own view. */
export const maxShowMs = 4000;

export interface BootHandle {
  /** Whether a saved view is on screen now. */
  shown: boolean;
  /** A plain browser tab (no Office host): the task pane runs in the demo host (shared/host/plainBrowserTab.ts). */
  plainTab: boolean;
  /** Settles once it is known whether a saved view goes up (and, if so, it is in the document). */
  decided: Promise<void>;
  /** Takes the saved view away and shows the app root (idempotent; before it is up: it never goes up). */
  dismiss(): void;
}

declare global {
  interface Window {
    __brevladevaktenBoot?: BootHandle;
  }
}

interface OfficeGlobal {
  onReady(): Promise<unknown>;
  context?: { mailbox?: { item?: unknown } | null };
}

export function boot(win: Window & typeof globalThis): void {
  const config = win.fetch('/config.json', { cache: 'no-store' });
  win.__brevladevaktenConfig = config;
  startDemoSignIn(win, config);
  openSyncCache(win);
  const doc = win.document;
  let dismissed = false;
  let decide = () => undefined as void;
  const handle: BootHandle = {
    shown: false,
    plainTab: plainBrowserTab(win),
    decided: new Promise<void>((resolve) => (decide = resolve)),
    dismiss: () => void (dismissed = true),
  };
  win.__brevladevaktenBoot = handle;
  // Once the saved view (if any) is painted; at once otherwise, while the app's code and the
  // configuration are still on their way (the main thread has nothing else to do then).
  void afterBootViewPainted(win).then(() => win.setTimeout(warmDateFormatting, 0));
  try {
    writeOfficeJs(win);
  } catch {
    // The app loads Office.js itself (detectOutlookHost).
  }
  try {
    const page = doc.documentElement.getAttribute('data-boot-page');
    const user = page ? (new URLSearchParams(win.location.search).get('as') ?? win.sessionStorage.getItem(bootUserKey)) : null;
    const view = page && user ? readBootView(win.localStorage, page, user, Date.now()) : null;
    if (!view) return decide();
    const harness = handle.plainTab;
    if (view.host !== (harness ? 'harness' : 'outlook')) return decide();
    // As soon as the parser has inserted the app root (the last thing in <body>), before parsing has
    // even finished and well before the deferred module scripts (the app) run.
    const whenRootParsed = (then: () => void) => {
      if (doc.getElementById('root')) return then();
      const observer = new MutationObserver(() => {
        if (!doc.getElementById('root')) return;
        observer.disconnect();
        then();
      });
      observer.observe(doc, { childList: true, subtree: true });
    };
    whenRootParsed(() => {
      if (harness) return finish(win, view, handle, () => dismissed, decide);
      // Inside Outlook the pane opens on the queue only when no message is selected; Office.js (loaded
      // by now: the <script> written in <head> blocks the parser) says which, once Outlook has answered. The app's
      // code does not wait for that answer (it waits for the same one itself).
      decide();
      const office = (win as unknown as { Office?: OfficeGlobal }).Office;
      if (!office?.onReady) return;
      void Promise.race([
        office.onReady().then(() => Boolean(office.context?.mailbox) && !office.context?.mailbox?.item),
        new Promise<boolean>((resolve) => win.setTimeout(() => resolve(false), 1000)),
      ]).then(
        (noItem) => (noItem ? finish(win, view, handle, () => dismissed, decide) : decide()),
        () => decide(),
      );
    });
  } catch {
    decide(); // storage refused (a sandboxed frame) or unreadable: the app starts without a saved view
  }
}

/**
 * The first `Intl.DateTimeFormat` a page makes costs about 20 ms (the platform loads its locale and
 * time-zone data); later ones take well under one. The app's first formatter (the deadline engine's, as
 * it checks the configured time zone) is on the way to its first request, so that cost is paid here
 * instead, with the same locale and options, while the browser waits for the app's code. (A Swedish
 * `dateStyle` formatter instead gained nothing in an interleaved A/B.)
 */
function warmDateFormatting(): void {
  try {
    new Intl.DateTimeFormat(zoneFormatLocale, { ...zoneFormatOptions, timeZone: 'Europe/Stockholm' }).formatToParts(0);
  } catch {
    // Nothing to warm.
  }
}

/**
 * Opening the sync cache's IndexedDB database takes 50–150 ms on a cold start (creating it, in the
 * browser's own process), and the first sync round waits for what it holds (the delta links). Begun here,
 * it is open before the app's code has arrived; earlyStart.ts `syncPersistence` takes it.
 */
function openSyncCache(win: Window & typeof globalThis): void {
  try {
    const database = openSyncDatabase();
    database.catch(() => undefined);
    win.__brevladevaktenSyncDb = database;
  } catch {
    // The app opens it itself.
  }
}

/**
 * In the demo with a persona named in `?as=`, the sign-in needs nothing but the configuration: its token
 * request starts as soon as config.json arrives (DemoTokenProvider takes it), long before the app's code
 * has run. Nothing happens for a real tenant's configuration.
 */
function startDemoSignIn(win: Window & typeof globalThis, config: Promise<Response>): void {
  const upn = new URLSearchParams(win.location.search).get('as');
  if (!upn) return;
  void config
    .then((response) => response.clone().json())
    .then((value: { auth?: { mode?: unknown }; graph?: { baseUrl?: unknown } }) => {
      const graphBaseUrl = value.graph?.baseUrl;
      if (value.auth?.mode !== 'demo' || typeof graphBaseUrl !== 'string') return;
      if (win.__brevladevaktenDemoTokenAsked) return; // the app's code got there first
      const response = requestDemoToken(graphBaseUrl, upn, (input, init) => win.fetch(input, init));
      response.catch(() => undefined); // the app's own request reports a failure
      win.__brevladevaktenDemoToken = { graphBaseUrl, upn, response };
    })
    .catch(() => undefined); // a broken config.json is reported by the app
}

function finish(win: Window & typeof globalThis, view: BootView, handle: BootHandle, dismissed: () => boolean, decide: () => void): void {
  try {
    if (!dismissed()) show(win, view, handle);
  } finally {
    decide();
  }
}

function show(win: Window & typeof globalThis, view: BootView, handle: BootHandle): void {
  const doc = win.document;
  const root = doc.getElementById('root');
  // The app got there first (it renders into #root): nothing to bridge.
  if (!root || root.childNodes.length > 0 || Date.now() >= view.validUntil) return;
  const style = doc.createElement('style');
  style.setAttribute('data-boot-view', '');
  style.textContent = String(view.css);
  const overlay = doc.createElement('div');
  overlay.setAttribute('data-boot-view', '');
  overlay.inert = true; // a picture: not focusable, not in the accessibility tree
  overlay.style.cssText = 'position:fixed;inset:0;overflow:auto;z-index:2147483647';
  buildTree(overlay, view.tree, doc);
  // The app sets the language it uses before its first render.
  doc.documentElement.lang = String(view.lang);
  doc.head.appendChild(style);
  doc.body.appendChild(overlay);
  root.style.visibility = 'hidden';
  handle.shown = true;
  win.performance?.mark?.('bv:boot');
  let timer = 0;
  handle.dismiss = () => {
    if (!handle.shown) return;
    handle.shown = false;
    win.clearTimeout(timer);
    overlay.remove();
    style.remove();
    root.style.visibility = '';
  };
  timer = win.setTimeout(() => handle.dismiss(), maxShowMs);
}
