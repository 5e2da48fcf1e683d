import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';
import { patchRegisterRow, registerRow } from '../support/registerItems.ts';

const appUrl = inject('appUrl');
const graphBaseUrl = inject('graphBaseUrl');
let browser: Browser;

const OWNER = 'anna.johansson@sjoby.example';
const MANAGER = 'lena.sjoberg@sjoby.example';
const tabUrl = (upn: string, query = '') => `${appUrl}/teams-app/tab.html?as=${encodeURIComponent(upn)}${query}`;

// The rows these tests change, as they were: put back afterwards so other test files see the demo as seeded.
const touched = ['aldreomsorg', 'gata-park', 'medborgarservice', 'ekonomiskt-bistand', 'socialnamnden'].map((m) => `${m}@sjoby.example`);
const original = new Map<string, { Manager: string | null; Deputy: string | null }>();

beforeAll(async () => {
  browser = await launchChromium();
  for (const mailbox of touched) {
    const { fields } = await registerRow(graphBaseUrl, mailbox, MANAGER);
    original.set(mailbox, { Manager: fields.Manager ?? null, Deputy: fields.Deputy ?? null });
  }
  // The demo's planted problems sit in three departments; the manager persona manages one of them
  // (Skolskjuts). Name her manager of the other planted mailboxes too, as a register editor would.
  for (const mailbox of touched.slice(0, 3)) {
    await patchRegisterRow(graphBaseUrl, mailbox, { Manager: MANAGER }, MANAGER);
  }
});
afterAll(async () => {
  for (const [mailbox, fields] of original) await patchRegisterRow(graphBaseUrl, mailbox, fields, MANAGER);
  await browser?.close();
});

async function openView(page: Page, view: 'mine' | 'coverage' | 'statistics') {
  await page.getByTestId(`nav-${view}`).click();
  await expect.poll(() => page.getByTestId(`nav-${view}`).getAttribute('aria-selected')).toBe('true');
}

function card(page: Page, mailbox: string) {
  return page.locator(`[data-testid="owner-card"][data-address="${mailbox}"]`);
}

