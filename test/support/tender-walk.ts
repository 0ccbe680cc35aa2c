import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { financialYearOf, type Pledge } from '../../shared/pools/pledge';
import { loadExample } from './example';
import type { TestStack } from './stack';
import type { walk } from './walk';

/**
 * The example consortium made ready for issue 25's tender walk (by the API, before the walk
 * starts), and the drafting of the tender through its task list, as the walk's lead types it.
 */

export const TITLE = 'Wyvernshire infrastructure support 2026–2029';
export const POOL = 'Wyvernshire Local Infrastructure Pool';
/** The providers invited: one already on grantloop (the example's), two added by name and email. */
export const WVA = { name: 'Wyvern Voluntary Action', email: 'hello@wva.example.org' };
export const EASTBROOK = { name: 'Eastbrook CVS', email: 'office@eastbrook-cvs.example.org' };
export const HARBOUR = { name: 'Harbour Volunteers', email: 'bids@harbour-volunteers.example.org' };
/** Lot 1's grant and contract, named after the tender and the lot. */
export const CONTRACT = `${TITLE}: Organisational support`;
/**
 * £675,000 of infrastructure support, a light-touch service: above the £663,540 light-touch
 * threshold, with a voluntary standstill of eight working days (the mandatory one applies only
 * above the goods-and-services threshold), so the walk's award waits for a standstill.
 */
export const LOTS = [
  { title: 'Organisational support', value: '450,000', scope: 'Governance, funding and development' },
  { title: 'Volunteering support', value: '225,000', scope: 'Volunteer recruitment and brokerage' },
] as const;

/**
 * The example up to Wednesday 3 June 2026 (its consortia confirmed, the pooled fund's rounds
 * decided), then the three members who fund the tender put more core money into the pool: the
 * example's own core money (some £100,000 left) is far short of a tender above the light-touch
 * threshold. The district's and the Harbourside Trust's money is restricted and cannot fund it.
 */
export async function readyExample(stack: TestStack) {
  const example = await loadExample(stack, new Date('2026-06-03T12:00:00Z'));
  const { f } = example;
  const poolId = example.pooled.poolId;
  const on = stack.clock.now().toISOString().slice(0, 10);
  for (const [who, amount] of [
    [f.county, 35_000_000],
    [f.icb, 22_500_000],
    [f.millbank, 15_000_000],
  ] as const) {
    const p = await stack.api.call<Pledge>(who.admin, 'POST', `/pools/${poolId}/pledges`, {
      funderOrgId: who.org.id,
      currency: 'GBP',
      years: [{ financialYear: financialYearOf(stack.clock.now()), amount }],
      restriction: { kind: 'core' },
    });
    await stack.api.call(f.county.admin, 'POST', `/pools/${poolId}/pledges/${p.id}/contributions`, {
      amount,
      currency: 'GBP',
      receivedOn: on,
    });
  }
  await stack.runtime.settle();
  return { f, consortium: example.final.wyvern };
}

type Walk = ReturnType<typeof walk>;

/** A date-and-time input's five boxes, in the group its legend names: [day, month, year, hour, minute] on the London clock. */
export async function moment(page: Page, legend: string, boxes: [string, string, string, string, string]) {
  const group = page.getByRole('group', { name: legend, exact: true });
  for (const [i, box] of ['Day', 'Month', 'Year', 'Hour', 'Minute'].entries()) await group.getByLabel(box).fill(boxes[i] as string);
}

/** The lead drafts the tender through the task list: every task, then check and create. */
export async function draftTender(w: Walk, page: Page, f: { county: SeededFunder; icb: SeededFunder; millbank: SeededFunder }) {
  const { link, button, answer, pick, h1 } = w;
  await link(page, 'Title and description');
  const description = 'Support for the voluntary and community sector across Wyvernshire, in two lots, for three years.';
  await answer(page, { Title: TITLE, Description: description }, 'Continue');

  await link(page, 'Regime and procedure');
  const regime = {
    'Open procedure': true,
    'Light touch: social and other specified services': true,
    'Sub-central': true,
    'Advertised with a tender notice': true,
    'Voluntary standstill (optional)': '8',
  } as const;
  await answer(page, regime, 'Continue');

  await link(page, 'Lots');
  for (const lot of LOTS)
    await answer(
      page,
      { 'Lot title': lot.title, 'Value of the lot': lot.value, 'What it does': true, 'Place or service': lot.scope },
      'Add lot',
    );
  await button(page, 'Continue');

  await link(page, 'Criteria and weights');
  for (const [title, kind, weight] of [
    ['Local knowledge and relationships', 'Quality', '50'],
    ['Delivery plan', 'Quality', '20'],
    ['Price', 'Price', '30'],
  ] as const)
    await answer(page, { Criterion: title, [kind]: true, Weight: weight }, 'Add criterion');
  await button(page, 'Continue');

  // On the London clock (summer time): questions until noon on 10 June, bids until 5pm on 17 June.
  await link(page, 'Key dates');
  await moment(page, 'Clarification deadline', ['10', '6', '2026', '12', '00']);
  await moment(page, 'Submission deadline', ['17', '6', '2026', '17', '00']);
  await moment(page, 'End of evaluation', ['24', '6', '2026', '12', '00']);
  await moment(page, 'Award decision', ['1', '7', '2026', '12', '00']);
  await button(page, 'Continue');

  await link(page, 'Documents');
  await answer(
    page,
    { 'Document title': 'Specification', Link: 'https://wyvernshire.example.org/tenders/infrastructure-spec.pdf' },
    'Add document',
  );
  await button(page, 'Continue');

  await fund(w, page, f, ['300,000', '225,000', '150,000']);

  await link(page, 'Evaluation panel');
  for (const who of [f.county, f.icb]) await pick(page, `${who.admin.name}, ${who.org.name}`);
  await button(page, 'Continue');

  await link(page, 'Check and create the draft');
  await expect(h1(page)).resolves.toContain('Check');
  await button(page, 'Create the draft');
  await expect(w.panel(page)).resolves.toContain('Draft tender created');
  await link(page, 'Go to the tender');
}

/** The funding task: the pool, and what the county, the ICB and the Millbank Foundation each put in (pounds). */
export async function fund(
  w: Walk,
  page: Page,
  f: { county: SeededFunder; icb: SeededFunder; millbank: SeededFunder },
  amounts: [string, string, string],
) {
  await w.link(page, 'Funding from the pool');
  await w.pick(page, POOL);
  for (const [i, who] of [f.county, f.icb, f.millbank].entries())
    await w.fill(page, `Contribution from ${who.org.name}`, amounts[i] as string);
  await w.button(page, 'Continue');
}
