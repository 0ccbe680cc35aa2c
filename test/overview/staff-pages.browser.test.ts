import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { award, grantFixture, inDays, lightAnswers, linkIn, mail, openLink, plan, postLink, report, scopeOf } from '../support/grant';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, fixture: f, browser } = useTestStack({ seed: true, fixture: grantFixture, browser: true });

/** The provider answers through the newest link emailed to them (as in the report-link test). */
async function providerSubmits(subject: RegExp) {
  const emails = await mail(f, f.recipient.contactEmail, subject);
  const url = linkIn(emails.at(-1) as { body: { text?: string } });
  const page = await openLink(url);
  expect((await postLink(url, lightAnswers(scopeOf(page.html)))).status).toBe(200);
  await stack.runtime.settle();
}

const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();

describe('a funder officer works from the staff pages, with JavaScript off', () => {
  it('signs in, reviews a report from "what needs me", asks for changes, accepts the resubmission, and sees the tranche released', async () => {
    const g = await award(f, 'Pages grant', 500_000);
    const p = await plan(f, g.id, {
      tranches: [
        { amount: 200_000, dueDate: inDays(stack, 0) },
        { amount: 300_000, dueDate: inDays(stack, 1), reportIndex: 0 },
      ],
      reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 35) },
    });
    const reportId = (p.reports[0] as { id: string }).id;
    await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 8 * DAY));
    await providerSubmits(/^Report due .*: Pages grant$/);

    const page = await browser.newPage({ javaScriptEnabled: false });
    const start = await page.goto(`${stack.runtime.apiUrl}/app`);
    expect(start?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.url()).toContain('/sign-in?next=%2Fapp');
    await expect(page.locator('.govuk-warning-text').textContent()).resolves.toContain('Local only');
    await page.getByRole('button', { name: new RegExp(`Sign in as ${f.lead.admin.name}`) }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('What needs me');
    await page.screenshot({ path: join(tmpdir(), 'grantloop-what-needs-me.png'), fullPage: true });

    // Page load 1 after sign-in: the report, from the link on "what needs me".
    await page.getByRole('link', { name: /^Review: / }).click();
    expect(page.url()).toContain(`/app/reports/${reportId}`);
    await expect(page.locator('main').textContent()).resolves.toContain('Fourteen groups now have a safeguarding policy');
    await expect(page.locator('main').textContent()).resolves.toContain('£12,500.50');

    // A comment with no decision: the error names the decision, and the comment is kept.
    await page.getByLabel('Comments for the provider').fill('Please say how many groups were new to you.');
    await page.getByRole('button', { name: 'Send review' }).click();
    await expect(errorSummary(page)).resolves.toContain('Select whether to accept the report or ask for changes');
    expect(await page.getByLabel('Comments for the provider').inputValue()).toBe('Please say how many groups were new to you.');

    // Changes asked for with an empty comment: the error says what is missing, the choice is kept.
    await page.getByLabel('Comments for the provider').fill('');
    await page.getByLabel('Ask for changes').check();
    await page.getByRole('button', { name: 'Send review' }).click();
    await expect(errorSummary(page)).resolves.toContain('Comments for the provider: say what should change');
    expect(await page.getByLabel('Ask for changes').isChecked()).toBe(true);

    await page.getByLabel('Comments for the provider').fill('Please say how many groups were new to you.');
    await page.getByRole('button', { name: 'Send review' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Changes requested');
    await stack.runtime.settle();
    expect((await report(f, reportId)).report.status).toBe('changes-requested');

    await providerSubmits(/^Changes requested: .* for Pages grant$/);
    await page.close();

    // The lead is emailed a link to the report page; signed out, the click goes through sign-in and lands there.
    const [toReview] = (await mail(f, f.lead.org.contactEmail, /^Report to review: .*Pages grant$/)).slice(-1);
    const link = /(https?:\/\/\S+\/app\/reports\/\S+)/.exec(toReview?.body.text ?? '')?.[1] as string;
    expect(link).toBe(`${stack.runtime.apiUrl}/app/reports/${reportId}`);
    const fresh = await browser.newPage({ javaScriptEnabled: false });
    await fresh.goto(link);
    expect(fresh.url()).toContain(`/sign-in?next=${encodeURIComponent(`/app/reports/${reportId}`)}`);
    let loads = 0;
    fresh.on('load', () => loads++);
    await fresh.getByRole('button', { name: new RegExp(`Sign in as ${f.lead.admin.name}`) }).click();
    expect(fresh.url()).toBe(link);
    await fresh.getByLabel('Accept the report').check();
    await fresh.getByRole('button', { name: 'Send review' }).click();
    await expect(fresh.locator('.govuk-notification-banner').textContent()).resolves.toContain('Report accepted');
    expect(loads, 'page loads from the emailed link to an accepted report, after sign-in').toBeLessThanOrEqual(3);
    await stack.runtime.settle();

    await fresh.getByRole('link', { name: 'Pages grant' }).click();
    const tranches = fresh.locator('table').first();
    await expect(tranches.locator('tbody tr').nth(1).textContent()).resolves.toContain('Released');
    await fresh.screenshot({ path: join(tmpdir(), 'grantloop-grant-page.png'), fullPage: true });
    expect((await report(f, reportId)).report.status).toBe('accepted');
    await fresh.close();
  });
});
