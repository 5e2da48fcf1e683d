import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { personas, personaWith } from '../support/graphTruth.ts';
import type { Persona } from '../support/graphTruth.ts';

const appUrl = inject('appUrl');
const graphBaseUrl = inject('graphBaseUrl');
let browser: Browser;
let people: Persona[];

beforeAll(async () => {
  browser = await launchChromium();
  people = await personas(graphBaseUrl);
});
afterAll(async () => browser?.close());

const persona = (role: Persona['role']) => personaWith(people, role);
const url = (upn: string) => `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(upn)}`;

// Records, in the page, the saved start view as it first appears: its queue entries, whether the app's
// code had run yet (its `bv:host` mark), and whether the app root was hidden under it.
const recordStartView = `
  window.__startView = null;
  new MutationObserver(() => {
    const overlay = document.querySelector('div[data-boot-view]');
    if (!overlay || window.__startView) return;
    window.__startView = {
      subjects: [...overlay.querySelectorAll('[data-boot-testid="queue-item"]')].map((li) => li.firstElementChild.textContent),
      appRan: performance.getEntriesByName('bv:host').length > 0,
      inert: overlay.inert,
      rootHidden: document.getElementById('root').style.visibility === 'hidden',
      ids: overlay.querySelectorAll('[id]').length,
    };
  }).observe(document, { childList: true, subtree: true });
`;

interface StartView {
  subjects: string[];
  appRan: boolean;
  inert: boolean;
  rootHidden: boolean;
  ids: number;
}

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  await context.addInitScript({ content: recordStartView });
  return context;
}

/** Opens the task pane and waits until the queue is synced and saved as the next start view. */
async function openAndSave(context: BrowserContext, upn: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url(upn));
  await expect.poll(() => page.getByTestId('refresh-status').innerText(), { timeout: 20_000 }).toMatch(/Uppdaterad/);
  await page.waitForFunction(() => performance.getEntriesByName('bv:bootViewSaved').length > 0, undefined, { timeout: 20_000 });
  return page;
}

const liveSubjects = (page: Page) =>
  page.getByTestId('queue-item').evaluateAll((items) => items.map((li) => li.firstElementChild?.textContent ?? ''));

describe('the task pane’s saved start view', () => {
  it('shows the first screen of the queue as last seen before the app’s code has run, then gives way to the app’s own queue', async () => {
    const context = await newContext();
    const staff = persona('staff');
    const first = await openAndSave(context, staff.upn);
    const seen = await liveSubjects(first);
    expect(seen.length).toBeGreaterThan(0);
    await first.close();

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url(staff.upn));
    await page.waitForFunction(() => (window as unknown as { __startView: unknown }).__startView !== null, undefined, { timeout: 10_000 });
    const start = (await page.evaluate(() => (window as unknown as { __startView: StartView }).__startView)) as StartView;
    // The first screen of it (entries further down are left out of the picture).
    expect(start.subjects.length).toBeGreaterThan(0);
    expect(start.subjects).toEqual(seen.slice(0, start.subjects.length));
    expect(start.appRan).toBe(false); // on screen before the app's code was evaluated
    expect(start.inert).toBe(true);
    expect(start.rootHidden).toBe(true);
    expect(start.ids).toBe(0);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks.indexOf('bv:boot')).toBeGreaterThanOrEqual(0);

    // The app's own queue (from the IndexedDB snapshot, then refreshed) replaces it, and works.
    await page.locator('div[data-boot-view]').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.evaluate(() => document.getElementById('root')?.style.visibility)).toBe('');
    expect(await page.locator('style[data-boot-view]').count()).toBe(0);
    await expect.poll(() => liveSubjects(page)).toEqual(seen);
    await expect.poll(() => page.getByTestId('refresh-status').innerText(), { timeout: 20_000 }).toMatch(/Uppdaterad/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is shown to nobody but the user it was saved for', async () => {
    const context = await newContext();
    await (await openAndSave(context, persona('staff').upn)).close();
    const page = await context.newPage();
    await page.goto(url(persona('owner').upn));
    await page.getByTestId('queue').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __startView: unknown }).__startView)).toBeNull();
    expect(await page.evaluate(() => performance.getEntriesByName('bv:boot').length)).toBe(0);
    await context.close();
  });

  it('is inlined into the page with its Content-Security-Policy hash published beside it', async () => {
    const html = await (await fetch(`${appUrl}/addin/taskpane.html`)).text();
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    expect(inline).toHaveLength(1);
    expect(html).not.toContain('brevladevakten:boot-script');
    const hash = `'sha256-${createHash('sha256').update(inline[0] as string).digest('base64')}'`;
    expect((await (await fetch(`${appUrl}/boot-script.sha256`)).text()).trim()).toBe(hash);
    // The app's code is named and preloaded by the page, for the small entry to import: its start, then its views.
    expect(html).toMatch(/<link rel="modulepreload" crossorigin data-start-code href="\/assets\/taskpaneStart-[^"]+\.js">/);
    expect(html).toMatch(/<link rel="modulepreload" crossorigin data-app-code href="\/assets\/taskpaneApp-[^"]+\.js">/);
    // …and the Graph SDK's chunk, which the entry requests at once, without preloading it.
    const graph = /<meta name="brevladevakten-graph-code" content="([^"]+)">/.exec(html)?.[1] as string;
    expect(await (await fetch(`${appUrl}${graph}`)).text()).toContain('SdkVersion');
    expect(html).not.toContain(`href="${graph}"`);
  });
});
