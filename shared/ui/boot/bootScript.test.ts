// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterBootViewPainted } from './afterBootViewPainted.ts';
import { saveBootView } from './bootHandOver.ts';
import { boot, bootUserKey, maxShowMs } from './bootScript.ts';
import { bootViewFormat, bootViewKey, readBootView, writeBootView } from './bootStore.ts';
import type { BootView } from './bootStore.ts';
import { SYNC_DB_NAME, SYNC_DB_VERSION } from '../../graph/sync/syncDatabase.ts';

const now = Date.parse('2026-11-18T12:00:00Z');
const user = 'elin.berg@sjoby.example';

function view(changes: Partial<BootView> = {}): BootView {
  return {
    format: bootViewFormat,
    page: 'taskpane',
    user,
    host: 'harness',
    savedAt: now - 60_000,
    validUntil: now + 3_600_000,
    lang: 'fi',
    css: '.fq{color:red}',
    tree: [['ul', { class: 'fq' }, [['li', { 'data-testid': 'queue-item' }, ['Bygglov <b>Ale</b>']]]]],
    ...changes,
  };
}

/** A page as taskpane.html is while its <head> runs: the app root not parsed yet. */
function page(search = `?as=${encodeURIComponent(user)}`) {
  document.documentElement.setAttribute('data-boot-page', 'taskpane');
  document.body.innerHTML = '';
  window.history.replaceState(null, '', `/addin/taskpane.html${search}`);
  return {
    /** The parser reaches the app root (`content`: what the app already rendered into it). */
    parsed(content?: Node) {
      const rootElement = document.createElement('div');
      rootElement.id = 'root';
      if (content) rootElement.appendChild(content);
      document.body.appendChild(rootElement);
    },
  };
}

