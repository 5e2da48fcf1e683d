import { describe, expect, inject, it } from 'vitest';

const appUrl = inject('appUrl');

/** The JavaScript a page fetches before anything runs: its module entry, classic scripts and modulepreloads. */
async function initialScripts(page: string): Promise<Map<string, string>> {
  const html = await (await fetch(`${appUrl}${page}`)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)]
    .map((m) => m[1] as string)
    .filter((src) => src.startsWith('/') && !src.startsWith('/office-js/'));
  const files = new Map<string, string>();
  for (const src of new Set(sources)) files.set(src, await (await fetch(`${appUrl}${src}`)).text());
  return files;
}

const containing = (files: Map<string, string>, marker: string) => [...files].filter(([, text]) => text.includes(marker)).map(([src]) => src);

// What keeps the task pane within its 160 KB budget (README, "What a page loads first"). Sizes are
// benchmarks (`npm run bench bundle`); these are the structural facts that, broken, would blow it.
describe('the task pane’s initial JavaScript', () => {
  it('holds neither the Graph SDK, nor Tabster, nor a Temporal polyfill, nor English or Finnish', async () => {
    const files = await initialScripts('/addin/taskpane.html');
    expect(files.size).toBeGreaterThan(0);
    expect([...files.values()].some((text) => text.includes('Brevlådevakten'))).toBe(true); // Swedish is there
    expect(containing(files, 'SdkVersion')).toEqual([]); // @microsoft/microsoft-graph-client
    expect(containing(files, 'data-tabster')).toEqual([]);
    expect(containing(files, 'Temporal')).toEqual([]);
    expect(containing(files, 'Postilaatikkovahti')).toEqual([]); // the Finnish app name
    expect(containing(files, 'Mailbox Watch')).toEqual([]); // the English one
  });

  it('comes in a few files (scripts/startChunks.ts), the page’s entry importing nothing before the saved view is painted', async () => {
    const files = await initialScripts('/addin/taskpane.html');
    // The entry, the app code, React, the runtime helper and the two start chunks (automatic splitting: 22).
    expect(files.size).toBeLessThanOrEqual(8);
    const html = await (await fetch(`${appUrl}/addin/taskpane.html`)).text();
    const entry = html.match(/<script type="module"[^>]+src="([^"]+)"/)?.[1] as string;
    expect(files.get(entry)).toBeDefined();
    expect(files.get(entry)).not.toMatch(/^\s*import\b|\bimport\s*[{*\w][^(]*\bfrom\b/m); // no static import
  });

  it('starts the session from code without React or Fluent UI (evaluated before the views’ code)', async () => {
    const html = await (await fetch(`${appUrl}/addin/taskpane.html`)).text();
    const start = /<link rel="modulepreload" crossorigin data-start-code href="([^"]+)">/.exec(html)?.[1];
    expect(start).toBeDefined();
    // The start's file and every file it imports statically, transitively.
    const closure = new Map<string, string>();
    const visit = async (path: string) => {
      if (closure.has(path)) return;
      const text = await (await fetch(`${appUrl}${path}`)).text();
      closure.set(path, text);
      for (const m of text.matchAll(/\bfrom\s*"\.\/([^"]+)"|\bimport\s*"\.\/([^"]+)"/g)) await visit(path.replace(/[^/]+$/, m[1] ?? m[2] ?? ''));
    };
    await visit(start as string);
    expect(containing(closure, 'brevladevakten-sync').length).toBeGreaterThan(0); // the sync cache's IndexedDB: the session's code is there
    expect(containing(closure, 'react.transitional.element')).toEqual([]); // React
    expect(containing(closure, 'FluentProvider')).toEqual([]);
  });

  it('gets the Graph SDK as its own chunk, fetched on demand', async () => {
    const html = await (await fetch(`${appUrl}/addin/taskpane.html`)).text();
    const entry = html.match(/<script type="module"[^>]+src="([^"]+)"/)?.[1];
    expect(entry).toBeDefined();
    const files = await initialScripts('/addin/taskpane.html');
    const chunk = [...files.values()].join('\n').match(/assets\/createGraphClient-[\w-]+\.js/)?.[0];
    expect(chunk).toBeDefined();
    expect(await (await fetch(`${appUrl}/${chunk}`)).text()).toContain('SdkVersion');
  });
});

// Our own styles are precompiled at build time (scripts/griffelAot.ts), as Fluent's are: Griffel's runtime
// style compiler (~11 KB gzip) is in no page's initial JavaScript. Markers: rtl-css-js's `@noflip` test and
// stylis's prefixer, which only makeStyles' runtime path brings.
describe('our own styles', () => {
  it('reach the task pane and the Teams tab precompiled, without Griffel’s runtime style compiler', async () => {
    for (const page of ['/addin/taskpane.html', '/teams-app/tab.html']) {
      const files = await initialScripts(page);
      expect(files.size, page).toBeGreaterThan(0);
      expect(containing(files, '@noflip'), page).toEqual([]);
      expect(containing(files, '(image-set)'), page).toEqual([]);
    }
  });
});
