import { describe, expect, it } from 'vitest';
import { linksIn, openLink } from '../../infra/local/mailbox-links';
import { nextLondonNine } from '../../shared/contracts/alerts';
import { axeOn } from '../support/axe';
import { mailTo } from '../support/contract';
import { inDays } from '../support/grant';
import { useTestStack } from '../support/use-stack';
import { walk } from '../support/walk';

/**
 * Issue 25's second acceptance test: a council registers a contract from scratch on the pages, in
 * Chromium with JavaScript off (no JSON API, no bearer token), with a milestone already overdue;
 * the supplier gets its link by the next 09:00 London, and not before.
 */
const { stack, funder, browser } = useTestStack({ seed: true, browser: true });
const council = () => funder(0);
let contractId = '';
const w = walk(
  () => stack,
  () => browser,
);

describe('a contract registered on the pages', () => {
  it('with a milestone already overdue: the supplier is emailed its link at the next 09:00 London', async () => {
    const supplier = 'registered-in-browser@wyvern-va.example.org';
    const page = await w.as({ staff: council().admin });
    const { button, link, fill, pick, date, step, panel } = w;

    await step('opens the contracts and starts', page, async () => {
      await link(page, 'Contracts');
      await link(page, 'Register a contract');
      expect(await page.locator('h1').textContent()).toBe('Register a contract');
    });
    await step('the contract', page, async () => {
      await link(page, 'Contract details');
      await fill(page, 'Contract title', 'Hubs in the browser');
      await fill(page, 'Value', '12,000');
      await date(page, 'Start date', inDays(stack, -30));
      await date(page, 'End date', inDays(stack, 335));
      await pick(page, 'Yes, it is signed');
      await button(page, 'Continue');
    });
    await step('the supplier', page, async () => {
      await link(page, 'Supplier');
      await fill(page, 'Supplier name', 'Wyvern Voluntary Action');
      await fill(page, 'Supplier email address', supplier);
      await button(page, 'Continue');
    });
    await step('the money', page, async () => {
      await link(page, 'Where the money comes from');
      await button(page, 'Continue');
    });
    await step('the payments', page, async () => {
      await link(page, 'Payment schedule');
      await fill(page, 'Amount', '12000');
      await date(page, 'Payment date', inDays(stack, 60));
      await button(page, 'Add payment');
      await button(page, 'Continue');
    });
    await step('the milestones, one overdue', page, async () => {
      await link(page, 'Milestones');
      await button(page, 'Add milestone');
      // Nothing typed: told what to fix, on the same page.
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter the milestone title');
      for (const [title, due] of [
        ['Hub opened', -3],
        ['First report', 90],
      ] as const) {
        await fill(page, 'Milestone title', title);
        await pick(page, 'Delivery: something the supplier provides');
        await date(page, 'Due date', inDays(stack, due));
        await fill(page, 'What the supplier delivers', `${title}, as agreed.`);
        await fill(page, 'Evidence asked for', 'Photographs and the opening list.');
        await button(page, 'Add milestone');
      }
      await button(page, 'Continue');
    });
    await step('a KPI', page, async () => {
      await link(page, 'KPIs');
      await fill(page, 'KPI name', 'Groups supported');
      await fill(page, 'Target', '40 a year');
      await button(page, 'Add KPI');
      await button(page, 'Continue');
    });
    await step('checks and registers', page, async () => {
      await link(page, 'Check and register the contract');
      await button(page, 'Register the contract');
      expect(await panel(page)).toBe('Contract registered');
    });
    await step('sees the overdue milestone', page, async () => {
      await link(page, 'Go to the contract');
      contractId = new URL(page.url()).pathname.split('/').at(-1) as string;
      await page.getByRole('navigation', { name: 'Contract' }).getByRole('link', { name: 'Milestones' }).click();
      expect(await page.locator('[aria-current="page"]', { hasText: 'Milestones' }).count()).toBe(1);
      await expect(page.locator('main').textContent()).resolves.toContain('overdue by 3 days');
    });
    // Pages only: no request to the JSON API, none with a bearer token.
    expect(w.requests.filter((r) => r.auth)).toEqual([]);
    expect(w.requests.filter((r) => !/^\/(app|sign-in|assets)(\/|$)/.test(r.path))).toEqual([]);

    await stack.runtime.settle();
    const nine = nextLondonNine(stack.clock.now());
    await stack.runtime.advanceTo(new Date(nine.getTime() - 60_000));
    await stack.runtime.settle();
    expect(await mailTo(stack, supplier, /Hub opened/)).toHaveLength(0);
    await stack.runtime.advanceTo(nine);
    await stack.runtime.settle();
    const [alert] = await mailTo(stack, supplier, /Hub opened/);
    expect(alert?.subject).toMatch(/^Overdue: /);
    expect((await openLink(linksIn(alert, 'milestone')[0] as string)).status).toBe(200);
    expect(await mailTo(stack, supplier, /First report/)).toHaveLength(0);
    console.log(w.report());
  });

  it('has no serious or critical accessibility violation on the contract journeys and sub-pages, errors showing or not', async () => {
    const page = await browser.newPage({ javaScriptEnabled: true });
    await w.signIn(page, council().admin.email);
    const base = stack.runtime.apiUrl;
    const contracts = `/app/councils/${council().org.id}/contracts`;
    const pages = [
      contracts,
      `${contracts}/new`,
      ...['contract', 'supplier', 'funding', 'payments', 'milestones', 'kpis', 'check'].map((q) => `${contracts}/new?page=${q}`),
      `/app/councils/${council().org.id}/contract-policy`,
      ...['', '/milestones', '/kpis', '/payments'].map((part) => `/app/contracts/${contractId}${part}`),
      ...['milestones/new?page=milestones', 'milestones/new?page=kpis', 'amendments/new?page=change', 'status'].map(
        (rest) => `/app/contracts/${contractId}/${rest}`,
      ),
    ];
    const found: string[] = [];
    for (const path of pages) {
      // The check page of an empty draft shows what is unanswered (400); every other page is there (200).
      expect((await page.goto(`${base}${path}`))?.status(), path).toBe(path.endsWith('?page=check') ? 400 : 200);
      for (const v of await axeOn(page)) found.push(`${path}: ${v}`);
      // A question sent empty shows its errors: checked too.
      const form = page.locator('main form[id$="-form"]');
      if (await form.count()) {
        await form
          .getByRole('button', { name: /^Add |^Continue$/ })
          .first()
          .click();
        for (const v of await axeOn(page)) found.push(`${path} with errors: ${v}`);
      }
    }
    expect(found).toEqual([]);
    await page.close();
  });
});
