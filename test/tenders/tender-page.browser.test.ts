import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Tender } from '../../shared/tenders/tender';
import { axeOn } from '../support/axe';
import { signedInPage } from '../support/browser';
import { aboveThreshold, bid, fundedConsortium, linkTo, publishedTender, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * The tender page in Chromium: the notices and periods the regime asks for, and a panel member
 * scoring with reasons, JavaScript off; axe-core finds no serious or critical violation, with
 * and without an error showing.
 */

const { stack, funders, browser, funder: f } = useTestStack({ seed: true, browser: true });
let t: Tender;
/** A tender still open for bids, where the lead invites providers and may cancel. */
let open: Tender;

beforeAll(async () => {
  const setup = await fundedConsortium(stack, funders, 'Browser Tender Fund', 40_000_000);
  const body = tenderBody(stack, funders, setup.pool.id, { title: 'Browser regime tender', days: [2, 4, 6, 8], ...aboveThreshold });
  t = await publishedTender(stack, funders, body);
  await stack.api.call(undefined, 'POST', `/tenders/${t.id}/interest`, { orgName: 'Eastbrook CVS', email: 'office@eastbrook.example.org' });
  await bid(await linkTo(stack, 'office@eastbrook.example.org', /Browser regime tender: your links/), {
    'org-support': { price: '500000' },
  });
  await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
  await stack.runtime.settle();
  open = await publishedTender(stack, funders, tenderBody(stack, funders, setup.pool.id, { title: 'Browser open tender' }));
});

const signedIn = (who: SeededFunder, javaScriptEnabled: boolean) => signedInPage(browser, stack, who, javaScriptEnabled);

describe('the tender page in a real browser', () => {
  it('a panel member scores with JavaScript off: a missing reason is named, then the scores are saved', async () => {
    const page = await signedIn(f(1), false);
    await page.goto(`${stack.runtime.apiUrl}/app/tenders/${t.id}`);
    await expect(page.locator('caption', { hasText: 'Notices and periods' }).count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain('Above threshold: £900,000.00 against the £207,720.00');
    // The sub-navigation takes the panel member to the bids.
    await page.getByRole('navigation', { name: 'Tender' }).getByRole('link', { name: 'Bids and evaluation' }).click();
    await expect(page.locator('[aria-current="page"]', { hasText: 'Bids and evaluation' }).count()).resolves.toBe(1);
    await page.getByLabel('Local knowledge and relationships: your score (0 to 100)').fill('80');
    await page.getByLabel('Delivery plan: your score (0 to 100)').fill('70');
    await page.getByLabel('Local knowledge and relationships: why you gave this score').fill('Knows every district forum.');
    await page.getByRole('button', { name: /Save my scores/ }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Delivery plan: give the reason for your score');
    // What was typed is kept.
    await expect(page.getByLabel('Local knowledge and relationships: why you gave this score').inputValue()).resolves.toBe(
      'Knows every district forum.',
    );
    await page.getByLabel('Delivery plan: why you gave this score').fill('A plan with named advisers.');
    await page.getByRole('button', { name: /Save my scores/ }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Your scores are recorded');
    await page.close();
  });

  it('has no serious or critical accessibility violation, with and without an error showing', async () => {
    const page = await signedIn(f(1), true);
    const found: string[] = [];
    for (const sub of ['', '/clarifications', '/award', '/bids']) {
      await page.goto(`${stack.runtime.apiUrl}/app/tenders/${t.id}${sub}`);
      found.push(...(await axeOn(page)));
    }
    await page.getByLabel('Delivery plan: why you gave this score').fill('');
    await page.getByRole('button', { name: /Save my scores/ }).click();
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
    found.push(...(await axeOn(page)));
    // The lead's overview of an open tender: the invitation (its error showing too) and the cancel page.
    const lead = await signedIn(f(0), true);
    await lead.goto(`${stack.runtime.apiUrl}/app/tenders/${open.id}`);
    found.push(...(await axeOn(lead)));
    await lead.getByRole('button', { name: 'Invite the provider' }).click();
    await expect(lead.locator('.govuk-error-summary').textContent()).resolves.toContain('Select a provider');
    found.push(...(await axeOn(lead)));
    await lead.getByRole('button', { name: 'Cancel this tender' }).click();
    await expect(lead.locator('h1').textContent()).resolves.toContain('Are you sure you want to cancel');
    found.push(...(await axeOn(lead)));
    expect(found).toEqual([]);
    await page.close();
    await lead.close();
  });
});
