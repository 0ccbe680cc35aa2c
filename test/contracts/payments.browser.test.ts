import { beforeAll, describe, expect, it } from 'vitest';
import { londonTime } from '../../shared/platform/london-time';
import { axeOn } from '../support/axe';
import { signedInPage } from '../support/browser';
import { type ContractView, contractBody, register } from '../support/contract';
import { useTestStack } from '../support/use-stack';

const { stack, funder, browser } = useTestStack({ seed: true, browser: true });
const council = () => funder(0);
let contract: ContractView;

beforeAll(async () => {
  contract = await register(stack, council(), {
    ...contractBody(stack, 'Browser payments contract', []),
    value: 6_000_000,
    period: { startDate: '2026-04-01', endDate: '2027-03-31' },
    payments: [
      { dueDate: '2026-12-01', amount: 3_500_000 },
      { dueDate: '2027-01-15', amount: 2_500_000 },
    ],
    regime: 'light-touch',
  });
  await stack.runtime.advanceTo(londonTime('2027-01-20', '09:00'));
  await stack.runtime.settle();
});

const signedIn = (javaScriptEnabled: boolean) => signedInPage(browser, stack, council(), javaScriptEnabled);

describe('payments on the contract page, in a real browser', () => {
  it('records an invoice with the date input and JavaScript off: told what to fix, then the day to pay by', async () => {
    const page = await signedIn(false);
    await page.goto(`${stack.runtime.apiUrl}/app/contracts/${contract.id}`);
    await page.getByRole('navigation', { name: 'Contract' }).getByRole('link', { name: 'Payments' }).click();
    const form = page.locator('form', { has: page.locator('input[name="payment"][value="P1"]') });
    await form.getByRole('button', { name: 'Record the invoice' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter the date the invoice was received');
    await page.locator('#receivedOn-P1-day').fill('5');
    await page.locator('#receivedOn-P1-month').fill('12');
    await page.locator('#receivedOn-P1-year').fill('2026');
    await page
      .locator('form', { has: page.locator('input[name="payment"][value="P1"]') })
      .getByRole('button', { name: 'Record the invoice' })
      .click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('The invoice is recorded');
    await expect(page.locator('main').textContent()).resolves.toContain('Payment P1 (£35,000.00), to pay by 3 January 2027');
    await expect(page.locator('strong.govuk-tag', { hasText: 'Overdue by 17 days' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('has no serious or critical accessibility violation on the contract page (with an error shown) or the payments page', async () => {
    const page = await signedIn(true);
    const found: string[] = [];
    await page.goto(`${stack.runtime.apiUrl}/app/contracts/${contract.id}`);
    found.push(...(await axeOn(page)).map((v) => `contract: ${v}`));
    await page.goto(`${stack.runtime.apiUrl}/app/contracts/${contract.id}/payments`);
    found.push(...(await axeOn(page)).map((v) => `contract's payments: ${v}`));
    await page
      .locator('form', { has: page.locator('input[name="payment"][value="P2"]') })
      .getByRole('button', { name: 'Record the invoice' })
      .click();
    found.push(...(await axeOn(page)).map((v) => `contract with an error: ${v}`));
    await page.goto(`${stack.runtime.apiUrl}/app/councils/${council().org.id}/payments?period=2026-10-01`);
    found.push(...(await axeOn(page)).map((v) => `payments: ${v}`));
    expect(found).toEqual([]);
    await page.close();
  });
});
