import { beforeAll, describe, expect, it } from 'vitest';
import { fillIn } from '../../infra/local/mailbox-links';
import type { Organisation } from '../../shared/consortia/organisation';
import type { Tender } from '../../shared/tenders/tender';
import { errorSummary, type PageClient, signInAs } from '../support/pages';
import { aboveThreshold, bid, fundedConsortium, getTender, linkTo, publishedTender, scored, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * Issue 25's tender forms over plain HTTP, as a browser without JavaScript uses them: inviting a
 * provider (one on grantloop, one added on the way), the lead's staff emailed when a question
 * arrives, recording and resolving a challenge on the award page, each bidder told the outcome
 * of each lot, and cancelling a tender after "Are you sure".
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let setup: Awaited<ReturnType<typeof fundedConsortium>>;
let eastbrook: Organisation;
let t: Tender;
const FUND = 'Forms Tender Fund';
const TITLE = 'Forms tender';
const OFFICER = { name: 'Priya Shah', email: 'priya.shah@wyvernshire.example.org' };
const VIEWER = { name: 'Tom Reed', email: 'tom.reed@wyvernshire.example.org' };
const NORTHMOOR = 'hello@northmoor-va.example.org';
const post = async (c: PageClient, path: string, fields: Record<string, string>) => c.post(path, { ...fields, csrf: await c.csrf() });
const at = (sub = '') => `/app/tenders/${t.id}${sub}`;

beforeAll(async () => {
  setup = await fundedConsortium(stack, funders, FUND, 40_000_000);
  eastbrook = await stack.api.call<Organisation>(stack.admin, 'POST', '/organisations', {
    name: 'Eastbrook CVS',
    kind: 'provider',
    identifier: 'GB-CHC-1066001',
    contactEmail: 'office@eastbrook.example.org',
  });
  for (const [who, role] of [
    [OFFICER, 'officer'],
    [VIEWER, 'viewer'],
  ] as const)
    await stack.api.call(f(0).admin, 'POST', `/organisations/${f(0).org.id}/members`, { ...who, role });
  // £900,000 of goods and services: above the threshold, so a mandatory standstill of eight working days.
  const body = tenderBody(stack, funders, setup.pool.id, { title: TITLE, days: [2, 4, 6, 8], ...aboveThreshold });
  t = await publishedTender(stack, funders, body);
});

describe('tender forms', () => {
  it('the lead invites a provider on grantloop and one added on the way; mistakes are named by their labels and write nothing', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    const member = await signInAs(stack, f(2).admin.email);
    const overview = (await lead.get(at())).html;
    expect(overview).toContain('Invite a provider');
    expect(overview).toContain(`value="${eastbrook.id}"`);
    expect((await member.get(at())).html).not.toContain('Invite a provider');

    const before = await stack.itemCount();
    const none = await post(lead, at(), { action: 'invite' });
    expect(none.status).toBe(400);
    expect(errorSummary(none.html)).toEqual([['provider', 'Select a provider, or choose to add one that is not listed']]);
    const typo = await post(lead, at(), { action: 'invite', provider: 'new', orgName: ' ', email: 'hello-at-northmoor' });
    expect(typo.status).toBe(400);
    expect(errorSummary(typo.html)).toEqual([
      ['orgName', "Enter the provider's name"],
      ['email', "Enter provider's email address in the correct format, like name@example.org"],
    ]);
    expect(typo.html).toContain('value="hello-at-northmoor"');
    // A funder is no provider to invite.
    const funder = await post(lead, at(), { action: 'invite', provider: f(1).org.id });
    expect(errorSummary(funder.html)).toEqual([['provider', 'Select a provider from the list']]);
    expect(await stack.itemCount()).toBe(before);

    const chosen = await post(lead, at(), { action: 'invite', provider: eastbrook.id });
    expect([chosen.status, chosen.location]).toEqual([303, `${at()}?done=invited`]);
    expect((await lead.get(chosen.location as string)).html).toContain('The provider is invited');
    const added = await post(lead, at(), { action: 'invite', provider: 'new', orgName: 'Northmoor Voluntary Action', email: NORTHMOOR });
    expect(added.location).toBe(`${at()}?done=invited`);
    const again = await post(lead, at(), { action: 'invite', provider: 'new', orgName: 'Northmoor VA', email: NORTHMOOR.toUpperCase() });
    expect(again.location).toBe(`${at()}?done=already-registered`);
    await stack.runtime.settle();
    const links = (await stack.runtime.emails()).filter((e) => e.subject === `${TITLE}: your links to bid and to ask questions`);
    expect(links.map((e) => e.destination.to.join()).sort()).toEqual([NORTHMOOR, 'office@eastbrook.example.org']);
  });

  it("a clarification question emails the lead's officers and admins, not its viewers, with where to answer it", async () => {
    const qUrl = await linkTo(stack, NORTHMOOR, /your links to bid/, 'question');
    expect((await fillIn(qUrl, { question: 'May lot 2 be delivered by two partners?' })).status).toBe(200);
    await stack.runtime.settle();
    const told = (await stack.runtime.emails()).filter((e) => e.subject === `${FUND}: a clarification question on "${TITLE}"`);
    expect(told.map((e) => e.destination.to.join()).sort()).toEqual([f(0).admin.email, OFFICER.email].sort());
    // Bids close at noon UTC four days after 1 April 2026: 1pm in London (summer time).
    for (const e of told) {
      expect(e.body.text).toContain('May lot 2 be delivered by two partners?');
      expect(e.body.text).toMatch(new RegExp(`Answer the question:\\nhttp\\S+/app/tenders/${t.id}/clarifications\\n`));
      expect(e.body.text).toContain('Bids are due by 1pm on 5 April 2026');
      expect(e.body.text).not.toContain('Northmoor');
    }
    const officer = await signInAs(stack, OFFICER.email);
    expect((await officer.get(at('/clarifications'))).html).toContain('May lot 2 be delivered by two partners?');
  });

  it('the lead records and resolves a challenge on the award page; then each bidder hears the outcome of each lot it bid for', async () => {
    expect(
      (await bid(await linkTo(stack, 'office@eastbrook.example.org', /your links to bid/), { 'org-support': { price: '560000' } })).status,
    ).toBe(200);
    const both = { 'org-support': { price: '590000' }, volunteering: { price: '280000' } };
    expect((await bid(await linkTo(stack, NORTHMOOR, /your links to bid/), both)).status).toBe(200);
    await stack.runtime.advanceTo(new Date(t.dates.submissionDeadline));
    await stack.runtime.settle();
    // Equal quality: the lower price wins lot 1 (Eastbrook); Northmoor is alone on lot 2.
    const { lots } = await stack.api.call<{ lots: { ranking: { bidId: string }[] }[] }>(f(0).admin, 'GET', `/tenders/${t.id}/evaluation`);
    for (const b of lots.flatMap((l) => l.ranking.map((r) => r.bidId)))
      for (const scorer of [f(0), f(1)])
        await stack.api.call(scorer.admin, 'POST', `/tenders/${t.id}/scores`, { bidId: b, ...scored(70, 70) });
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/evaluation`);
    await stack.runtime.settle();
    for (const i of [0, 1, 2]) await stack.api.call(f(i).admin, 'POST', `/tenders/${t.id}/award-votes`, { decision: 'approve' });
    await stack.runtime.settle();
    const standing = await getTender(stack, f(0), t.id);
    expect(standing.status).toBe('standstill');
    expect(standing.outcomes.map((o) => [o.lotId, o.winner?.orgName])).toEqual([
      ['org-support', 'Eastbrook CVS'],
      ['volunteering', 'Northmoor Voluntary Action'],
    ]);

    const lead = await signInAs(stack, f(0).admin.email);
    const member = await signInAs(stack, f(2).admin.email);
    expect((await lead.get(at('/award'))).html).toContain('Record a challenge');
    expect((await member.get(at('/award'))).html).not.toContain('Record a challenge');
    const noGrounds = await post(lead, at('/award'), { action: 'challenge', 'challenge-lot': 'volunteering' });
    expect(noGrounds.status).toBe(400);
    expect(errorSummary(noGrounds.html)).toEqual([['challenge-grounds', 'Enter the grounds of the challenge']]);
    const grounds = 'The evaluation misread our delivery plan.';
    const recorded = await post(lead, at('/award'), { action: 'challenge', 'challenge-lot': 'volunteering', 'challenge-grounds': grounds });
    expect([recorded.status, recorded.location]).toEqual([303, `${at('/award')}?done=challenged`]);
    const challengeId = (await getTender(stack, f(0), t.id)).challenges[0]?.id as string;
    const memberView = (await member.get(at('/award'))).html;
    expect(memberView).toContain(grounds);
    expect(memberView).not.toContain(`name="outcome-${challengeId}"`);
    // A second challenge to the same lot is refused against the lot, by its label.
    const twice = await post(lead, at('/award'), { action: 'challenge', 'challenge-lot': 'volunteering', 'challenge-grounds': grounds });
    expect(errorSummary(twice.html)).toEqual([['challenge-lot', 'Lot challenged: lot volunteering already has an open challenge']]);

    const unresolved = await post(lead, at('/award'), { action: 'resolve', challenge: challengeId });
    expect(unresolved.status).toBe(400);
    expect(errorSummary(unresolved.html)).toEqual([
      [`outcome-${challengeId}`, 'Select dismissed or upheld'],
      [`resolution-${challengeId}`, 'Enter how the challenge was resolved'],
    ]);
    const upheld = await post(lead, at('/award'), {
      action: 'resolve',
      challenge: challengeId,
      [`outcome-${challengeId}`]: 'upheld',
      [`resolution-${challengeId}`]: 'The panel misread the plan; lot 2 will be tendered again.',
    });
    expect([upheld.status, upheld.location]).toEqual([303, `${at('/award')}?done=upheld`]);

    await stack.runtime.advanceTo(new Date(Date.parse(standing.standstill?.endsAt as string) + 1000));
    await stack.runtime.settle();
    const done = await getTender(stack, f(0), t.id);
    expect([done.status, done.outcomes.map((o) => o.status)]).toEqual(['awarded', ['awarded', 'failed']]);
    const outcomes = (await stack.runtime.emails()).filter(
      (e) => e.subject.startsWith(`${TITLE}: your bid`) || e.subject.includes('outcome'),
    );
    expect(outcomes.map((e) => [e.destination.to.join(), e.subject]).sort()).toEqual([
      [NORTHMOOR, `${TITLE}: the outcome of your bids (0 of 2 lots awarded to you)`],
      ['office@eastbrook.example.org', `${TITLE}: your bid for Organisational support was successful`],
    ]);
    const to = (who: string) => outcomes.find((e) => e.destination.to.includes(who))?.body.text ?? '';
    expect(to('office@eastbrook.example.org')).toContain(
      'ORGANISATIONAL SUPPORT: SUCCESSFUL\n\nYou are awarded this lot at your price of £560,000.00.',
    );
    expect(to(NORTHMOOR)).toContain(
      'ORGANISATIONAL SUPPORT: NOT SUCCESSFUL\n\nYour bid of £590,000.00 was not successful: the lot is awarded to Eastbrook CVS.',
    );
    expect(to(NORTHMOOR)).toContain('VOLUNTEERING SUPPORT: NOT AWARDED\n\nNo one is awarded this lot');
    // Nothing of the other bid: Eastbrook never sees Northmoor's price.
    expect(to('office@eastbrook.example.org')).not.toContain('590,000');
  });

  it('the lead cancels a tender after "Are you sure": its reserved money goes back to the pool', async () => {
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Tender to cancel', days: [2, 4, 6, 8] });
    const t2 = await publishedTender(stack, funders, body);
    const pool = async () => (await stack.api.call<{ reserved: number }>(f(0).admin, 'GET', `/pools/${setup.pool.id}`)).reserved;
    const reserved = await pool();
    const lead = await signInAs(stack, f(0).admin.email);
    const member = await signInAs(stack, f(2).admin.email);
    const cancelPath = `/app/tenders/${t2.id}/cancel`;
    expect((await lead.get(`/app/tenders/${t2.id}`)).html).toContain(`href="${cancelPath}"`);
    expect((await member.get(`/app/tenders/${t2.id}`)).html).not.toContain(`href="${cancelPath}"`);
    expect((await member.get(cancelPath)).status).toBe(404);
    const sure = await lead.get(cancelPath);
    expect(sure.html).toContain('Are you sure you want to cancel');
    // £3,000 and £1,500 lots, reserved at publication.
    expect(sure.html).toContain('The £4,500.00 reserved for it in the pool is released to its funders at once.');
    const before = await stack.itemCount();
    const empty = await post(lead, cancelPath, { action: 'cancel', reason: ' ' });
    expect(empty.status).toBe(400);
    expect(errorSummary(empty.html)).toEqual([['reason', 'Enter why the tender is cancelled; funders and providers are told']]);
    expect(await stack.itemCount()).toBe(before);
    const done = await post(lead, cancelPath, { action: 'cancel', reason: 'The partners will commission this with the ICB next year.' });
    expect([done.status, done.location]).toEqual([303, `/app/tenders/${t2.id}?done=cancelled`]);
    expect((await getTender(stack, f(0), t2.id)).status).toBe('cancelled');
    expect(await pool()).toBe(reserved - 450_000);
    const after = (await lead.get(done.location as string)).html;
    expect(after).toContain('The tender is cancelled');
    expect(after).not.toContain(`href="${cancelPath}"`);
  });
});
