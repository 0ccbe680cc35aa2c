import { beforeAll, describe, expect, it } from 'vitest';
import { fillIn, linksIn } from '../../infra/local/mailbox-links';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Consortium } from '../../shared/consortia/consortium';
import type { Tender } from '../../shared/tenders/tender';
import { advanceToMorning, contractBody, mailTo, register } from '../support/contract';
import { loadExample } from '../support/example';
import { award, type Fixture, inDays, lightAnswers, openLink, plan, postLink, scopeOf } from '../support/grant';
import { bid, fundedConsortium, linkTo, scored, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';
import { countHomeCalls, type ShownTask, whatNeeds } from './home-tasks';

/**
 * Item 3 of issue 24: with the example loaded, the clock moved through a tender's life and a
 * contract's, every kind of waiting work appears on "what needs me" for the right people, says
 * what, for whom and by when, links to where it is done, and goes once it is done.
 */
const { stack } = useTestStack();
let f: Awaited<ReturnType<typeof loadExample>>['f'];
let funders: SeededFunder[];
let fund: Fixture;
let tenderFund: Awaited<ReturnType<typeof fundedConsortium>>;
let reportId: string;
let t: Tender;

const TITLE = 'Wyvernshire infrastructure support';
const PROVIDER = { name: 'Harbour Arts Collective', email: 'hello@harbour-arts.example.org' };
const needs = (who: SeededFunder, href?: string) => whatNeeds(stack, who, href);
const shown = (tasks: ShownTask[]) => tasks.map(({ section, label, hint }) => ({ section, label, hint }));
/** What needs me shows `who` exactly the `expected` task for `href`, and nothing for it to each of `notFor`. */
const expectTask = async (who: SeededFunder, href: string, notFor: SeededFunder[], expected: Omit<ShownTask, 'href'>) => {
  expect(shown(await needs(who, href))).toEqual([expected]);
  for (const other of notFor) expect(await needs(other, href), other.org.name).toEqual([]);
};
const call = <T = unknown>(who: SeededFunder, method: string, path: string, body?: unknown) =>
  stack.api.call<T>(who.admin, method, path, body);

beforeAll(async () => {
  // The example up to 3 June 2026: three consortia, the pooled fund's rounds decided, three grants planned.
  ({ f } = await loadExample(stack, new Date('2026-06-03T12:00:00Z')));
  funders = [f.county, f.district, f.icb, f.harbourside, f.millbank, f.communityFoundation];
  // A second consortium of the same funders (county leads, the community foundation observes), £400,000 each in its pool.
  tenderFund = await fundedConsortium(stack, funders, 'Tender Fund', 40_000_000);
  const recipient = await stack.api.call<{ id: string; contactEmail: string; name: string }>(stack.admin, 'POST', '/organisations', {
    name: PROVIDER.name,
    kind: 'provider',
    identifier: 'GB-CHC-1199001',
    contactEmail: PROVIDER.email,
  });
  fund = { stack, lead: f.county, poolId: tenderFund.pool.id, consortiumId: tenderFund.consortium.id, recipient };
}, 300_000);

describe('what needs me, through a year of work', () => {
  it('a consortium to confirm waits on its lead’s admins, by the end of the 14 days, until confirmed', async () => {
    const coast = await call<Consortium>(f.icb, 'POST', '/consortia', {
      name: 'Coast Partnership',
      place: 'Wyvernshire coast',
      members: [
        { orgId: f.icb.org.id, role: 'lead' },
        { orgId: f.harbourside.org.id, role: 'member' },
      ],
    });
    await stack.runtime.settle();
    const href = `/app/consortia/${coast.id}`;
    await expectTask(f.icb, href, [f.harbourside], {
      section: 'Consortia awaiting your confirmation',
      label: 'Confirm Coast Partnership',
      hint: 'For NHS Wyvern Integrated Care Board in Coast Partnership. Your organisation leads it: it starts once you confirm, and lapses if nobody does. Confirm by 17 June 2026.',
    });
    await call(f.icb, 'POST', `/consortia/${coast.id}/confirm`);
    await stack.runtime.settle();
    expect(await needs(f.icb, href)).toEqual([]);
  });

  it('evidence for a condition waits on the lead, with the grant and its provider, until decided', async () => {
    const g = await award(fund, 'Harbour arts grant', 500_000);
    const planned = await plan(fund, g.id, {
      conditions: [{ description: 'A safeguarding policy adopted by the trustees', kind: 'before-first-payment' }],
      tranches: [{ amount: 500_000, dueDate: inDays(stack, 1) }],
      reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 20) },
    });
    reportId = (planned.reports[0] as { id: string }).id;
    const [asked] = await mailTo(stack, PROVIDER.email, /^Evidence needed before payment: Harbour arts grant$/);
    const sent = await fillIn(linksIn(asked, 'report')[0] as string, { text: 'Adopted by the trustees on 1 June.' });
    expect(sent.status).toBe(200);
    await stack.runtime.settle();
    const href = `/app/grants/${g.id}`;
    await expectTask(f.county, href, [f.district], {
      section: 'Conditions awaiting your decision',
      label: 'Decide: A safeguarding policy adopted by the trustees',
      hint: 'For Wyvernshire County Council in Tender Fund. Evidence received from Harbour Arts Collective for Harbour arts grant. Evidence received 3 June 2026.',
    });
    await call(f.county, 'POST', `/grants/${g.id}/conditions/C1/decision`, { outcome: 'met' });
    expect(await needs(f.county, href)).toEqual([]);
  });

  it('a round’s vote waits on each voting member’s officers until their organisation votes; never on an observer', async () => {
    const round = await call<{ id: string }>(f.county, 'POST', `/pools/${fund.poolId}/rounds`, { name: 'Summer round' });
    await stack.runtime.settle();
    const proposal = { recipientOrgId: fund.recipient.id, title: 'Arts outreach', amount: 100_000, currency: 'GBP', durationMonths: 12 };
    await call(f.district, 'POST', `/rounds/${round.id}/proposals`, proposal);
    await call(f.county, 'POST', `/rounds/${round.id}/close`);
    await stack.runtime.settle();
    const href = `/app/rounds/${round.id}`;
    const vote = (org: string) => ({
      section: 'Votes asked of your organisation',
      label: 'Vote: Summer round',
      hint: `For ${org} in Tender Fund. 1 proposal waits for your organisation's vote. Vote by 10 June 2026.`,
    });
    await expectTask(f.district, href, [f.communityFoundation], vote('Eastbrook District Council'));
    await call(f.district, 'POST', `/rounds/${round.id}/votes`, { decision: 'approve' });
    expect(await needs(f.district, href)).toEqual([]);
    await expectTask(f.icb, href, [], vote('NHS Wyvern Integrated Care Board'));
  });

  it('a tender’s sign-off waits on each funder’s officers until their organisation answers', async () => {
    // Questions by 12 June, bids by 1pm (London) on 22 June, evaluation by 30 June, award decision 2 July.
    const body = tenderBody(stack, funders, fund.poolId, { title: TITLE, days: [9, 19, 27, 29], scale: 200, lightTouch: false });
    t = await call<Tender>(f.county, 'POST', `/consortia/${fund.consortiumId}/tenders`, body);
    await call(f.county, 'POST', `/tenders/${t.id}/sign-off-request`);
    await stack.runtime.settle();
    const href = `/app/tenders/${t.id}`;
    const signOff = (org: string, amount: string) => ({
      section: 'Tenders to sign off',
      label: `Sign off: ${TITLE}`,
      hint: `For ${org} in Tender Fund. Approve or refuse the specification and your organisation's contribution of ${amount}. Sign off by 13 June 2026.`,
    });
    await expectTask(f.county, href, [], signOff('Wyvernshire County Council', '£300,000.00'));
    await expectTask(f.district, href, [f.communityFoundation], signOff('Eastbrook District Council', '£150,000.00'));
    await call(f.county, 'POST', `/tenders/${t.id}/sign-offs`, { decision: 'approve' });
    expect(await needs(f.county, href)).toEqual([]);
    expect(await needs(f.district, href)).toHaveLength(1);
    for (const x of funders.slice(1, 5)) await call(x, 'POST', `/tenders/${t.id}/sign-offs`, { decision: 'approve' });
    await stack.runtime.settle();
    expect(await needs(f.district, href)).toEqual([]);
    expect((await call<{ status: string }>(f.county, 'GET', `/tenders/${t.id}`)).status).toBe('published');
  });

  it('clarification questions wait on the lead’s officers while bids are open, until answered', async () => {
    const providers = [
      ['Eastbrook CVS', 'office@eastbrook-cvs.example.org', 'GB-CHC-1166001'],
      ['Northmoor Voluntary Action', 'hello@northmoor-va.example.org', 'GB-CHC-1166002'],
    ] as const;
    for (const [orgName, email, identifier] of providers)
      await call(f.county, 'POST', `/tenders/${t.id}/interest`, { orgName, email, identifier });
    const asking = await linkTo(stack, providers[1][1], /your links to bid/, 'question');
    const form = await openLink(asking);
    expect((await postLink(asking, { scope: scopeOf(form.html), question: 'Can lot 2 be delivered with a partner?' })).status).toBe(200);
    const href = `/app/tenders/${t.id}/clarifications`;
    await expectTask(f.county, href, [f.district], {
      section: 'Clarification questions to answer',
      label: `Answer 1 clarification question: ${TITLE}`,
      hint: 'For Wyvernshire County Council in Tender Fund. Every provider who registered interest is sent the answer; nobody learns who asked. Bids close 22 June 2026.',
    });
    const [question] = await call<{ id: string }[]>(f.county, 'GET', `/tenders/${t.id}/questions`);
    await call(f.county, 'POST', `/tenders/${t.id}/questions/${question?.id}/answer`, { answer: 'Yes, with a named lead partner.' });
    expect(await needs(f.county, href)).toEqual([]);
    // Two bids: one for lot 1, one for both lots; then the deadline opens them.
    expect((await bid(await linkTo(stack, providers[0][1], /your links to bid/), { 'org-support': { price: '560000' } })).status).toBe(200);
    const both = { 'org-support': { price: '590000' }, volunteering: { price: '280000' } };
    expect((await bid(await linkTo(stack, providers[1][1], /your links to bid/), both)).status).toBe(200);
    await stack.runtime.advanceTo(new Date('2026-06-22T12:00:00Z'));
    await stack.runtime.settle();
  });

  it('bids wait on each panel member until they score each one or declare a conflict in it', async () => {
    const href = `/app/tenders/${t.id}/bids`;
    const score = (n: string) => ({
      section: 'Bids to score',
      label: `Score ${n}: ${TITLE}`,
      hint: 'For you, on the evaluation panel of Tender Fund. Score each bid against the criteria, or declare a conflict of interest in it. Score by 30 June 2026.',
    });
    await expectTask(f.county, href, [], score('3 bids'));
    await expectTask(f.district, href, [f.icb], score('3 bids'));
    const { lots } = await call<{ lots: { ranking: { bidId: string }[] }[] }>(f.county, 'GET', `/tenders/${t.id}/evaluation`);
    const [first, ...rest] = lots.flatMap((l) => l.ranking.map((r) => r.bidId));
    await call(f.district, 'POST', `/tenders/${t.id}/conflicts`, { bidId: first });
    for (const b of rest) await call(f.district, 'POST', `/tenders/${t.id}/scores`, { bidId: b, ...scored(60, 70) });
    expect(await needs(f.district, href)).toEqual([]);
    for (const b of rest) await call(f.county, 'POST', `/tenders/${t.id}/scores`, { bidId: b, ...scored(80, 70) });
    await expectTask(f.county, href, [], score('1 bid'));
    await call(f.county, 'POST', `/tenders/${t.id}/scores`, { bidId: first, ...scored(75, 75) });
    expect(await needs(f.county, href)).toEqual([]);
  });

  it('the award waits on each funder until it votes or the tally is decided; then a challenge waits on the lead', async () => {
    await call(f.county, 'POST', `/tenders/${t.id}/evaluation`);
    await stack.runtime.settle();
    const href = `/app/tenders/${t.id}/award`;
    const vote = (org: string) => ({
      section: 'Tender awards to vote on',
      label: `Vote on the award: ${TITLE}`,
      hint: `For ${org} in Tender Fund. The panel's recommendation for 2 lots waits for your organisation's vote. Vote by 2 July 2026.`,
    });
    await expectTask(f.icb, href, [f.communityFoundation], vote('NHS Wyvern Integrated Care Board'));
    // A third of the money approves: still open. With the district, a half: decided, so nobody else is asked.
    await call(f.county, 'POST', `/tenders/${t.id}/award-votes`, { decision: 'approve' });
    expect(await needs(f.county, href)).toEqual([]);
    await expectTask(f.icb, href, [], vote('NHS Wyvern Integrated Care Board'));
    await call(f.district, 'POST', `/tenders/${t.id}/award-votes`, { decision: 'approve' });
    await stack.runtime.settle();
    expect(await needs(f.icb, href)).toEqual([]);
    // Eight working days beginning Monday 22 June end on Wednesday 1 July.
    const challenge = await call<{ challenges: { id: string }[] }>(f.county, 'POST', `/tenders/${t.id}/challenges`, {
      lotId: 'volunteering',
      grounds: 'The evaluation misread our delivery plan.',
    });
    await expectTask(f.county, href, [f.district], {
      section: 'Challenges to resolve',
      label: `Resolve the challenge: Volunteering support, ${TITLE}`,
      hint: "For Wyvernshire County Council in Tender Fund. The lot's award waits until the challenge is dismissed or upheld. Standstill ends 1 July 2026.",
    });
    const resolution = { outcome: 'dismissed', resolution: 'The panel re-read the plan; the scores stand.' };
    await call(f.county, 'POST', `/tenders/${t.id}/challenges/${challenge.challenges[0]?.id}/resolution`, resolution);
    expect(await needs(f.county, href)).toEqual([]);
  });

  it('an overdue report waits on everyone in the consortium until it is sent; then its review waits on the lead', async () => {
    await stack.runtime.advanceTo(new Date('2026-07-01T23:00:01Z'));
    await stack.runtime.settle();
    const href = `/app/reports/${reportId}`;
    const overdue = (org: string) => ({
      section: 'Overdue reports',
      label: 'Overdue: Report on Harbour arts grant',
      hint: `For ${org} in Tender Fund. Not yet sent by Harbour Arts Collective. Was due 23 June 2026.`,
    });
    await expectTask(f.district, href, [], overdue('Eastbrook District Council'));
    await expectTask(f.communityFoundation, href, [], overdue('Wyvern Community Foundation'));
    const latest = (await mailTo(stack, PROVIDER.email, /Harbour arts grant$/)).filter((e) => linksIn(e, 'report').length).at(-1);
    const url = linksIn(latest, 'report')[0] as string;
    expect((await postLink(url, lightAnswers(scopeOf((await openLink(url)).html)))).status).toBe(200);
    await stack.runtime.settle();
    expect(await needs(f.district, href)).toEqual([]);
    await expectTask(f.county, href, [], {
      section: 'Reports awaiting your review',
      label: 'Review: Report on Harbour arts grant',
      hint: 'For Wyvernshire County Council in Tender Fund. Sent by Harbour Arts Collective and waiting for your review. Report due 23 June 2026.',
    });
    await call(f.county, 'POST', `/reports/${reportId}/review`, { decision: 'accept' });
    await stack.runtime.settle();
    expect(await needs(f.county, href)).toEqual([]);
  });

  it('a contract’s red milestone, then its evidence, then a KPI rating due wait on the council’s officers until done', async () => {
    await advanceToMorning(stack, '2026-07-02', 0);
    const supplier = 'youth-hub@wyvern-va.example.org';
    const c = await register(stack, f.county, contractBody(stack, 'Youth hub support', [10, 120], supplier));
    // Its alerts are scheduled from the registration's event.
    await stack.runtime.settle();
    const href = `/app/contracts/${c.id}/milestones`;
    const forCounty = "For Wyvernshire County Council's contracts.";
    await advanceToMorning(stack, '2026-07-02', 11);
    // The county's officers see it; another council's see nothing of it.
    await expectTask(f.county, href, [f.district], {
      section: 'Overdue milestones',
      label: 'Overdue: Milestone 1 of Youth hub support',
      hint: `${forCounty} No evidence yet from Wyvern Voluntary Action for Youth hub support. Was due 12 July 2026.`,
    });
    const alert = (await mailTo(stack, supplier, /Milestone 1 of Youth hub support/)).filter((e) => linksIn(e, 'milestone').length).at(-1);
    expect((await fillIn(linksIn(alert, 'milestone')[0] as string, { text: 'Twelve groups supported; list attached.' })).status).toBe(200);
    await stack.runtime.settle();
    await expectTask(f.county, href, [], {
      section: 'Milestone evidence to decide',
      label: 'Decide: Milestone 1 of Youth hub support',
      hint: `${forCounty} Wyvern Voluntary Action sent evidence for Youth hub support. Was due 12 July 2026.`,
    });
    await call(f.county, 'POST', `/contracts/${c.id}/milestones/M1/decision`, { status: 'met' });
    expect(await needs(f.county, href)).toEqual([]);
    // 1 October: the July–September quarter is complete, and the contract ran in it.
    await advanceToMorning(stack, '2026-07-02', 91);
    await expectTask(f.county, `/app/contracts/${c.id}/kpis`, [], {
      section: 'KPI ratings due',
      label: 'Rate Groups supported: Youth hub support',
      hint: `${forCounty} For 1 July 2026 to 30 September 2026, against its target: 120 a year. Rate by 31 October 2026.`,
    });
    const period = { startDate: '2026-07-02', endDate: '2026-09-30' };
    await call(f.county, 'POST', `/contracts/${c.id}/kpis/K1/ratings`, { period, rating: 'good' });
    expect(await needs(f.county, `/app/contracts/${c.id}/kpis`)).toEqual([]);
  }, 240_000);

  it('reads by the consortia and councils the person belongs to, never by grant: three more grants, the same DynamoDB calls', async () => {
    const withEvidence = async (title: string) => {
      const g = await award(fund, title, 100_000);
      await plan(fund, g.id, {
        conditions: [{ description: `Accounts for ${title}`, kind: 'before-first-payment' }],
        tranches: [{ amount: 100_000, dueDate: inDays(stack, 30) }],
        reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 90) },
      });
      const [asked] = await mailTo(stack, PROVIDER.email, new RegExp(`^Evidence needed before payment: ${title}$`));
      expect((await fillIn(linksIn(asked, 'report')[0] as string, { text: 'Audited.' })).status).toBe(200);
      await stack.runtime.settle();
    };
    const decisions = async () =>
      (await needs(f.county)).filter((x) => x.section === 'Conditions awaiting your decision').map((x) => x.label);
    const counter = countHomeCalls(stack);
    try {
      await withEvidence('Grant A');
      expect(await decisions()).toEqual(['Decide: Accounts for Grant A']);
      for (const title of ['Grant B', 'Grant C', 'Grant D']) await withEvidence(title);
      expect((await decisions()).sort()).toEqual(['A', 'B', 'C', 'D'].map((x) => `Decide: Accounts for Grant ${x}`));
      // Worked out by hand. The page's frame: the session, the user by email (2), their memberships, their
      // organisations (5). What needs me: the consortia of the county's one organisation and its organisations
      // (2); its two consortia (2); in each, reports submitted, overdue and very late, the pools, the conditions
      // to decide, the tenders, and the one pool's rounds (7 × 2); the county's contracts (1); the providers'
      // names (1). Nothing is read per grant, and no tender or round is in a stage that waits on anyone.
      expect(counter.calls).toEqual([25, 25]);
    } finally {
      counter.stop();
    }
  });
});