describe('the Teams tab: owner view', () => {
  it('shows deputy presence and automatic replies, and the owner nominates a deputy that the register then holds', async () => {
    const mailbox = 'ekonomiskt-bistand@sjoby.example';
    const { page, errors } = await openPage(browser, tabUrl(OWNER));
    const box = card(page, mailbox);
    await box.waitFor();
    await expect.poll(() => box.locator('[data-kind="personDisabled"]').count()).toBe(1);
    expect(await box.getByTestId('person-deputy').getAttribute('data-person')).toBe('lars.persson@sjoby.example');

    await box.getByTestId('change-deputy').click();
    await box.getByTestId('deputy-search').fill('Maria');
    await page.getByRole('option', { name: /Maria Lundqvist/ }).click();
    await box.getByTestId('save-deputy').click();
    await expect.poll(() => box.getByTestId('deputy-notice').innerText()).toMatch(/Maria Lundqvist är nu ersättare/);

    const row = await registerRow(graphBaseUrl, mailbox, OWNER);
    expect(row.fields.Deputy).toBe('maria.lundqvist@sjoby.example');
    await expect.poll(() => box.getByTestId('person-deputy').getAttribute('data-person')).toBe('maria.lundqvist@sjoby.example');
    await expect.poll(() => box.locator('[data-kind="personDisabled"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a conflict, and keeps the other change, when the row changed after it was read', async () => {
    const mailbox = 'socialnamnden@sjoby.example';
    const { page } = await openPage(browser, tabUrl(OWNER));
    const box = card(page, mailbox);
    await box.waitFor();
    await box.getByTestId('change-deputy').click();
    // From the keyboard: type, then arrow down to the option and choose it.
    await box.getByTestId('deputy-search').fill('Ali');
    await page.getByRole('option', { name: /Ali Yilmaz/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => box.getByTestId('save-deputy').isEnabled()).toBe(true);

    // Someone else changes the deputy meanwhile.
    await patchRegisterRow(graphBaseUrl, mailbox, { Deputy: 'ida.magnusson@sjoby.example' }, OWNER);
    await box.getByTestId('save-deputy').click();
    await expect.poll(() => box.getByTestId('deputy-notice').innerText()).toMatch(/ändrat raden.*ida\.magnusson@sjoby\.example/s);
    expect((await registerRow(graphBaseUrl, mailbox, OWNER)).fields.Deputy).toBe('ida.magnusson@sjoby.example');
    await expect.poll(() => box.getByTestId('person-deputy').getAttribute('data-person')).toBe('ida.magnusson@sjoby.example');
    await page.context().close();
  });

  it('shows a deputy the owner with their absences, and leaves nominating to the owner', async () => {
    const { page, errors } = await openPage(browser, tabUrl('elin.berg@sjoby.example'));
    const box = card(page, 'bygglov@sjoby.example');
    await box.waitFor();
    expect(await box.getByTestId('person-owner').getAttribute('data-person')).toBe('oskar.nilsson@sjoby.example');
    await expect.poll(() => box.getByTestId('person-owner').getByTestId('away-days').innerText()).not.toMatch(/Hämtar/);
    expect(await box.getByTestId('change-deputy').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows an automatic reply as text, not markup', async () => {
    const { page } = await openPage(browser, tabUrl(OWNER));
    await page.getByTestId('owner-card').first().waitFor();
    await expect.poll(() => page.getByTestId('auto-reply').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="auto-reply-text"] *').count()).toBe(0);
    await page.context().close();
  });
});

describe('the Teams tab: manager view', () => {
  it('shows the planted problems in the grid and the findings', async () => {
    const { page, errors } = await openPage(browser, tabUrl(MANAGER));
    await openView(page, 'coverage');
    await page.getByTestId('findings-table').waitFor();
    const finding = (kind: string, mailbox: string) => page.locator(`[data-testid="finding"][data-kind="${kind}"][data-mailbox="${mailbox}"]`);
    expect(await finding('noDeputy', 'gata-park@sjoby.example').count()).toBe(1);
    expect(await finding('ownerIsDeputy', 'skolskjuts@sjoby.example').count()).toBe(1);
    expect(await finding('bothAway', 'aldreomsorg@sjoby.example').count()).toBe(1);
    expect(await finding('awayWithoutAutoReply', 'medborgarservice@sjoby.example').count()).toBe(1);
    expect(await finding('awayWithoutAutoReply', 'medborgarservice@sjoby.example').innerText()).toContain('Hanna Öberg');

    const aldreomsorg = page.locator('[data-testid="grid-row"][data-mailbox="aldreomsorg@sjoby.example"]');
    expect(await aldreomsorg.locator('td[data-status="bothAway"]').count()).toBe(2);

    // The people and times behind a gap, from the keyboard.
    await aldreomsorg.locator('td[data-status="bothAway"] button').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('grid-detail').innerText()).toMatch(/Birgitta Nyström, Henrik Forsberg/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters by department', async () => {
    const { page } = await openPage(browser, tabUrl(MANAGER));
    await openView(page, 'coverage');
    await page.getByTestId('coverage-grid').waitFor();
    const all = await page.getByTestId('grid-row').count();
    await page.getByTestId('unit-filter').selectOption({ label: 'Barn- och utbildningsförvaltningen' });
    await expect.poll(() => page.getByTestId('grid-row').count()).toBeLessThan(all);
    expect(await page.locator('[data-testid="grid-row"][data-mailbox="skolskjuts@sjoby.example"]').count()).toBe(1);
    expect(await page.locator('[data-testid="grid-row"][data-mailbox="aldreomsorg@sjoby.example"]').count()).toBe(0);
    await page.context().close();
  });

  it('exports findings and grid as semicolon-separated CSV with a byte-order mark', async () => {
    const { page } = await openPage(browser, tabUrl(MANAGER));
    await openView(page, 'coverage');
    await page.getByTestId('findings-table').waitFor();
    const [findings] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-findings').click()]);
    expect(findings.suggestedFilename()).toMatch(/^avvikelser-\d{4}-\d{2}-\d{2}\.csv$/);
    const findingsBytes = await readFile((await findings.path())!);
    expect([...findingsBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const findingsText = findingsBytes.toString('utf8').slice(1);
    expect(findingsText.split('\r\n')[0]).toBe('"Brevlåda";"Adress";"Allvar";"Typ";"Beskrivning"');
    expect(findingsText).toContain('"Gata och park";"gata-park@sjoby.example";"Brist";"Ersättare saknas";"Ingen ersättare är utsedd."');
    expect(findingsText).toMatch(/"Äldreomsorg";"aldreomsorg@sjoby.example";"Brist";"Båda borta";"Birgitta Nyström och Henrik Forsberg är båda borta/);

    const [grid] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-grid').click()]);
    const gridText = (await readFile((await grid.path())!)).toString('utf8');
    expect(gridText.charCodeAt(0)).toBe(0xfeff);
    const aldreomsorg = gridText.split('\r\n').find((line) => line.includes('"aldreomsorg@sjoby.example"'));
    expect(aldreomsorg?.split(';').filter((cell) => cell.startsWith('"Båda borta')).length).toBe(2);
    await page.context().close();
  });
});

describe('the Teams tab: navigation, statistics and accessibility', () => {
  it('switches views from the keyboard', async () => {
    const { page } = await openPage(browser, tabUrl(MANAGER));
    const first = page.getByTestId('nav-mine');
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('nav-coverage').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('nav-statistics').getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });

  it('shows statistics per mailbox and month, with the limitation stated', async () => {
    const { page } = await openPage(browser, tabUrl(OWNER));
    await openView(page, 'statistics');
    await page.getByTestId('stats-mailbox').first().waitFor();
    expect(await page.getByTestId('stats-limitation').count()).toBe(1);
    expect(await page.getByTestId('stats-mailbox').count()).toBe(3);
    await expect.poll(async () => {
      const counts = await page.locator('[data-testid="stats-row"] td:nth-child(2)').allInnerTexts();
      return counts.reduce((sum, n) => sum + Number(n), 0);
    }).toBeGreaterThan(0);
    await page.context().close();
  });

  it.each(['light', 'dark', 'contrast'])('has no WCAG 2.1 A/AA violations in any view in the %s theme', async (theme) => {
    const owner = await openPage(browser, tabUrl(OWNER, `&theme=${theme}`));
    await owner.page.getByTestId('owner-card').first().waitFor();
    await owner.page.getByTestId('away-days').first().waitFor();
    expect(await axeViolations(owner.page)).toEqual([]);
    await owner.page.getByTestId('owner-card').first().getByTestId('change-deputy').click();
    expect(await axeViolations(owner.page)).toEqual([]);
    await openView(owner.page, 'statistics');
    await owner.page.getByTestId('stats-mailbox').first().waitFor();
    expect(await axeViolations(owner.page)).toEqual([]);
    await owner.page.context().close();

    const manager = await openPage(browser, tabUrl(MANAGER, `&theme=${theme}`));
    await openView(manager.page, 'coverage');
    await manager.page.getByTestId('findings-table').waitFor();
    expect(await axeViolations(manager.page)).toEqual([]);
    await manager.page.context().close();
  });
});
