import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import config from '../../config.json' with { type: 'json' };
import { checkDigitFor } from '../../shared/domain/personnummerArbitraries.fixture.ts';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';
import { withoutOfficeTelemetry } from '../support/officeTelemetry.ts';
import { graphGet, personas, personaWith, draftRecipients } from '../support/graphTruth.ts';
import type { Persona } from '../support/graphTruth.ts';

const appUrl = inject('appUrl');
const graphBaseUrl = inject('graphBaseUrl');
let browser: Browser;
let people: Persona[];

// A fictitious date with a computed check digit: not a real person's number.
const nine = '800101238';
const personnummer = `19${nine.slice(0, 6)}-${nine.slice(6)}${checkDigitFor(nine)}`;

beforeAll(async () => {
  browser = await launchChromium();
  people = await personas(graphBaseUrl);
});
afterAll(async () => browser?.close());

const persona = (role: Persona['role']) => personaWith(people, role);

/** The task pane in the demo harness, as the staff member, with the queue synced. */
async function openHarness(query = '') {
  const staff = persona('staff');
  const { page, errors } = await openPage(browser, `${appUrl}/addin/taskpane.html?as=${encodeURIComponent(staff.upn)}${query}`);
  await page.getByTestId('harness-banner').waitFor();
  await expect.poll(() => page.getByTestId('refresh-status').innerText(), { timeout: 20_000 }).toMatch(/Uppdaterad/);
  return { page, errors, staff };
}

/** Opens the first message of "Min kö" (through displayMessageForm, as in Outlook). */
async function openFromQueue(page: Page) {
  await page.getByTestId('tab-queue').click();
  const item = page.getByTestId('queue-item').first();
  await item.waitFor();
  const id = (await item.getAttribute('data-message-id')) as string;
  await item.getByTestId('queue-open').click();
  await page.getByTestId('read-view').waitFor();
  return id;
}

const signatureCount = (page: Page) => page.getByTestId('harness-body').locator('[data-brevladevakten-signature]').count();

