import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmailedLink } from '../support/browser';
import { award, grantFixture, inDays, linkIn, mail, plan, report } from '../support/grant';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, fixture: f, browser } = useTestStack({ seed: true, fixture: grantFixture, browser: true });

describe('a provider reports from the link in their email, in a real browser', () => {
  it('opens the emailed link, fills the form, submits, sees the confirmation; the funder then sees the report', async () => {
    const g = await award(f, 'Browser grant', 250_000);
    const p = await plan(f, g.id, {
      tranches: [{ amount: 250_000, dueDate: inDays(stack, 1) }],
      reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 30) },
    });
    const reportId = (p.reports[0] as { id: string }).id;
    await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 3 * DAY));
    const [email] = await mail(f, f.recipient.contactEmail, /^Report due .*: Browser grant$/);
    const url = linkIn(email as { body: { text?: string } });

    const page = await openEmailedLink(browser, url);
    await expect(page.locator('h1').textContent()).resolves.toContain('Report');
    await expect(page.locator('main').textContent()).resolves.toContain('Browser grant');

    await page.screenshot({ path: join(tmpdir(), 'grantloop-report-form.png'), fullPage: true });
    // A first try with a missing answer shows what to fix, keeping what was typed.
    await page.getByLabel('Groups and organisations supported').fill('11');
    await page.getByLabel('Funding secured by the groups you supported').fill('8,400.25');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('needs an answer');
    expect(await page.getByLabel('Groups and organisations supported').inputValue()).toBe('11');

    await page
      .getByLabel('What difference did this grant make this year?')
      .fill('Eleven groups were helped to win funding for the first time.');
    await page.getByLabel('Anything we should know for next year?').fill('More demand from new groups in the north.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Thank you: your report has been sent');
    await page.screenshot({ path: join(tmpdir(), 'grantloop-report-confirmation.png') });
    await page.close();

    await stack.runtime.settle();
    const seen = (await report(f, reportId)) as unknown as {
      report: { status: string };
      submissions: { measures: Record<string, number>; questions: Record<string, string>; via: string }[];
    };
    expect(seen.report.status).toBe('submitted');
    expect(seen.submissions[0]).toMatchObject({
      via: 'link',
      measures: { 'groups-supported': 11, 'funding-secured': 840_025 },
      questions: { difference: 'Eleven groups were helped to win funding for the first time.' },
    });
  });
});
