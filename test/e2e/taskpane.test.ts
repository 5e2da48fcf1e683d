import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import config from '../../config.json' with { type: 'json' };
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';
import { withoutOfficeTelemetry } from '../support/officeTelemetry.ts';
import { coveredAddresses, graphGet, personas, personaWith, unhandledCount, draftRecipients } from '../support/graphTruth.ts';
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

describe('the Outlook task pane, standalone on the demo municipality', () => {
  it('lists exactly the mailboxes the register says the staff member covers', async () => {
    const staff = persona('staff');
    const expected = await coveredAddresses(graphBaseUrl, config.register, staff.upn);
    expect(expected.length).toBeGreaterThan(0);
    const { page, errors } = await openPage(browser, `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(staff.upn)}`);
    await page.getByTestId('tab-mailboxes').click();
    await page.getByTestId('mailbox').first().waitFor();
    const shown = await page.getByTestId('mailbox').allInnerTexts();
    expect(shown).toHaveLength(expected.length);
    for (const address of expected) expect(shown.join('\n')).toContain(address);
    expect(withoutOfficeTelemetry(errors)).toEqual([]);
    // A plain browser tab (the demo harness) has no Office host: Office.js is not even fetched.
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('undefined');
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(fetched.filter((url) => url.includes('/office-js/'))).toEqual([]);
    await page.context().close();
  });

  it('where an Office host may be, loads Office.js in <head> before the app, and falls back to the demo when no host answers', async () => {
    const staff = persona('staff');
    // Classic Outlook's host info in the URL: not a plain browser tab. Offline, Office.js cannot reach the
    // host (nor the Microsoft Ajax library it then asks for), so Office.onReady never answers.
    const { page } = await openPage(browser, `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(staff.upn)}&_host_Info=Outlook$Win32$16.02$sv-SE`);
    const scripts = await page.evaluate(() => [...document.head.querySelectorAll('script[src]')].map((script) => script.getAttribute('src') ?? ''));
    const office = scripts.indexOf('/office-js/office.js');
    expect(office).toBeGreaterThanOrEqual(0);
    expect(office).toBeLessThan(scripts.findIndex((src) => src.startsWith('/assets/')));
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('object');
    // detectOutlookHost gives Office 5 s, then runs the standalone demo.
    await page.getByTestId('queue-item').first().waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('serves the event runtime as one self-contained classic script that registers the manifest’s handlers', async () => {
    const response = await fetch(`${appUrl}/addin/commands.js`);
    expect(response.status).toBe(200);
    const script = await response.text();
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    for (const id of ['onNewMessageComposeHandler', 'onMessageFromChangedHandler', 'onMessageSendHandler']) {
      expect(script).toContain(id);
    }
    const page = await (await openPage(browser, `${appUrl}/addin/commands.html`)).page;
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('object');
    await page.context().close();
  });

  it('shows the selected mailbox’s Inbox newest first with deadline states, and pages on', async () => {
    const owner = persona('owner');
    const { page } = await openPage(browser, `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(owner.upn)}`);
    await page.getByTestId('tab-mailboxes').click();
    const mailboxes = page.getByTestId('mailbox');
    await mailboxes.first().waitFor();
    const address = (await coveredAddresses(graphBaseUrl, config.register, owner.upn)).sort()[0] as string;
    await mailboxes.filter({ hasText: address }).click();
    await page.getByRole('heading', { level: 2, name: /Inkorgen i/ }).waitFor();
    await page.getByTestId('message').first().waitFor();

    const truth = await graphGet<{ value: Array<{ subject: string; receivedDateTime: string }> }>(
      graphBaseUrl,
      `/users/${address}/mailFolders/inbox/messages?$select=subject,receivedDateTime&$orderby=receivedDateTime desc&$top=999`,
      owner.upn,
    );
    const subjects = await page.getByTestId('message-subject').allInnerTexts();
    expect(subjects.length).toBe(Math.min(25, truth.value.length));
    const shownTimes = await page.getByTestId('message').evaluateAll((items) =>
      items.map((item) => item.querySelector('time')?.getAttribute('datetime')),
    );
    expect(shownTimes).toEqual(truth.value.slice(0, subjects.length).map((m) => m.receivedDateTime));
    expect(subjects[0]).toBe(truth.value[0]?.subject);
    const states = await page.locator('[data-state]').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    expect(states.length).toBe(subjects.length);
    expect(states.every((s) => ['ok', 'approaching', 'overdue', 'handled'].includes(s ?? ''))).toBe(true);

    if (truth.value.length > 25) {
      await page.getByTestId('show-more').click();
      await expect.poll(() => page.getByTestId('message').count()).toBe(Math.min(50, truth.value.length));
    }
    await page.context().close();
  });

  it('switches to another demo user and shows their mailboxes', async () => {
    const staff = persona('staff');
    const owner = persona('owner');
    const { page } = await openPage(browser, `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(staff.upn)}`);
    await page.getByTestId('tab-mailboxes').click();
    await page.getByTestId('mailbox').first().waitFor();
    await page.getByTestId('persona-switcher').selectOption(owner.upn);
    await page.getByTestId('tab-mailboxes').click();
    const expected = await coveredAddresses(graphBaseUrl, config.register, owner.upn);
    await expect.poll(() => page.getByTestId('mailbox').count()).toBe(expected.length);
    await page.context().close();
  });

  it('has no WCAG 2.1 A/AA violations', async () => {
    const { page } = await openPage(browser, `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(persona('owner').upn)}`);
    await page.getByTestId('tab-mailboxes').click();
    await page.getByTestId('message').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('follows the display language: Finnish', async () => {
    const { page } = await openPage(browser, `${appUrl}/addin/taskpane.html?lang=fi-FI&as=${encodeURIComponent(persona('owner').upn)}`);
    await page.getByTestId('tab-mailboxes').click();
    await page.getByRole('heading', { name: 'Omat postilaatikkoni' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await page.context().close();
  });

  it('names the broken field instead of showing a blank page when config.json is invalid', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const broken = structuredClone(config) as Record<string, unknown> & { organisation: Record<string, unknown> };
    broken.organisation = { ...broken.organisation, calendar: { openingHours: { mon: '8-17' } } };
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
    await page.goto(`${appUrl}/addin/taskpane.html`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('organisation.calendar.openingHours.mon');
    expect(text).toContain('"8-17"');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('reports a config.json that is not JSON by name', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ "organisation": ' }));
    await page.goto(`${appUrl}/teams-app/tab.html`);
    await expect.poll(async () => (await page.getByRole('alert').innerText().catch(() => '')) ?? '').toContain('not valid JSON');
    await context.close();
  });
});

describe('the task pane’s actions and sync, against the emulator', () => {
  const openOwnerPane = async () => {
    const owner = persona('owner');
    const { page, errors } = await openPage(browser, `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(owner.upn)}`);
    await expect.poll(() => page.getByTestId('refresh-status').innerText(), { timeout: 20_000 }).toMatch(/Uppdaterad/);
    await page.getByTestId('tab-mailboxes').click();
    const address = (await page.getByTestId('mailbox').first().getAttribute('data-address')) as string;
    return { page, errors, owner, address };
  };

  it('marks a message handled: it shows as handled and Graph has the category and the completed flag', async () => {
    const { page, owner, address } = await openOwnerPane();
    const item = page.getByTestId('message').filter({ has: page.getByTestId('mark-handled') }).first();
    const id = (await item.getAttribute('data-message-id')) as string;
    await item.getByTestId('mark-handled').click();
    await expect.poll(() => page.locator(`[data-message-id="${id}"] [data-state]`).getAttribute('data-state')).toBe('handled');
    await expect
      .poll(async () => {
        const message = await graphGet<{ categories: string[]; flag: { flagStatus: string } }>(
          graphBaseUrl,
          `/users/${address}/messages/${id}?$select=categories,flag`,
          owner.upn,
        );
        return [message.categories.includes('Hanterad'), message.flag.flagStatus];
      })
      .toEqual([true, 'complete']);
    await page.context().close();
  });

  it('passes a message on: a draft to the citizen-service address exists', async () => {
    const { page, owner, address } = await openOwnerPane();
    const item = page.getByTestId('message').filter({ has: page.getByTestId('pass-on') }).first();
    const subject = await item.getByTestId('message-subject').innerText();
    await item.getByTestId('pass-on').click();
    await page.getByTestId('draft-created').waitFor();
    expect(await draftRecipients(graphBaseUrl, address, owner.upn, subject)).toEqual([config.organisation.citizenServiceAddress]);
    await page.context().close();
  });

  it('counts each mailbox’s open messages as rules.md §3 defines them', async () => {
    const { page, owner } = await openOwnerPane();
    for (const address of await coveredAddresses(graphBaseUrl, config.register, owner.upn)) {
      const counts = await page.locator(`[data-testid="mailbox"][data-address="${address}"] [data-testid="mailbox-counts"]`).innerText();
      const shown = [...counts.matchAll(/(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(shown, address).toBe(await unhandledCount(graphBaseUrl, address, owner.upn));
    }
    await page.context().close();
  });

  it('resumes from the stored delta links when reopened, and shows stale data with a banner when Graph fails', async () => {
    const { page } = await openOwnerPane();
    const origin = new URL(graphBaseUrl).origin;
    await fetch(`${origin}/demo/log`, { method: 'DELETE' });
    await page.reload();
    await expect.poll(() => page.getByTestId('refresh-status').innerText(), { timeout: 20_000 }).toMatch(/Uppdaterad/);
    await page.getByTestId('tab-mailboxes').click();
    const log = (await (await fetch(`${origin}/demo/log`)).json()) as { value: Array<{ url: string; route: string | null }> };
    const deltas = log.value.filter((e) => e.route?.includes('delta'));
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.every((e) => e.url.includes('$deltatoken') || e.url.includes('$skiptoken'))).toBe(true);

    await fetch(`${origin}/demo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ unavailableRate: 1, retryAfterSeconds: 0.01 }),
    });
    try {
      await page.getByTestId('refresh').click();
      await page.getByTestId('stale-banner').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('message').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await fetch(`${origin}/demo/faults`, { method: 'DELETE' });
    }
    await page.context().close();
  });
});