describe('the Outlook add-in in the demo harness', () => {
  it('shows the harness, labelled as a demo, with the own and the covered mailboxes’ messages', async () => {
    const { page, errors, staff } = await openHarness();
    expect(await page.getByTestId('harness-banner').innerText()).toMatch(/inte Outlook/);
    await page.getByTestId('harness-message').first().waitFor();
    const mailboxes = new Set(await page.getByTestId('harness-message').evaluateAll((els) => els.map((el) => el.getAttribute('data-mailbox'))));
    expect(mailboxes.size).toBeGreaterThan(1);
    expect([...mailboxes]).toContain(staff.upn.toLowerCase());
    expect(withoutOfficeTelemetry(errors)).toEqual([]);
    await page.context().close();
  });

  it('opens a message: its mailbox, deadline in words and as a date, state, policy, and the notification bar', async () => {
    const { page } = await openHarness();
    await openFromQueue(page);
    const state = await page.getByTestId('read-state').locator('[data-state]').getAttribute('data-state');
    expect(['ok', 'approaching', 'overdue']).toContain(state);
    const due = await page.getByTestId('read-due').innerText();
    expect(due).toMatch(/senast (idag|i morgon|i går|\S+dag|\S+ \d+ \S+) \d\d:\d\d/);
    expect(await page.getByTestId('read-due').getAttribute('data-due')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.getByTestId('read-policy').innerText()).toMatch(/Hanteras/);
    if (state !== 'ok') expect(await page.getByTestId('harness-notification').innerText()).toMatch(/Brevlådevakten/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('marks the open message handled by keyboard: it leaves the queue and Graph has the category and the flag', async () => {
    const { page, staff } = await openHarness();
    const id = await openFromQueue(page);
    const address = (await page.getByTestId('read-mailbox').innerText()).match(/\(([^)]+)\)/)?.[1] as string;
    // A Tab-key path from the message's heading to the action.
    await page.locator('#read-heading').evaluate((el) => {
      (el as HTMLElement).tabIndex = -1;
      (el as HTMLElement).focus();
    });
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'read-mark-handled') break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('read-mark-handled');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('read-state').locator('[data-state]').getAttribute('data-state')).toBe('handled');
    await expect
      .poll(async () => {
        const message = await graphGet<{ categories: string[]; flag: { flagStatus: string } }>(
          graphBaseUrl,
          `/users/${address}/messages/${id}?$select=categories,flag`,
          staff.upn,
        );
        return [message.categories.includes('Hanterad'), message.flag.flagStatus];
      })
      .toEqual([true, 'complete']);
    await page.getByTestId('tab-queue').click();
    await page.getByTestId('queue-total').waitFor();
    expect(await page.locator(`[data-testid="queue-item"][data-message-id="${id}"]`).count()).toBe(0);
    await page.context().close();
  });

  it('passes the open message on: a draft to the citizen-service address exists and opens to complete', async () => {
    const { page, staff } = await openHarness();
    await openFromQueue(page);
    const address = (await page.getByTestId('read-mailbox').innerText()).match(/\(([^)]+)\)/)?.[1] as string;
    const subject = await page.locator('#read-heading').innerText();
    await page.getByTestId('read-pass-on').click();
    await page.getByTestId('harness-compose').waitFor();
    expect(await page.getByTestId('harness-to').inputValue()).toBe(config.organisation.citizenServiceAddress);
    expect(await draftRecipients(graphBaseUrl, address, staff.upn, subject)).toEqual([config.organisation.citizenServiceAddress]);
    await page.context().close();
  });

  it('adds the standard signature once to a new message, and switches it when From becomes a function mailbox', async () => {
    const { page, staff } = await openHarness();
    await page.getByTestId('harness-new-message').click();
    await expect.poll(() => signatureCount(page)).toBe(1);
    expect(await page.getByTestId('harness-body').innerText()).toContain(staff.displayName);
    // The task pane in compose mode: preview, and inserting again keeps one signature.
    await page.getByTestId('signature-preview').waitFor();
    await page.getByTestId('insert-signature').click();
    await expect.poll(() => page.getByTestId('signature-feedback').innerText()).not.toBe('');
    expect(await signatureCount(page)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const functionMailbox = (await page.getByTestId('harness-from').locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value)))
      .find((value) => value.toLowerCase() !== staff.upn.toLowerCase()) as string;
    await page.getByTestId('harness-from').selectOption(functionMailbox);
    await expect.poll(async () => page.getByTestId('harness-body').innerText()).toContain(functionMailbox);
    expect(await signatureCount(page)).toBe(1);
    expect(await page.getByTestId('harness-body').innerText()).not.toContain(staff.displayName);
    await page.context().close();
  });

  it('stops a message with a personnummer, masking it, and sends one without', async () => {
    const { page } = await openHarness();
    await page.getByTestId('harness-new-message').click();
    await page.getByTestId('harness-subject').fill('Ansökan');
    await page.getByTestId('harness-body').click();
    await page.keyboard.type(`Sökande: ${personnummer}`);
    await page.getByTestId('harness-send').click();
    const alert = page.getByTestId('smart-alert-message');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('19800101-****');
    expect(text).not.toContain(personnummer);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('smart-alert-dont-send').click();
    await page.getByTestId('harness-compose').waitFor();
    await page.getByTestId('harness-close').click();

    await page.getByTestId('harness-new-message').click();
    await page.getByTestId('harness-subject').fill('Bygglov Storgatan 1');
    await page.getByTestId('harness-body').click();
    await page.keyboard.type('Hej! Ärendenummer KS/2024:73.');
    await page.getByTestId('harness-send').click();
    await expect.poll(() => page.getByTestId('harness-status').innerText()).toMatch(/skickades/);
    await page.context().close();
  });

  it('rolls mark handled back, and says why, when Graph refuses', async () => {
    const { page } = await openHarness();
    await openFromQueue(page);
    const state = await page.getByTestId('read-state').locator('[data-state]').getAttribute('data-state');
    const origin = new URL(graphBaseUrl).origin;
    await fetch(`${origin}/demo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ unavailableRate: 1, retryAfterSeconds: 0.01 }),
    });
    try {
      await page.getByTestId('read-mark-handled').click();
      await page.getByTestId('read-view').getByRole('alert').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('read-state').locator('[data-state]').getAttribute('data-state')).toBe(state);
      expect(await page.getByTestId('read-mark-handled').isEnabled()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await fetch(`${origin}/demo/faults`, { method: 'DELETE' });
    }
    await page.context().close();
  });

  it('marks a message handled inline in my queue', async () => {
    const { page } = await openHarness();
    await page.getByTestId('tab-queue').click();
    const item = page.getByTestId('queue-item').first();
    await item.waitFor();
    const id = (await item.getAttribute('data-message-id')) as string;
    const before = Number((await page.getByTestId('queue-total').innerText()).match(/\d+/)?.[0]);
    await item.getByTestId('queue-mark-handled').click();
    await expect.poll(() => page.locator(`[data-testid="queue-item"][data-message-id="${id}"]`).count()).toBe(0);
    expect(Number((await page.getByTestId('queue-total').innerText()).match(/\d+/)?.[0])).toBe(before - 1);
    await page.context().close();
  });

  it('leaves new messages unsigned once automatic signatures are switched off (roaming setting)', async () => {
    const { page } = await openHarness();
    await page.getByTestId('harness-new-message').click();
    await expect.poll(() => signatureCount(page)).toBe(1);
    await page.getByTestId('auto-signature').click();
    await page.getByTestId('harness-close').click();
    await page.getByTestId('harness-new-message').click();
    await page.getByTestId('compose-view').waitFor();
    await page.waitForTimeout(500);
    expect(await signatureCount(page)).toBe(0);
    expect(await page.getByTestId('auto-signature').isChecked()).toBe(false);
    await page.context().close();
  });

  it('says plainly when the mailbox is not in the register, and how to add it', async () => {
    const { page, staff } = await openHarness();
    await page.locator(`[data-testid="harness-message"][data-mailbox="${staff.upn.toLowerCase()}"]`).first().click();
    const unknown = page.getByTestId('unknown-mailbox');
    await unknown.waitFor();
    expect(await unknown.innerText()).toMatch(/finns inte i brevlådsregistret[\s\S]*Address/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows my queue grouped by state with counts, without WCAG violations', async () => {
    const { page } = await openHarness();
    await page.getByTestId('tab-queue').click();
    await page.getByTestId('queue-item').first().waitFor();
    const total = Number((await page.getByTestId('queue-total').innerText()).match(/\d+/)?.[0]);
    // The first screen renders first, the rest a frame later.
    await expect.poll(() => page.getByTestId('queue-item').count()).toBe(total);
    const states = await page.getByTestId('queue-item').locator('[data-state]').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    const order = { overdue: 0, approaching: 1, ok: 2 } as Record<string, number>;
    expect(states.map((s) => order[s ?? ''])).toEqual([...states.map((s) => order[s ?? ''])].sort());
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds a shared mailbox’s message without getSharedPropertiesAsync (Mailbox below 1.13)', async () => {
    const { page } = await openHarness('&mailboxApi=1.12');
    await openFromQueue(page);
    expect(await page.getByTestId('read-mailbox').innerText()).toMatch(/@/);
    await page.context().close();
  });

  it('shows the register error without WCAG violations', async () => {
    const staff = persona('staff');
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const page = await context.newPage();
    await page.route('**/sites/**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'generalException', message: 'broken' } }) }));
    await page.goto(`${appUrl}/addin/taskpane.html?as=${encodeURIComponent(staff.upn)}`);
    await page.getByTestId('harness-pane').getByRole('alert').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(['dark', 'contrast'] as const)('has no WCAG violations in the %s theme (queue and message)', async (theme) => {
    const { page } = await openHarness(`&theme=${theme}`);
    await page.getByTestId('tab-queue').click();
    await page.getByTestId('queue-item').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await openFromQueue(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('follows the display language: English and Finnish strings in the harness and the pane', async () => {
    for (const [lang, text] of [['en-GB', 'My queue'], ['fi-FI', 'Oma jono']] as const) {
      const { page } = await openPage(browser, `${appUrl}/addin/taskpane.html?lang=${lang}&as=${encodeURIComponent(persona('staff').upn)}`);
      await page.getByTestId('tab-queue').waitFor();
      expect(await page.getByTestId('tab-queue').innerText()).toBe(text);
      await page.context().close();
    }
  });
});
