import { beforeAll, describe, expect, it } from 'vitest';
import { fillIn, openLink } from '../../infra/local/mailbox-links';
import type { Tender } from '../../shared/tenders/tender';
import { type PageClient, signInAs } from '../support/pages';
import { bid, fundedConsortium, getTender, linkTo, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * The tender pages over plain HTTP, as a browser without JavaScript uses them: sign-off, the
 * sealed bids before the deadline, then scoring, a conflict, moderation, completion and a vote.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let setup: Awaited<ReturnType<typeof fundedConsortium>>;
/** A tender's sub-page: its overview ('') or /clarifications, /bids, /award. */
type Sub = '' | '/clarifications' | '/bids' | '/award';
const page = (c: PageClient, t: Tender, sub: Sub = '') => c.get(`/app/tenders/${t.id}${sub}`);
const post = async (c: PageClient, t: Tender, fields: Record<string, string>, sub: Sub = '') =>
  c.post(`/app/tenders/${t.id}${sub}`, { ...fields, csrf: await c.csrf() });

beforeAll(async () => {
  setup = await fundedConsortium(stack, funders, 'Pages Tender Fund', 30_000_000);
});

describe('tender pages', () => {
  it('take a funder through sign-off, keep bids sealed, then let the panel score, declare a conflict and moderate, and funders vote', async () => {
    // £900,000 of light-touch services, with a voluntary standstill of ten working days the consortium chose.
    const body = tenderBody(stack, funders, setup.pool.id, {
      title: 'Pages tender',
      days: [2, 4, 6, 8],
      scale: 200,
      voluntaryStandstillDays: 10,
    });
    const t = await stack.api.call<Tender>(f(0).admin, 'POST', `/consortia/${setup.consortium.id}/tenders`, body);
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/sign-off-request`);
    await stack.runtime.settle();

    // Sign-off by form: a refusal needs a reason, named as the field's error.
    const member = await signInAs(stack, f(2).admin.email);
    const signOffPage = (await page(member, t)).html;
    expect(signOffPage).toContain('Does your organisation approve the specification');
    // The sub-navigation: the overview is the page itself; each other page is a plain link.
    expect(signOffPage).toContain(`<a class="grantloop-sub-navigation__link" href="/app/tenders/${t.id}" aria-current="page">Overview</a>`);
    for (const [sub, label] of [
      ['clarifications', 'Clarifications'],
      ['bids', 'Bids and evaluation'],
      ['award', 'Award'],
    ])
      expect(signOffPage).toContain(`<a class="grantloop-sub-navigation__link" href="/app/tenders/${t.id}/${sub}">${label}</a>`);
    // The regime and what the Act asks of it, with the sections.
    expect(signOffPage).toContain('Light touch: £900,000.00 against the £663,540.00 light-touch threshold');
    expect(signOffPage).toContain('Notices and periods (Procurement Act 2023)');
    expect(signOffPage).toMatch(/Standstill period<\/td>\s*<td[^>]*>Chosen by the consortium<\/td>/);
    expect(signOffPage).toContain('(s.51(3)(f), s.51(4)-(5))');
    const noReason = await post(member, t, { action: 'sign-off', decision: 'refuse' });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain('govuk-error-summary');
    expect(noReason.html).toMatch(/href="#reason"/);
    const approved = await post(member, t, { action: 'sign-off', decision: 'approve' });
    expect([approved.status, approved.location]).toEqual([303, `/app/tenders/${t.id}?done=approved`]);
    expect((await member.get(approved.location as string)).html).toContain('Your organisation approved');
    for (const i of [0, 1, 3, 4]) await stack.api.call(f(i).admin, 'POST', `/tenders/${t.id}/sign-offs`, { decision: 'approve' });
    await stack.runtime.settle();

    // Two bids for lot 1; before the deadline no page says how many, or whose.
    for (const [name, email] of [
      ['Eastbrook CVS', 'office@eastbrook.example.org'],
      ['Northmoor Voluntary Action', 'hello@northmoor-va.example.org'],
    ])
      await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/interest`, { orgName: name, email });
    await answersAQuestionByForm(t);
    expect(
      (await bid(await linkTo(stack, 'office@eastbrook.example.org', /your links to bid/), { 'org-support': { price: '2800' } })).status,
    ).toBe(200);
    expect(
      (await bid(await linkTo(stack, 'hello@northmoor-va.example.org', /your links to bid/), { 'org-support': { price: '2900' } })).status,
    ).toBe(200);
    let lead = await signInAs(stack, f(0).admin.email);
    let scorer = await signInAs(stack, f(1).admin.email);
    const pipeline = (await lead.get(`/app/consortia/${setup.consortium.id}/tenders`)).html;
    expect(pipeline).toContain('Pages tender');
    expect(pipeline).toContain('Sealed');
    for (const c of [lead, scorer]) {
      const html = (await page(c, t, '/bids')).html;
      expect(html).toContain('Sealed until');
      expect(html).not.toContain('Eastbrook CVS');
      expect(html).not.toContain('Evaluation</h2>');
    }

    await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
    await stack.runtime.settle();
    // Days later: sessions have expired, so everyone signs in again.
    [lead, scorer] = [await signInAs(stack, f(0).admin.email), await signInAs(stack, f(1).admin.email)];
    const member2 = await signInAs(stack, f(2).admin.email);
    expect((await lead.get(`/app/consortia/${setup.consortium.id}/tenders`)).html).toMatch(/<td[^>]*>2<\/td>\s*<\/tr>/);
    const html = (await page(scorer, t, '/bids')).html;
    expect(html).toMatch(/aria-current="page">Bids and evaluation<\/a>/);
    expect(html).toContain('Evaluation</h2>');
    expect(html).toContain('We have worked with local groups for ten years.');
    const bidIds = [...html.matchAll(/name="bid" value="([^"]+)"/g)].map((m) => m[1] as string);
    const [eastbrook, northmoor] = [...new Set(bidIds)];
    expect(northmoor).toBeDefined();

    // Scores: a bad one is named; good ones are saved; a conflict keeps the scorer off the other bid.
    // Each page takes only its own forms: a score posted to the award page is refused whole.
    expect((await post(scorer, t, { action: 'score', bid: eastbrook as string }, '/award')).status).toBe(400);
    const bad = await post(
      scorer,
      t,
      { action: 'score', bid: eastbrook as string, [`score-${eastbrook}-local-knowledge`]: 'high' },
      '/bids',
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Local knowledge and relationships: your score (0 to 100) must be a whole number, like 12');
    const scores = (b: string, a: string, d: string) => ({
      action: 'score',
      bid: b,
      [`score-${b}-local-knowledge`]: a,
      [`reason-${b}-local-knowledge`]: `Knows the district's groups well (${a}).`,
      [`score-${b}-delivery`]: d,
      [`reason-${b}-delivery`]: `A clear plan with named advisers (${d}).`,
    });
    const unreasoned = await post(
      scorer,
      t,
      { ...scores(eastbrook as string, '80', '70'), [`reason-${eastbrook}-delivery`]: ' ' },
      '/bids',
    );
    expect(unreasoned.status).toBe(400);
    expect(unreasoned.html).toContain('Delivery plan: give the reason for your score; the bidder is sent it');
    const saved = await post(scorer, t, scores(eastbrook as string, '80', '70'), '/bids');
    expect([saved.status, saved.location]).toEqual([303, `/app/tenders/${t.id}/bids?done=scored`]);
    expect((await post(scorer, t, { action: 'conflict', bid: northmoor as string }, '/bids')).status).toBe(303);
    expect((await page(scorer, t, '/bids')).html).toContain('You declared a conflict of interest in this bid');
    for (const [b, a, d] of [
      [eastbrook, '70', '60'],
      [northmoor, '60', '60'],
    ])
      expect((await post(lead, t, scores(b as string, a as string, d as string), '/bids')).status).toBe(303);

    // Moderation needs a reason; then the lead completes the evaluation.
    const unexplained = await post(
      lead,
      t,
      { action: 'moderate', 'mod-bid': northmoor as string, 'mod-criterion': 'delivery', 'mod-score': '65' },
      '/bids',
    );
    expect(unexplained.status).toBe(400);
    expect(unexplained.html).toContain('Record why the panel moderated the score');
    const moderation = {
      action: 'moderate',
      'mod-bid': northmoor as string,
      'mod-criterion': 'delivery',
      'mod-score': '65',
      'mod-reason': 'Agreed at the panel meeting.',
    };
    expect((await post(lead, t, moderation, '/bids')).status).toBe(303);
    expect((await page(lead, t, '/bids')).html).toContain('(moderated)');
    expect((await post(lead, t, { action: 'complete-evaluation' }, '/bids')).location).toBe(`/app/tenders/${t.id}/bids?done=evaluated`);
    await stack.runtime.settle();

    // The award vote by form; the tender moves on once the quorum approves.
    expect((await page(member2, t, '/award')).html).toContain('vote on the recommended award');
    const voted = await post(member2, t, { action: 'award-vote', vote: 'approve' }, '/award');
    expect([voted.status, voted.location]).toEqual([303, `/app/tenders/${t.id}/award?done=voted`]);
    // With the lead's vote, half of the money approves: the consortium's quorum.
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/award-votes`, { decision: 'approve' });
    await stack.runtime.settle();
    expect((await getTender(stack, f(0), t.id)).status).toBe('standstill');
    // A member's admin who is not on the panel sees the recommended winners and prices, never a score or a ranking.
    const memberView = (await page(member2, t)).html + (await page(member2, t, '/bids')).html + (await page(member2, t, '/award')).html;
    const winner = (await getTender(stack, f(0), t.id)).outcomes.find((o) => o.lotId === 'org-support')?.winner;
    const price = winner?.price === 280_000 ? '£2,800.00' : '£2,900.00';
    expect(memberView).toContain(`Recommended: ${winner?.orgName}, ${price}</td>`);
    expect(memberView).not.toContain('(score');
    expect(memberView).not.toContain('Evaluation</h2>');
    expect(memberView).toContain('10 working days, voluntary');
    expect((await page(lead, t)).html).toContain('(score');
    expect((await page(lead, t, '/award')).html).toContain('(score');
  });
});

/** A provider asks by link; only the lead's staff get the answer form; the answer reaches every provider and their bid forms. */
async function answersAQuestionByForm(t: Tender) {
  const qUrl = await linkTo(stack, 'hello@northmoor-va.example.org', /your links to bid/, 'question');
  expect((await fillIn(qUrl, { question: 'May lot 1 be delivered by two partners?' })).status).toBe(200);
  const [question] = await stack.api.call<{ id: string }[]>(f(0).admin, 'GET', `/tenders/${t.id}/questions`);
  const field = `answer-${question?.id}`;
  expect((await page(await signInAs(stack, f(1).admin.email), t, '/clarifications')).html).not.toContain(`name="${field}"`);
  const lead = await signInAs(stack, f(0).admin.email);
  expect((await page(lead, t, '/clarifications')).html).toContain(`name="${field}"`);
  const empty = await post(lead, t, { action: 'answer', question: question?.id ?? '', [field]: ' ' }, '/clarifications');
  expect(empty.status).toBe(400);
  expect(empty.html).toContain(`href="#${field}"`);
  const sent = await post(
    lead,
    t,
    { action: 'answer', question: question?.id ?? '', [field]: 'Yes, with one named lead partner.' },
    '/clarifications',
  );
  expect([sent.status, sent.location]).toEqual([303, `/app/tenders/${t.id}/clarifications?done=answered`]);
  await stack.runtime.settle();
  const told = (await stack.runtime.emails()).filter((e) => e.subject === 'Pages tender: a clarification');
  expect(told.flatMap((e) => e.destination.to).sort()).toEqual(['hello@northmoor-va.example.org', 'office@eastbrook.example.org']);
  for (const e of told) expect(e.body.text).toContain('Yes, with one named lead partner.');
  // Published on every provider's bid form too, for whoever registers later.
  const form = await openLink(await linkTo(stack, 'office@eastbrook.example.org', /your links to bid/));
  expect(form.html).toContain('May lot 1 be delivered by two partners?');
  expect(form.html).toContain('Yes, with one named lead partner.');
  expect((await page(lead, t, '/clarifications')).html).not.toContain(`name="${field}"`);
}
