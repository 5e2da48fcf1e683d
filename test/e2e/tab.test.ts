import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import config from '../../config.json' with { type: 'json' };
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';
import { coveredAddresses, graphGet, personas, unhandledCount } from '../support/graphTruth.ts';

const appUrl = inject('appUrl');
const graphBaseUrl = inject('graphBaseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('the Teams tab, standalone on the demo municipality', () => {
  it('shows the owner’s mailboxes with the Inbox and unhandled counts Graph’s data gives', async () => {
    const owner = (await personas(graphBaseUrl)).find((p) => p.role === 'owner');
    if (!owner) throw new Error('The demo has no owner persona');
    const addresses = await coveredAddresses(graphBaseUrl, config.register, owner.upn);
    const { page, errors } = await openPage(browser, `${appUrl}/teams-app/tab.html?as=${encodeURIComponent(owner.upn)}`);
    await page.getByTestId('mailbox-row').first().waitFor();
    await expect.poll(() => page.getByTestId('refresh-status').innerText()).toMatch(/Uppdaterad/);
    const rows = page.getByTestId('mailbox-row');
    expect(await rows.count()).toBe(addresses.length);
    let total = 0;
    for (const address of addresses) {
      const inbox = await graphGet<{ totalItemCount: number }>(graphBaseUrl, `/users/${address}/mailFolders/inbox`, owner.upn);
      total += inbox.totalItemCount;
      const row = page.locator(`[data-testid="mailbox-row"][data-address="${address}"]`);
      expect(await row.getByTestId('inbox-count').innerText()).toBe(String(inbox.totalItemCount));
      // Unhandled = in the Inbox, tracked, and neither replied/forwarded, flag-complete nor categorised handled.
      const unhandled = await unhandledCount(graphBaseUrl, address, owner.upn);
      expect(await row.getByTestId('unhandled-count').innerText()).toBe(String(unhandled));
    }
    expect(await page.getByTestId('total').innerText()).toContain(String(total));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(['light', 'dark', 'contrast'])('has no WCAG 2.1 A/AA violations in the %s theme', async (theme) => {
    const owner = (await personas(graphBaseUrl)).find((p) => p.role === 'owner');
    const { page } = await openPage(browser, `${appUrl}/teams-app/tab.html?theme=${theme}&as=${encodeURIComponent(owner?.upn ?? '')}`);
    await page.getByTestId('mailbox-row').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