const overlay = () => document.querySelector('div[data-boot-view]');
const root = () => document.getElementById('root') as HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ now, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.stubGlobal('fetch', vi.fn(() => new Promise(() => undefined)));
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  window.__brevladevaktenBoot?.dismiss();
  delete window.__brevladevaktenBoot;
  delete (window as { Office?: unknown }).Office;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('boot (the inline head script)', () => {
  it('starts the config.json request at once', () => {
    page();
    boot(window);
    expect(fetch).toHaveBeenCalledWith('/config.json', { cache: 'no-store' });
    expect(window.__brevladevaktenConfig).toBeInstanceOf(Promise);
  });

  it('opens the sync cache’s IndexedDB database at once, for the app to take (earlyStart.ts)', async () => {
    const fake = (await import('fake-indexeddb')) as unknown as Record<string, unknown> & { IDBFactory: new () => IDBFactory };
    for (const name of ['IDBRequest', 'IDBOpenDBRequest', 'IDBDatabase', 'IDBTransaction', 'IDBObjectStore', 'IDBIndex', 'IDBCursor', 'IDBCursorWithValue', 'IDBKeyRange', 'IDBVersionChangeEvent']) {
      vi.stubGlobal(name, fake[name]);
    }
    vi.stubGlobal('indexedDB', new fake.IDBFactory());
    const open = vi.spyOn(indexedDB, 'open');
    page();
    boot(window);
    expect(open).toHaveBeenCalledWith(SYNC_DB_NAME, SYNC_DB_VERSION);
    const { takeEarlySyncDatabase, syncPersistence } = await import('../earlyStart.ts');
    const early = window.__brevladevaktenSyncDb;
    expect(early).toBeInstanceOf(Promise);
    vi.useRealTimers(); // fake-indexeddb schedules with real timers
    const database = await early;
    expect([...(database?.objectStoreNames ?? [])].sort()).toEqual(['mailboxes', 'snapshots']);
    // The app's persistence is built on that connection: no second open.
    const persistence = await syncPersistence();
    expect(persistence).not.toBeNull();
    expect(open).toHaveBeenCalledTimes(1);
    expect(takeEarlySyncDatabase()).toBeNull(); // taken once
    expect(await persistence?.load(user)).toEqual([]);
    persistence?.close();
  });

  it('loads Office.js in the head wherever an Office host may be, and never in a plain tab', () => {
    const meta = document.createElement('meta');
    meta.name = 'brevladevakten-office-js';
    meta.content = '/office-js/office.js';
    document.head.appendChild(meta);
    const write = vi.spyOn(document, 'write').mockImplementation(() => undefined);
    page();
    boot(window);
    expect(write).not.toHaveBeenCalled(); // the demo harness
    vi.spyOn(window, 'parent', 'get').mockReturnValue({} as Window); // framed, as in Outlook on the web
    boot(window);
    expect(write).toHaveBeenCalledExactlyOnceWith('<script src="/office-js/office.js"></script>');
  });

  it('warms the platform’s date formatting after the saved view is painted, not before', async () => {
    vi.useFakeTimers({ now, toFake: ['Date', 'setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    writeBootView(localStorage, view());
    sessionStorage.setItem(bootUserKey, user); // no ?as=: no demo sign-in to wait for
    const { parsed } = page('');
    boot(window);
    parsed();
    await window.__brevladevaktenBoot?.decided;
    expect(overlay()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(made).not.toHaveBeenCalled(); // the frame with the picture has not been painted yet
    await vi.advanceTimersByTimeAsync(20);
    expect(made).toHaveBeenCalledWith('en-US', expect.objectContaining({ timeZone: 'Europe/Stockholm', hourCycle: 'h23' }));
  });

  it('warms the platform’s date formatting at once when there is no saved view', async () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    page();
    boot(window);
    await vi.advanceTimersByTimeAsync(0);
    expect(made).toHaveBeenCalledTimes(1);
  });

  describe('the demo sign-in', () => {
    afterEach(() => {
      delete window.__brevladevaktenDemoToken;
      delete window.__brevladevaktenDemoTokenAsked;
    });
    const configWith = (auth: object) =>
      vi.fn((url: string) =>
        url === '/config.json'
          ? Promise.resolve(new Response(JSON.stringify({ auth, graph: { baseUrl: 'http://localhost:4000/v1.0' } })))
          : Promise.resolve(new Response('{"access_token":"t"}')),
      );

    it('starts as soon as config.json names demo sign-in and ?as= a user, leaving the config response whole', async () => {
      const fetchMock = configWith({ mode: 'demo' });
      vi.stubGlobal('fetch', fetchMock);
      page();
      boot(window);
      await vi.waitFor(() => expect(window.__brevladevaktenDemoToken).toBeDefined());
      expect(window.__brevladevaktenDemoToken).toMatchObject({ graphBaseUrl: 'http://localhost:4000/v1.0', upn: user });
      expect(fetchMock).toHaveBeenCalledWith('http://localhost:4000/demo/token', expect.objectContaining({ method: 'POST', body: JSON.stringify({ upn: user }) }));
      expect(await (await (window.__brevladevaktenConfig as Promise<Response>)).json()).toMatchObject({ auth: { mode: 'demo' } });
    });

    it('is not made when the app’s code asked for the token first (one request, not two)', async () => {
      const fetchMock = configWith({ mode: 'demo' });
      vi.stubGlobal('fetch', fetchMock);
      page();
      window.__brevladevaktenDemoTokenAsked = true;
      boot(window);
      await window.__brevladevaktenConfig;
      await vi.advanceTimersByTimeAsync(1);
      expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/config.json']);
      expect(window.__brevladevaktenDemoToken).toBeUndefined();
    });

    it('does nothing for a real tenant’s configuration, or without ?as=', async () => {
      const fetchMock = configWith({ mode: 'msal', clientId: 'x' });
      vi.stubGlobal('fetch', fetchMock);
      page();
      boot(window);
      await window.__brevladevaktenConfig;
      await vi.advanceTimersByTimeAsync(1);
      expect(fetchMock).toHaveBeenCalledTimes(1);

      const demo = configWith({ mode: 'demo' });
      vi.stubGlobal('fetch', demo);
      page('');
      boot(window);
      await window.__brevladevaktenConfig;
      expect(demo).toHaveBeenCalledTimes(1);
      expect(window.__brevladevaktenDemoToken).toBeUndefined();
    });
  });

  it('shows the saved view once the body is parsed: inert, over a hidden root, text as text', async () => {
    writeBootView(localStorage, view());
    const { parsed } = page();
    boot(window);
    expect(overlay()).toBeNull(); // nothing before the body exists
    parsed();
    await window.__brevladevaktenBoot?.decided;
    const shown = overlay() as HTMLElement;
    expect(shown.inert).toBe(true);
    expect(shown.querySelector('[data-boot-testid="queue-item"]')?.textContent).toBe('Bygglov <b>Ale</b>');
    expect(shown.querySelector('b')).toBeNull();
    expect(document.querySelector('style[data-boot-view]')?.textContent).toBe('.fq{color:red}');
    expect(root().style.visibility).toBe('hidden');
    expect(document.documentElement.lang).toBe('fi');
    expect(window.__brevladevaktenBoot?.shown).toBe(true);

    window.__brevladevaktenBoot?.dismiss();
    expect(overlay()).toBeNull();
    expect(document.querySelector('style[data-boot-view]')).toBeNull();
    expect(root().style.visibility).toBe('');
    expect(window.__brevladevaktenBoot?.shown).toBe(false);
  });

  it(`takes the view away by itself after ${maxShowMs} ms if the app never does`, async () => {
    writeBootView(localStorage, view());
    const { parsed } = page();
    boot(window);
    parsed();
    await window.__brevladevaktenBoot?.decided;
    vi.advanceTimersByTime(maxShowMs - 1);
    expect(overlay()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(overlay()).toBeNull();
    expect(root().style.visibility).toBe('');
  });

  it('shows nothing when the app dismissed it first, or already rendered into the root', async () => {
    writeBootView(localStorage, view());
    let p = page();
    boot(window);
    window.__brevladevaktenBoot?.dismiss();
    p.parsed();
    await window.__brevladevaktenBoot?.decided;
    expect(overlay()).toBeNull();

    p = page();
    boot(window);
    p.parsed(document.createElement('main'));
    await window.__brevladevaktenBoot?.decided;
    expect(overlay()).toBeNull();
  });

  it.each([
    ['another user’s view', view({ user: 'someone.else@sjoby.example' })],
    ['an expired view (a deadline state or day word has changed since)', view({ validUntil: now })],
    ['a view saved "in the future" (clock set back)', view({ savedAt: now + 1 })],
    ['a view of another format', { ...view(), format: 1 } as unknown as BootView],
    ['a view saved inside Outlook, in a plain tab', view({ host: 'outlook' })],
  ])('shows nothing for %s', async (_name, stored) => {
    writeBootView(localStorage, stored);
    const { parsed } = page();
    boot(window);
    parsed();
    await window.__brevladevaktenBoot?.decided;
    expect(overlay()).toBeNull();
    expect(root().style.visibility).toBe('');
  });

  it('without ?as= uses the user this tab last showed (sessionStorage), and nobody else', async () => {
    writeBootView(localStorage, view());
    let p = page('');
    boot(window);
    p.parsed();
    await window.__brevladevaktenBoot?.decided;
    expect(overlay()).toBeNull(); // a new tab: no user yet

    sessionStorage.setItem(bootUserKey, user);
    p = page('');
    boot(window);
    p.parsed();
    await window.__brevladevaktenBoot?.decided;
    expect(overlay()).not.toBeNull();
  });

  it('shows nothing for garbage in storage', async () => {
    localStorage.setItem(bootViewKey('taskpane'), '{not json');
    const { parsed } = page();
    boot(window);
    parsed();
    await window.__brevladevaktenBoot?.decided;
    expect(overlay()).toBeNull();
  });

  describe('inside Outlook', () => {
    // A framed page, as in Outlook on the web.
    beforeEach(() => vi.spyOn(window, 'parent', 'get').mockReturnValue({} as Window));

    const office = (item: unknown) => ({ onReady: () => Promise.resolve({ host: 'Outlook' }), context: { mailbox: { item } } });

    it('shows the queue only when Outlook says no message is selected', async () => {
      writeBootView(localStorage, view({ host: 'outlook' }));
      (window as { Office?: unknown }).Office = office(null);
      const { parsed } = page();
      boot(window);
      parsed();
      await window.__brevladevaktenBoot?.decided; // the app does not wait for Outlook's answer…
      expect(overlay()).toBeNull();
      await vi.waitFor(() => expect(overlay()).not.toBeNull()); // …the picture follows it
    });

    it('shows nothing when a message is selected (the pane opens on that message)', async () => {
      writeBootView(localStorage, view({ host: 'outlook' }));
      (window as { Office?: unknown }).Office = office({ itemId: 'AAMk' });
      const { parsed } = page();
      boot(window);
      parsed();
      await vi.advanceTimersByTimeAsync(1000);
      expect(overlay()).toBeNull();
    });
  });
});

describe('afterBootViewPainted', () => {
  it('resolves at once when no view went up, and after a painted frame when one did', async () => {
    const frames: Array<() => void> = [];
    const win = {
      requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(() => callback(0)),
      setTimeout: (callback: () => void) => callback(),
    } as unknown as NonNullable<Parameters<typeof afterBootViewPainted>[0]>;
    let done = false;
    win.__brevladevaktenBoot = { shown: false, plainTab: true, decided: Promise.resolve(), dismiss: () => undefined };
    await afterBootViewPainted(win);
    expect(frames).toHaveLength(0);

    win.__brevladevaktenBoot = { shown: true, plainTab: true, decided: Promise.resolve(), dismiss: () => undefined };
    const waiting = afterBootViewPainted(win).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    await waiting;
    expect(done).toBe(true);
  });
});

describe('saveBootView', () => {
  it('saves what the root shows with the styles it uses, and notes this tab’s user', () => {
    const style = document.createElement('style');
    style.textContent = '.used{color:red}.unused{color:blue}';
    document.head.appendChild(style);
    document.documentElement.lang = 'sv';
    const rootElement = document.createElement('div');
    rootElement.innerHTML = '<main class="used"><h1 id="t">Brevlådevakten</h1></main>';
    expect(saveBootView({ page: 'taskpane', user: 'Elin.Berg@SJOBY.example', host: 'harness', nowMs: now, validUntil: now + 1000, root: rootElement })).toBe(true);
    const saved = readBootView(localStorage, 'taskpane', user, now);
    expect(saved?.tree).toEqual([['main', { class: 'used' }, [['h1', { id: 't' }, ['Brevlådevakten']]]]]);
    expect(saved?.css).toContain('.used');
    expect(saved?.css).not.toContain('.unused');
    expect(saved?.lang).toBe('sv');
    expect(sessionStorage.getItem(bootUserKey)).toBe(user);
  });

  it('renames Fluent’s provider class in the copy and its rules (the live provider checks nobody else has it)', () => {
    const style = document.createElement('style');
    style.textContent = '.fui-FluentProviderr0{--colorNeutralForeground1:#242424}.x{color:var(--colorNeutralForeground1)}';
    document.head.appendChild(style);
    const rootElement = document.createElement('div');
    rootElement.innerHTML = '<div class="fui-FluentProvider fui-FluentProviderr0 x">fui-FluentProvider stays as text</div>';
    saveBootView({ page: 'taskpane', user, host: 'harness', nowMs: now, validUntil: now + 1000, root: rootElement });
    const saved = readBootView(localStorage, 'taskpane', user, now);
    expect(saved?.tree).toEqual([['div', { class: 'bv-copy-FluentProvider bv-copy-FluentProviderr0 x' }, ['fui-FluentProvider stays as text']]]);
    expect(saved?.css).toContain('.bv-copy-FluentProviderr0');
    expect(saved?.css).not.toContain('fui-FluentProvider');
  });

  it('reports a full storage instead of throwing', () => {
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(saveBootView({ page: 'taskpane', user, host: 'harness', nowMs: now, validUntil: now + 1, root: document.createElement('div'), storage: full })).toBe(false);
  });
});
