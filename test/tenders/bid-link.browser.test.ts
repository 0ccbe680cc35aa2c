import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { openEmailedLink } from '../support/browser';
import { fundedConsortium, getTender, linkTo, publishedTender, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

const { stack, funders, browser } = useTestStack({ seed: true, browser: true });

const lot = (page: Page, id: string) => page.locator(`fieldset[id="lot.${id}"]`);

describe('a provider bids from the link in their email, in a real browser with JavaScript off', () => {
  it('opens the link, gets told what to fix, sends the bid, can replace it until the deadline; the funders see it only after', async () => {
    const setup = await fundedConsortium(stack, funders, 'Browser Bid Fund', 1_000_000);
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Browser tender' });
    const tender = await publishedTender(stack, funders, body);
    const lead = (funders[0] as SeededFunder).admin;
    await stack.api.call(lead, 'POST', `/tenders/${tender.id}/interest`, { orgName: 'Northfold CVS', email: 'bids@northfold.example.org' });
    const url = await linkTo(stack, 'bids@northfold.example.org', /Browser tender: your links to bid/);

    const page = await openEmailedLink(browser, url);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your bid: Browser tender');
    await expect(page.locator('main').textContent()).resolves.toContain('Northfold CVS');
    await page.screenshot({ path: join(tmpdir(), 'grantloop-bid-form.png'), fullPage: true });

    // Nothing ticked: the form says so. Then a price above the lot's value and an unanswered
    // question: each named, and what was typed is kept.
    await page.getByRole('button', { name: 'Send my bid' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('tick at least one lot to bid for');
    const volunteering = lot(page, 'volunteering');
    await volunteering.getByLabel('Bid for this lot').check();
    await volunteering.getByLabel(/Your price for the whole contract/).fill('1,600');
    await volunteering.getByLabel(/Local knowledge and relationships/).fill('Ten years running the Northfold volunteer fair.');
    await page.getByRole('button', { name: 'Send my bid' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('a price above it cannot be accepted');
    await expect(summary.textContent()).resolves.toContain('answer "Delivery plan"');
    expect(await lot(page, 'volunteering').getByLabel('Bid for this lot').isChecked()).toBe(true);
    expect(
      await lot(page, 'volunteering')
        .getByLabel(/Local knowledge/)
        .inputValue(),
    ).toBe('Ten years running the Northfold volunteer fair.');

    await lot(page, 'volunteering')
      .getByLabel(/Your price/)
      .fill('1,450.00');
    await lot(page, 'volunteering')
      .getByLabel(/Delivery plan/)
      .fill('Two volunteer coordinators, one per district.');
    await page.getByRole('button', { name: 'Send my bid' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Thank you: your bid has been received');
    await page.screenshot({ path: join(tmpdir(), 'grantloop-bid-confirmation.png') });

    // The used link says so (a browser's back button or a second click); the fresh link in the
    // receipt opens the bid to replace until the deadline.
    expect((await page.goto(url))?.status()).toBe(410);
    await expect(page.locator('h1').textContent()).resolves.toBe('This link has already been used');
    await stack.runtime.settle();
    await page.goto(await linkTo(stack, 'bids@northfold.example.org', /Browser tender: we have your bid/));
    await expect(page.locator('.notice').textContent()).resolves.toContain('We have your bid');
    await expect(page.getByRole('button', { name: 'Replace my bid' }).count()).resolves.toBe(1);
    expect(
      await lot(page, 'volunteering')
        .getByLabel(/Your price/)
        .inputValue(),
    ).toBe('1450.00');
    await page.close();

    await stack.runtime.settle();
    expect((await getTender(stack, funders[0] as SeededFunder, tender.id)).bids.sealed).toBe(true);
    await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
    await stack.runtime.settle();
    expect((await getTender(stack, funders[0] as SeededFunder, tender.id)).bids).toMatchObject({
      sealed: false,
      received: 1,
      byLot: { volunteering: 1, 'org-support': 0 },
    });
  });
});
