import { describe, expect, it } from 'vitest';
import { linksIn } from '../../infra/local/mailbox-links';
import { openEmailedLink } from '../support/browser';
import { contractAlerted, getContract, mailTo } from '../support/contract';
import { useTestStack } from '../support/use-stack';

const { stack, funder, browser } = useTestStack({ seed: true, browser: true });
const council = () => funder(0);

describe('a supplier sends milestone evidence from the alert email, in a real browser with JavaScript off', () => {
  it('opens the link, is told what to fix, sends the evidence; the council sees it', async () => {
    const supplier = 'browser@wyvern-va.example.org';
    const c = await contractAlerted(stack, council(), 'Browser contract', supplier);
    // Registered after its 14-day alert time, it had that alert the next morning; the 3-day one's link replaces it.
    const alerts = await mailTo(stack, supplier, /^Coming up: Milestone 1 of Browser contract/);
    expect(alerts.map((a) => a.body.text?.match(/\(in \d+ days\)/)?.[0])).toEqual(['(in 9 days)', '(in 3 days)']);
    const alert = alerts.at(-1);
    const url = linksIn(alert, 'milestone')[0] as string;

    const page = await openEmailedLink(browser, url);
    await expect(page.locator('h1').textContent()).resolves.toBe('Evidence for a milestone');
    await expect(page.locator('main').textContent()).resolves.toContain('A list of the groups and their reviews.');

    await page.getByRole('button', { name: 'Send evidence' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Say what you delivered');
    await page.getByLabel(/What you delivered/).fill('Ten governance reviews, listed in the report.');
    await page.getByLabel(/A web link/).fill('http://wyvern-va.example.org/reviews');
    await page.getByRole('button', { name: 'Send evidence' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('should start with https://');
    expect(await page.getByLabel(/What you delivered/).inputValue()).toBe('Ten governance reviews, listed in the report.');
    await page.getByLabel(/A web link/).fill('https://wyvern-va.example.org/reviews');
    await page.getByRole('button', { name: 'Send evidence' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Thank you: your evidence has been sent');
    await page.close();

    await stack.runtime.settle();
    expect(await mailTo(stack, council().org.contactEmail, /^Evidence to decide: Milestone 1 of Browser contract/)).toHaveLength(1);
    const m1 = (await getContract(stack, council(), c.id)).milestones[0];
    expect(m1?.evidence).toMatchObject({
      text: 'Ten governance reviews, listed in the report.',
      url: 'https://wyvern-va.example.org/reviews',
      via: 'link',
    });
  });
});
