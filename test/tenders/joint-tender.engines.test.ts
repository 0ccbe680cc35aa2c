import { beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../shared/grants/grant';
import type { FundingShare } from '../../shared/pools/grant';
import type { Tender } from '../../shared/tenders/tender';
import { openLink, postLink, scopeOf } from '../support/grant';
import { ocdsValidators, offCodelist } from '../support/ocds';
import { aboveThreshold, bid, fundedConsortium, getTender, linkTo, publishedTender, scored, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

const { stack, funders, funder: f } = useTestStack({ seed: true });
let setup: Awaited<ReturnType<typeof fundedConsortium>>;

// Enough for a £900,000 tender: each of five funders puts £400,000 into the pool.
const EACH = 40_000_000;

beforeAll(async () => {
  setup = await fundedConsortium(stack, funders, 'Tender Fund', EACH);
});

const pool = async () => {
  const p = await stack.api.call<{ available: number; reserved: number; committed: number }>(f(0).admin, 'GET', `/pools/${setup.pool.id}`);
  return { available: p.available, reserved: p.reserved, committed: p.committed };
};
const execution = (t: Tender, attempt = 1) => stack.runtime.sfn.list().find((e) => e.name === `tender-${t.id}-${attempt}`);
const states = (t: Tender, attempt = 1) =>
  execution(t, attempt)
    ?.history.filter((h) => h.type === 'StateEntered')
    .map((h) => h.state) ?? [];
const register = (t: Tender, name: string, email: string, identifier?: string) =>
  stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/interest`, { orgName: name, email, ...(identifier ? { identifier } : {}) });
const advanceTo = (iso: string) => stack.runtime.advanceTo(new Date(iso));

// biome-ignore lint/suspicious/noExplicitAny: OCDS packages are read as the JSON they are
type Json = Record<string, any>;
const validators = ocdsValidators();
/** Both packages from the API, each checked against the patched schema and the codelists; the record's compiled release. */
async function ocds(t: Tender) {
  const record = await stack.api.call<Json>(f(0).admin, 'GET', `/tenders/${t.id}/ocds`);
  const releases = await stack.api.call<Json>(f(0).admin, 'GET', `/tenders/${t.id}/ocds?package=release`);
  for (const [pkg, validate] of [
    [record, validators.record],
    [releases, validators.release],
  ] as const) {
    validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(offCodelist(pkg)).toEqual([]);
  }
  return { compiled: record.records[0].compiledRelease as Json, releases: releases.releases as Json[] };
}

describe('a joint tender, end to end on the local engines', () => {
  it('happy path: sign-off, clarification, sealed bids (one replaced, one late), a conflicted scorer, a tie, award vote, UK6 and a standstill across the May bank holiday, a challenge that pauses one lot, grants from the reserve', async () => {
    const before = await pool();
    // Deadlines: questions 10 April, bids 20 April, evaluation 28 April, award decision 30 April 2026.
    // £900,000 of goods and services for a council: above the £207,720 threshold, so the full regime applies.
    const body = tenderBody(stack, funders, setup.pool.id, {
      title: 'Wyvernshire infrastructure support',
      days: [9, 19, 27, 29],
      ...aboveThreshold,
    });
    const t = await publishedTender(stack, funders, body);
    let view = await getTender(stack, f(0), t.id);
    expect(view.status).toBe('published');
    expect(view.notices.map((n) => n.type)).toEqual(['UK4']);
    expect(view.bids).toEqual({ sealed: true, opensAt: new Date(body.dates.submissionDeadline).toISOString() });
    // The budget is reserved: each funder's contribution from its own money, and nothing else can use it.
    expect(view.regime).toMatchObject({ regime: 'above-threshold', threshold: 20_772_000, estimatedValue: 90_000_000 });
    expect(view.reserved.reduce((a, r) => a + r.amount, 0)).toBe(90_000_000);
    expect((await pool()).reserved).toBe(before.reserved + 90_000_000);
    expect((await pool()).available).toBe(before.available - 90_000_000);

    const providers = [
      ['Eastbrook CVS', 'office@eastbrook.example.org', 'GB-CHC-1066001'],
      ['Northmoor Voluntary Action', 'hello@northmoor-va.example.org', 'GB-CHC-1066002'],
      ['Wyvern Together', 'bids@wyvern-together.example.org', 'GB-CHC-1066003'],
      ['Volunteer Centre Wyvern', 'vc@vcwyvern.example.org', 'GB-CHC-1066004'],
      ['Latecomers Trust', 'late@latecomers.example.org', 'GB-CHC-1066005'],
    ] as const;
    for (const [name, email, id] of providers) await register(t, name, email, id);
    const linkOf = (i: number, subject = /your links to bid/) => linkTo(stack, providers[i]?.[1] as string, subject);

    // A clarification: asked through a link, answered to everyone without naming the asker.
    const qUrl = await linkTo(stack, providers[1][1], /your links to bid/, 'question');
    const qForm = await openLink(qUrl);
    expect((await postLink(qUrl, { scope: scopeOf(qForm.html), question: 'Can lot 2 be delivered with a partner?' })).status).toBe(200);
    const [question] = await stack.api.call<{ id: string }[]>(f(0).admin, 'GET', `/tenders/${t.id}/questions`);
    expect(question).not.toHaveProperty('interestId');
    const answerPath = `/tenders/${t.id}/questions/${question?.id}/answer`;
    await stack.api.call(f(0).admin, 'POST', answerPath, { answer: 'Yes, with a named lead partner.' });
    // Told once: an answer cannot be changed after every provider has it.
    const again = await stack.request('POST', answerPath, { as: f(0).admin, body: { answer: 'No.' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ rule: 'answered-once' });
    await stack.runtime.settle();
    const answers = (await stack.runtime.emails()).filter((e) => e.subject.endsWith('a clarification'));
    expect(answers).toHaveLength(5);
    for (const a of answers.filter((x) => !x.destination.to.includes(providers[1][1])))
      expect(a.body.text).not.toContain('Northmoor Voluntary Action');

    // Five bids: lot 1 from 0, 1 and 2; lot 2 from 2 and 3 at the same price; 2 replaces its bid; 4 is late.
    expect((await bid(await linkOf(0), { 'org-support': { price: '560,000.00' } })).status).toBe(200);
    expect((await bid(await linkOf(1), { 'org-support': { price: '590000' } })).status).toBe(200);
    expect((await bid(await linkOf(3), { volunteering: { price: '280000' } })).status).toBe(200);
    expect((await bid(await linkOf(2), { 'org-support': { price: '598000' }, volunteering: { price: '290000' } })).status).toBe(200);
    const replaced = await bid(await linkOf(2, /we have your bid/), {
      'org-support': { price: '598000' },
      volunteering: { price: '280000' },
    });
    expect(replaced.status).toBe(200);
    // Sealed: before the deadline staff see neither the bids nor how many there are.
    view = await getTender(stack, f(0), t.id);
    expect(view.bids.sealed).toBe(true);
    expect(JSON.stringify(view)).not.toContain('28000000');
    expect((await stack.request('GET', `/tenders/${t.id}/evaluation`, { as: f(0).admin })).status).toBe(409);
    const sealed = await ocds(t);
    expect(sealed.releases.map((r) => r.tag)).toEqual([['planning'], ['tender']]);
    expect(sealed.compiled).not.toHaveProperty('bids');
    expect(sealed.compiled.tender).toMatchObject({
      status: 'active',
      aboveThreshold: true,
      legalBasis: { scheme: 'UKPGA', id: '2023/54' },
      hasEnquiries: true,
    });
    expect(sealed.compiled.tender.lots.map((l: Json) => [l.id, l.value.amount])).toEqual([
      ['org-support', 600_000],
      ['volunteering', 300_000],
    ]);
    expect(sealed.compiled.tender.documents.find((d: Json) => d.noticeType === 'UK4')).toMatchObject({ documentType: 'tenderNotice' });
    const roles = (c: Json) => Object.fromEntries(c.parties.map((p: Json) => [p.name, p.roles.join(',')]));
    expect(Object.values(roles(sealed.compiled)).filter((r) => r.includes('funder'))).toHaveLength(5);
    expect(roles(sealed.compiled)[f(0).org.name]).toBe('buyer,procuringEntity,funder');

    // The fifth provider opened its form in time but sends it a minute after the deadline.
    const lateUrl = await linkOf(4);
    const lateScope = scopeOf((await openLink(lateUrl)).html);
    await advanceTo(body.dates.submissionDeadline);
    await stack.runtime.settle();
    await advanceTo(new Date(Date.parse(body.dates.submissionDeadline) + 60_000).toISOString());
    const late = await bid(lateUrl, { volunteering: { price: '200000' } }, lateScope);
    expect(late.status).toBe(409);
    expect(late.html).toContain('closed for bids');
    view = await getTender(stack, f(0), t.id);
    expect(view.status).toBe('evaluation');
    expect(view.bids).toMatchObject({ sealed: false, received: 4, byLot: { 'org-support': 3, volunteering: 2 } });
    expect(states(t)).toContain('CloseSubmissions');

    // The panel: f(1)'s scorer is conflicted on Eastbrook's lot-1 bid and is left out of it.
    const { lots } = await stack.api.call<{ lots: { lotId: string; ranking: { bidId: string }[] }[] }>(
      f(0).admin,
      'GET',
      `/tenders/${t.id}/evaluation`,
    );
    const bidsOf = (lotId: string) => lots.find((l) => l.lotId === lotId)?.ranking.map((r) => r.bidId) ?? [];
    const lot1 = bidsOf('org-support');
    const lot2 = bidsOf('volunteering');
    // Scores: scorer 0 scores all; scorer 1 declares a conflict on the first lot-1 bid and gives the rest.
    const conflictedBid = lot1[0] as string;
    await stack.api.call(f(1).admin, 'POST', `/tenders/${t.id}/conflicts`, { bidId: conflictedBid });
    const refused = await stack.request('POST', `/tenders/${t.id}/scores`, {
      as: f(1).admin,
      body: { bidId: conflictedBid, ...scored(100, 100) },
    });
    expect(refused.status).toBe(403);
    for (const b of [...lot1, ...lot2]) {
      await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/scores`, { bidId: b, ...scored(80, 70) });
      if (b !== conflictedBid) await stack.api.call(f(1).admin, 'POST', `/tenders/${t.id}/scores`, { bidId: b, ...scored(60, 70) });
    }
    await advanceTo('2026-04-28T09:00:00Z');
    const evaluated = await stack.api.call<{
      outcomes: { lotId: string; status: string; winner?: { interestId: string; price: number } }[];
    }>(f(0).admin, 'POST', `/tenders/${t.id}/evaluation`);
    await stack.runtime.settle();
    view = await getTender(stack, f(0), t.id);
    const ranking1 = view.outcomes.find((o) => o.lotId === 'org-support')?.ranking ?? [];
    const conflicted = ranking1.find((r) => r.bidId === conflictedBid);
    // Only the unconflicted scorer counted on that bid: 80 rather than the mean of 80 and 60.
    expect(conflicted?.perCriterion['local-knowledge']).toEqual({ score: 80, scorers: 1, moderated: false });
    expect(ranking1[0]?.bidId).toBe(conflictedBid);
    // Lot 2: equal quality, equal price: the earlier submission wins (the replaced bid is later).
    const ranking2 = view.outcomes.find((o) => o.lotId === 'volunteering')?.ranking ?? [];
    expect(ranking2[0]?.total).toBe(ranking2[1]?.total);
    expect(ranking2[0]?.tieBrokenBy).toBe('earlier-submission');
    expect(evaluated.outcomes.map((o) => o.status)).toEqual(['recommended', 'recommended']);

    // The award decision on Thursday 30 April: UK6 that day, eight working days beginning with it
    // skip Monday 4 May (a bank holiday), so the standstill runs to the end of Tuesday 12 May.
    await advanceTo('2026-04-30T09:00:00Z');
    for (const i of [0, 1, 2]) {
      const r = await stack.api.call<{ outcome: string }>(f(i).admin, 'POST', `/tenders/${t.id}/award-votes`, { decision: 'approve' });
      if (r.outcome !== 'pending') break;
    }
    await stack.runtime.settle();
    view = await getTender(stack, f(0), t.id);
    expect(view.status).toBe('standstill');
    expect(view.standstill).toEqual({
      kind: 'mandatory',
      workingDays: 8,
      startsOn: '2026-04-30',
      endsOn: '2026-05-12',
      endsAt: '2026-05-12T23:00:00.000Z',
    });
    expect(view.notices.map((n) => n.type)).toEqual(['UK4', 'UK6']);

    await advanceTo('2026-05-05T10:00:00Z');
    const challenge = await stack.api.call<{ challenges: { id: string }[] }>(f(0).admin, 'POST', `/tenders/${t.id}/challenges`, {
      lotId: 'volunteering',
      grounds: 'The evaluation misread our delivery plan.',
    });
    await advanceTo('2026-05-12T22:59:00Z');
    expect((await getTender(stack, f(0), t.id)).outcomes.map((o) => o.status)).toEqual(['recommended', 'recommended']);
    await advanceTo('2026-05-12T23:00:01Z');
    await stack.runtime.settle();
    view = await getTender(stack, f(0), t.id);
    // Lot 1 is awarded when the standstill ends; lot 2 waits for its challenge.
    expect(view.outcomes.map((o) => o.status)).toEqual(['awarded', 'recommended']);
    expect(states(t)).toContain('AwaitChallenge');
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/challenges/${challenge.challenges[0]?.id}/resolution`, {
      outcome: 'dismissed',
      resolution: 'The panel re-read the plan; the scores stand.',
    });
    await stack.runtime.settle();
    view = await getTender(stack, f(0), t.id);
    expect(view.status).toBe('awarded');
    expect(view.outcomes.map((o) => o.status)).toEqual(['awarded', 'awarded']);
    expect(view.notices.map((n) => n.type)).toEqual(['UK4', 'UK6', 'UK7']);
    expect(execution(t)?.status).toBe('SUCCEEDED');
    // Each of the four bidders is told the outcome of each lot it bid for, once; the late one (refused) is not.
    const outcomeMails = (await stack.runtime.emails()).filter((e) => /: your bid for |: the outcome of your bids/.test(e.subject));
    expect(outcomeMails.map((e) => e.destination.to.join()).sort()).toEqual(
      providers
        .slice(0, 4)
        .map((p) => p[1])
        .sort(),
    );
    const winnerOf = (lotId: string) => view.outcomes.find((o) => o.lotId === lotId)?.winner?.orgName;
    for (const [name, email] of providers.slice(0, 4)) {
      const text = outcomeMails.find((e) => e.destination.to.includes(email))?.body.text ?? '';
      const lots =
        name === 'Wyvern Together'
          ? ['org-support', 'volunteering']
          : name === 'Volunteer Centre Wyvern'
            ? ['volunteering']
            : ['org-support'];
      for (const lotId of lots) {
        const title = lotId === 'org-support' ? 'ORGANISATIONAL SUPPORT' : 'VOLUNTEERING SUPPORT';
        expect(text, `${name}, ${lotId}`).toContain(winnerOf(lotId) === name ? `${title}: SUCCESSFUL` : `${title}: NOT SUCCESSFUL`);
      }
      if (lots.length === 1) expect(text).not.toContain(lots[0] === 'org-support' ? 'VOLUNTEERING SUPPORT' : 'ORGANISATIONAL SUPPORT');
    }

    // OCDS: a release per stage; the compiled record has the awards, their standstill, and a contract per grant.
    const done = await ocds(t);
    expect(done.releases.map((r) => r.tag.join('+'))).toEqual([
      'planning',
      'tender',
      'tenderUpdate',
      'award',
      'awardUpdate+contract',
      'awardUpdate+contract',
      'tenderUpdate+contractUpdate',
    ]);
    const c = done.compiled;
    expect(c.tender.status).toBe('complete');
    expect(c.tender.lots.map((l: Json) => l.status)).toEqual(['complete', 'complete']);
    expect(c.bids.statistics.find((s: Json) => s.id === 'bids').value).toBe(4);
    expect(c.bids.details.map((b: Json) => b.status)).toEqual(Array(5).fill('valid'));
    expect(JSON.stringify(c)).not.toContain('Latecomers');
    expect(c.awards.map((a: Json) => [a.status, a.value.amount, a.standstillPeriod.endDate])).toEqual(
      view.outcomes.map((o) => ['active', (o.winner?.price ?? 0) / 100, view.standstill?.endsAt]),
    );
    expect(c.awards[0].documents[0]).toMatchObject({ noticeType: 'UK6', documentType: 'awardNotice' });
    expect(c.contracts.map((k: Json) => [k.id, k.status, k.documents[0].noticeType])).toEqual(
      view.outcomes.map((o) => [o.grantId, 'active', 'UK7']),
    );
    expect(roles(c)['Eastbrook CVS']).toMatch(/tenderer/);
    expect(c.parties.find((p: Json) => p.id === 'GB-CHC-1066001').details).toEqual({ vcse: true });

    // Grants: one per lot, for the winning price, attributed to the funders exactly.
    const grants: (Grant & { funders: FundingShare[] })[] = [];
    for (const o of view.outcomes) grants.push(await stack.api.call(f(0).admin, 'GET', `/grants/${o.grantId}`));
    const prices = view.outcomes.map((o) => o.winner?.price ?? 0);
    for (const [i, g] of grants.entries()) {
      expect(g.amount).toBe(prices[i]);
      expect(g.tenderId).toBe(t.id);
      expect(g.funders.reduce((a, s) => a + s.amount, 0)).toBe(prices[i]);
    }
    // The buying council manages each as a contract, with the grant's id and the winner as supplier.
    await stack.runtime.settle();
    for (const o of view.outcomes) {
      const contract = await stack.api.call<Json>(f(0).admin, 'GET', `/contracts/${o.grantId}`);
      expect(contract).toMatchObject({
        councilOrgId: f(0).org.id,
        value: o.winner?.price,
        source: { kind: 'tender', tenderId: t.id, lotId: o.lotId },
        funding: { kind: 'pool', grantId: o.grantId },
        status: 'active',
      });
      expect(contract.supplier.name).toBe(o.winner?.orgName);
    }
    const byFunder = new Map<string, number>();
    for (const g of grants) for (const s of g.funders) byFunder.set(s.funderOrgId, (byFunder.get(s.funderOrgId) ?? 0) + s.amount);
    const total = prices.reduce((a, p) => a + p, 0);
    // Each funder pays its contribution's share of what was awarded, to within a penny per grant.
    for (const c of body.funders) expect(Math.abs((byFunder.get(c.orgId) ?? 0) - (total * c.amount) / 90_000_000)).toBeLessThanOrEqual(2);
    const after = await pool();
    expect(after.reserved).toBe(before.reserved);
    expect(after.committed).toBe(before.committed + total);
    expect(after.available).toBe(before.available - total);
  });

  it('a funder refuses sign-off: the tender goes back to draft with nothing reserved; sent again, it is a new execution', async () => {
    const before = await pool();
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Refused tender' });
    const t = await stack.api.call<Tender>(f(0).admin, 'POST', `/consortia/${setup.consortium.id}/tenders`, body);
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/sign-off-request`);
    await stack.runtime.settle();
    await stack.api.call(f(1).admin, 'POST', `/tenders/${t.id}/sign-offs`, { decision: 'approve' });
    const refusal = await stack.request('POST', `/tenders/${t.id}/sign-offs`, { as: f(2).admin, body: { decision: 'refuse' } });
    expect(refusal.status).toBe(400);
    expect(refusal.body.issues?.[0]).toMatchObject({ field: 'reason', rule: 'required-to-refuse' });
    await stack.api.call(f(2).admin, 'POST', `/tenders/${t.id}/sign-offs`, { decision: 'refuse', reason: 'Our share should be smaller.' });
    await stack.runtime.settle();
    expect((await getTender(stack, f(0), t.id)).status).toBe('draft');
    expect(states(t)).toEqual(['RequestSignOff', 'SignOffOutcome', 'SignOffRefused', 'ReturnToDraft', 'ReturnedToDraft']);
    expect((await pool()).reserved).toBe(before.reserved);
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/sign-off-request`);
    await stack.runtime.settle();
    expect(execution(t, 2)?.status).toBe('RUNNING');
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/cancel`, { reason: 'Replaced by a smaller tender.' });
    await stack.runtime.settle();
    expect(execution(t, 2)?.status).toBe('SUCCEEDED');
    expect(states(t, 2)).toContain('CancelledEnd');
  });

  it('no bids: the tender is unsuccessful and its budget is available again, to the penny', async () => {
    const before = await pool();
    // £45,000: below threshold, but notifiable, and advertised: a tender notice and nothing else.
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Unanswered tender', scale: 10 });
    const t = await publishedTender(stack, funders, body);
    expect((await pool()).available).toBe(before.available - 4_500_000);
    await advanceTo(body.dates.submissionDeadline);
    await stack.runtime.settle();
    const view = await getTender(stack, f(0), t.id);
    expect(view.status).toBe('unsuccessful');
    expect(view.bids).toMatchObject({ sealed: false, received: 0 });
    expect(states(t)).toContain('NoBids');
    expect(await pool()).toEqual(before);
    // Below threshold: no UK6, no award; the tender and its lots end unsuccessful.
    const { compiled, releases } = await ocds(t);
    expect(releases.map((r) => r.tag.join('+'))).toEqual(['planning', 'tender', 'tenderUpdate', 'tenderUpdate']);
    expect(compiled.tender).toMatchObject({ status: 'unsuccessful', aboveThreshold: false });
    expect(compiled.tender.lots.map((l: Json) => l.status)).toEqual(['unsuccessful', 'unsuccessful']);
    expect(compiled.bids.statistics[0]).toMatchObject({ measure: 'bids', value: 0 });
  });

  it('cancelled while open for bids: the reserve goes back in the same write, and the workflow ends as cancelled', async () => {
    const before = await pool();
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Cancelled tender' });
    const t = await publishedTender(stack, funders, body);
    await register(t, 'Eastbrook CVS', 'office@eastbrook.example.org');
    expect(
      (await bid(await linkTo(stack, 'office@eastbrook.example.org', /Cancelled tender: your links/), { volunteering: { price: '1000' } }))
        .status,
    ).toBe(200);
    const missing = await stack.request('POST', `/tenders/${t.id}/cancel`, { as: f(0).admin, body: {} });
    expect(missing.status).toBe(400);
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/cancel`, { reason: 'The council restructured the service.' });
    expect(await pool()).toEqual(before);
    await stack.runtime.settle();
    expect(states(t)).toContain('CancelledEnd');
    expect((await getTender(stack, f(0), t.id)).cancellation?.reason).toBe('The council restructured the service.');
    // Cancelled before the deadline: the bids are never opened, in OCDS either; the amendment gives the reason.
    await advanceTo(body.dates.submissionDeadline);
    const { compiled, releases } = await ocds(t);
    expect(releases.at(-1)?.tag).toEqual(['tenderCancellation']);
    expect(compiled).not.toHaveProperty('bids');
    expect(compiled.tender.status).toBe('cancelled');
    expect(compiled.tender.amendments).toEqual([
      expect.objectContaining({ rationale: 'The council restructured the service.', id: 'cancellation' }),
    ]);
    const told = (await stack.runtime.emails()).filter((e) => e.subject === 'Cancelled tender: cancelled');
    expect(told.map((e) => e.destination.to[0])).toEqual(['office@eastbrook.example.org']);
  });
});
