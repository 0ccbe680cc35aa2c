import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { getContract } from './contract';
import type { TestStack } from './stack';
import { getTender } from './tender';
import { HARBOUR, WVA } from './tender-walk';
import type { walk } from './walk';

/**
 * Forms issue 25's tender walk fills after the bids are in: a scorer's form on a bid's card, and
 * the contract's "Add milestones and KPIs" journey, as a person types them with JavaScript off;
 * then what the walk left, read back by the API once it is over.
 */
type Walk = ReturnType<typeof walk>;

/** A bid's card on the bids page, with its answers and the scorer's forms (each provider bids for one lot in the walk). */
export const bidCard = (page: Page, provider: string) => page.locator('.govuk-inset-text', { hasText: provider });

/** A scorer's two quality scores for a bid, each with its reason, saved from the bid's card. */
export async function score(page: Page, provider: string, local: string, delivery: string) {
  const card = bidCard(page, provider);
  for (const [criterion, value] of [
    ['Local knowledge and relationships', local],
    ['Delivery plan', delivery],
  ] as const) {
    await card.getByLabel(`${criterion}: your score (0 to 100)`).fill(value);
    await card.getByLabel(`${criterion}: why you gave this score`).fill(`${criterion}: ${value}, against the published criteria.`);
  }
  await card.getByRole('button', { name: `Save my scores for ${provider}` }).click();
  await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Your scores are recorded');
}

/** The milestones the council adds to the awarded contract, due within its term (from 27 June 2026). */
export const MILESTONES = [
  ['Governance reviews for ten groups', '2026-09-30'],
  ['First year report', '2027-06-30'],
] as const;

/** From the contract's milestones page: "Add milestones and KPIs", two milestones and a KPI, the reason, check and add. */
export async function addMilestonesAndKpi(w: Walk, page: Page) {
  const { link, answer, button, panel } = w;
  await link(page, 'Add milestones and KPIs');
  for (const [title, due] of MILESTONES) {
    const milestone = {
      'Milestone title': title,
      'Delivery: something the supplier provides': true,
      'Due date': { date: due },
      'What the supplier delivers': `${title}, as the specification sets out.`,
      'Evidence asked for': 'The list of groups and what was done with each.',
    } as const;
    await answer(page, milestone, 'Add milestone');
  }
  await button(page, 'Continue');
  await answer(page, { 'KPI name': 'Groups supported', Target: '120 a year' }, 'Add KPI');
  await button(page, 'Continue');
  await answer(page, { 'Reason for the change': 'Set after the award, as the specification asked.' }, 'Continue');
  await expect(page.locator('main').textContent()).resolves.toContain('Groups supported: 120 a year');
  await button(page, 'Add them to the contract');
  await expect(panel(page)).resolves.toContain('Milestones and KPIs added');
}

/** What the walk left, read back by the API after it: each value worked out by hand from what was typed. */
export async function whatTheWalkLeft(
  stack: TestStack,
  f: { county: SeededFunder; icb: SeededFunder; millbank: SeededFunder },
  tenderId: string,
  contractId: string,
) {
  const t = await getTender(stack, f.county, tenderId);
  // Typed as London summer times: an hour ahead of UTC.
  expect(t.dates).toEqual({
    clarificationDeadline: '2026-06-10T11:00:00.000Z',
    submissionDeadline: '2026-06-17T16:00:00.000Z',
    evaluationEnd: '2026-06-24T11:00:00.000Z',
    awardDecision: '2026-07-01T11:00:00.000Z',
  });
  expect(t).toMatchObject({
    status: 'awarded',
    attempt: 2,
    standstill: { kind: 'voluntary', workingDays: 8, startsOn: '2026-06-17', endsOn: '2026-06-26', endsAt: '2026-06-26T23:00:00.000Z' },
  });
  expect(t.funders.map((x) => [x.orgId, x.amount]).sort()).toEqual(
    [
      [f.county.org.id, 35_000_000],
      [f.icb.org.id, 22_500_000],
      [f.millbank.org.id, 10_000_000],
    ].sort(),
  );
  expect(t.outcomes.map((o) => [o.lotId, o.status, o.winner?.orgName, o.winner?.price])).toEqual([
    ['organisational-support', 'awarded', WVA.name, 43_000_000],
    ['volunteering-support', 'awarded', HARBOUR.name, 21_500_000],
  ]);
  // Eastbrook's bid: the ICB's scorer declared a conflict, so only the county's score counts; its delivery score was moderated.
  // Lot 1 had two bids: the winner's (Wyvern Voluntary Action's) first, then Eastbrook's.
  const lot1 = t.outcomes[0];
  expect(lot1?.ranking?.map((r) => r.bidId)).toEqual([`${lot1?.winner?.interestId}.organisational-support`, expect.any(String)]);
  const eastbrook = lot1?.ranking?.[1];
  expect(eastbrook?.perCriterion).toEqual({
    'local-knowledge-and-relationships': { score: 70, scorers: 1, moderated: false },
    'delivery-plan': { score: 65, scorers: 1, moderated: true },
    // Price scored against the lowest price bid for the lot, £430,000 against Eastbrook's £440,000, to two places.
    price: { score: Math.round((430_000 / 440_000) * 10_000) / 100, scorers: 0, moderated: false },
  });
  const c = await getContract(stack, f.county, contractId);
  expect(c).toMatchObject({
    value: 43_000_000,
    supplier: { name: WVA.name, email: WVA.email },
    source: { kind: 'tender', tenderId, lotId: 'organisational-support' },
    period: { startDate: '2026-06-27' },
  });
  expect(c.milestones.map((m) => [m.id, m.title, m.dueDate, m.status, m.dateMet])).toEqual([
    ['M1', MILESTONES[0][0], MILESTONES[0][1], 'met', '2026-06-27'],
    ['M2', MILESTONES[1][0], MILESTONES[1][1], 'scheduled', undefined],
  ]);
  expect(c.kpis.map((k) => [k.name, k.target])).toEqual([['Groups supported', '120 a year']]);
}
