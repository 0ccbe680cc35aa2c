import type { Consortium } from '../../shared/consortia/consortium';
import { financialYearOf, type Pledge } from '../../shared/pools/pledge';
import type { Tender } from '../../shared/tenders/tender';
import type { tenderView } from '../../shared/tenders/views';
import type { DemoRun } from './example';
import { bidFields, fillIn, tenderLinkIn } from './mailbox-links';

const DAY = 86400_000;
type View = Awaited<ReturnType<typeof tenderView>>;

export interface TenderFigures {
  published: number;
  bids: number;
  lateRefused: number;
  awarded: number;
  cancelled: number;
  ocdsReleases: number;
}

const providers = [
  ['Wyvern Voluntary Action', 'bids@wyvern-va.example.org', 'GB-CHC-1077001'],
  ['Eastbrook CVS', 'office@eastbrook-cvs.example.org', 'GB-CHC-1077002'],
  ['Coastal Community Hub', 'hello@coastal-hub.example.org', 'GB-CHC-1077003'],
  ['Volunteer Centre Wyvern', 'vc@vcwyvern.example.org', 'GB-CHC-1077004'],
  ['Latecomers Trust', 'late@latecomers.example.org', 'GB-CHC-1077005'],
] as const;

/** The demo's bidders in time: four of the five providers above (the fifth is late). */
const DEMO_BIDDERS = 4;

/**
 * Providers beyond the demo's, for a larger tender (the benchmark's ten bids): the n-th bids
 * for both lots, the first or the second, in turn, at prices inside the lots' values.
 */
const moreBidders = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    provider: [`Wyvernshire Bidder ${i + 1}`, `bids@bidder-${i + 1}.example.org`, `GB-CHC-${1078001 + i}`] as const,
    lots: [
      { 'org-support': `${420_000 + i * 2_625}`, volunteering: `${202_500 + i * 1_875}` },
      { 'org-support': `${416_250 + i * 3_000}` },
      { volunteering: `${198_750 + i * 2_250}` },
    ][i % 3] as Record<string, string>,
  }));

const answers = {
  localKnowledge: 'Twenty years with Wyvernshire groups; we run the district forums.',
  delivery: 'A named adviser per district, monthly surgeries, a quarterly report to the funders.',
};
const priced = (lots: Record<string, string>) =>
  bidFields(Object.fromEntries(Object.entries(lots).map(([lot, price]) => [lot, { price, ...answers }])));
const linkIn = async (run: DemoRun, to: string, subject: RegExp, which: 'bid' | 'question' = 'bid') =>
  tenderLinkIn(await run.runtime.emails(), to, subject, which);

const iso = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The Wyvernshire consortium's joint tender for infrastructure support, in two lots, funded by
 * five members from the pool: one funder first refuses the specification; a clarification is
 * asked and answered; five bids arrive (one replaced, one late and refused); a scorer declares a
 * conflict; lot 1 is awarded after the standstill, lot 2 after a challenge is dismissed. With
 * `bidders` above four (the benchmark's ten), more providers register and bid in time after the
 * demo's four, so that many bids are opened.
 */
export async function runTenderScenario(
  run: DemoRun,
  consortium: Consortium,
  poolId: string,
  o: { bidders?: number } = {},
): Promise<{ tenderId: string; figures: TenderFigures }> {
  const { api, runtime, f, check, progress } = run;
  const lead = f.county.admin;
  const shares = [
    [f.county, 22_500_000],
    [f.district, 11_250_000],
    [f.icb, 15_000_000],
    [f.harbourside, 7_500_000],
    [f.millbank, 11_250_000],
  ] as const;
  progress('tender: five members put £675,000 more into the pool for a joint tender…');
  for (const [who, amount] of shares) {
    const p = await api.call<Pledge>(who.admin, 'POST', `/pools/${poolId}/pledges`, {
      funderOrgId: who.org.id,
      currency: 'GBP',
      years: [{ financialYear: financialYearOf(run.clock.now()), amount }],
      restriction: { kind: 'core' },
    });
    const on = run.clock.now().toISOString().slice(0, 10);
    await api.call(lead, 'POST', `/pools/${poolId}/pledges/${p.id}/contributions`, { amount, currency: 'GBP', receivedOn: on });
  }
  const now = run.clock.now();
  const tender = await api.call<Tender>(lead, 'POST', `/consortia/${consortium.id}/tenders`, {
    poolId,
    title: 'Wyvernshire infrastructure support 2027–2030',
    description: 'Support for the voluntary and community sector across Wyvernshire, in two lots, for three years.',
    documents: [{ title: 'Specification', url: 'https://wyvernshire.example.org/tenders/infrastructure-spec.pdf' }],
    lots: [
      {
        id: 'org-support',
        title: 'Organisational support',
        value: 45_000_000,
        scope: { kind: 'function', label: 'Governance, funding and development' },
      },
      {
        id: 'volunteering',
        title: 'Volunteering support',
        value: 22_500_000,
        scope: { kind: 'function', label: 'Volunteer recruitment and brokerage' },
      },
    ],
    // £675,000 of infrastructure support: a light-touch contract (threshold £663,540), which needs no standstill;
    // the consortium chooses one of eight working days, so an unsuccessful bidder can challenge before the award.
    lightTouch: true,
    voluntaryStandstillDays: 8,
    criteria: [
      { id: 'local-knowledge', title: 'Local knowledge and relationships', kind: 'quality', weight: 50 },
      { id: 'delivery', title: 'Delivery plan', kind: 'quality', weight: 20 },
      { id: 'price', title: 'Price', kind: 'price', weight: 30 },
    ],
    dates: {
      clarificationDeadline: iso(now, 10),
      submissionDeadline: iso(now, 20),
      evaluationEnd: iso(now, 28),
      awardDecision: iso(now, 30),
    },
    funders: shares.map(([who, amount]) => ({ orgId: who.org.id, amount })),
    panel: [f.county.admin.email, f.icb.admin.email],
  });

  progress('tender: sign-off — Harbourside refuses the first specification, approves the second…');
  await api.call(lead, 'POST', `/tenders/${tender.id}/sign-off-request`);
  await runtime.settle();
  await api.call(f.harbourside.admin, 'POST', `/tenders/${tender.id}/sign-offs`, {
    decision: 'refuse',
    reason: 'The volunteering lot should name brokerage for small groups.',
  });
  await runtime.settle();
  check('a refusal sends the tender back to draft', (await view(run, tender)).status === 'draft');
  await api.call(lead, 'POST', `/tenders/${tender.id}/sign-off-request`);
  await runtime.settle();
  for (const [who] of shares) await api.call(who.admin, 'POST', `/tenders/${tender.id}/sign-offs`, { decision: 'approve' });
  await runtime.settle();
  check('the tender is published (UK4) with its budget reserved', (await view(run, tender)).status === 'published');
  return { tenderId: tender.id, figures: await runBids(run, tender, moreBidders(Math.max(0, (o.bidders ?? DEMO_BIDDERS) - DEMO_BIDDERS))) };
}

const view = (run: DemoRun, t: Tender) => run.api.call<View>(run.f.county.admin, 'GET', `/tenders/${t.id}`);

/** Providers register, ask, bid (one replaces, one is late); the panel scores with a conflict declared. */
async function runBids(run: DemoRun, tender: Tender, more: ReturnType<typeof moreBidders>): Promise<TenderFigures> {
  const { api, runtime, f, check, progress } = run;
  const lead = f.county.admin;
  for (const [orgName, email, identifier] of [...providers, ...more.map((b) => b.provider)])
    await api.call(undefined, 'POST', `/tenders/${tender.id}/interest`, { orgName, email, identifier });
  progress('tender: a clarification is asked by link and answered to every provider…');
  const qUrl = await linkIn(run, providers[2][1], /your links to bid/, 'question');
  await fillIn(qUrl, { question: 'May lot 2 be delivered with a partner organisation?' });
  // The lead's officers and admins are emailed the question; then one answers it.
  await runtime.settle();
  const [q] = await api.call<{ id: string }[]>(lead, 'GET', `/tenders/${tender.id}/questions`);
  await api.call(lead, 'POST', `/tenders/${tender.id}/questions/${q?.id}/answer`, { answer: 'Yes, with a named lead partner.' });

  progress('tender: bids arrive by emailed link, sealed until the deadline…');
  const bidOf = async (i: number, lots: Record<string, string>, subject = /your links to bid/) =>
    fillIn(await linkIn(run, providers[i]?.[1] as string, subject), priced(lots));
  const posted = [
    await bidOf(0, { 'org-support': '431,250' }),
    await bidOf(1, { 'org-support': '442500' }),
    await bidOf(2, { 'org-support': '436,875', volunteering: '217,500' }),
    await bidOf(3, { volunteering: '213,750' }),
    await bidOf(2, { 'org-support': '436,875', volunteering: '210,000' }, /we have your bid/),
  ];
  for (const b of more) posted.push(await fillIn(await linkIn(run, b.provider[1], /your links to bid/), priced(b.lots)));
  const refused = posted.filter((p) => p.status >= 400).map((p) => p.status);
  check('every bid posted by link before the deadline is accepted', refused.length === 0, `refused: ${refused.join(', ')}`);
  const lateUrl = await linkIn(run, providers[4][1], /your links to bid/);
  await runtime.advanceTo(new Date(tender.dates.submissionDeadline));
  await runtime.settle();
  const late = await fillIn(lateUrl, priced({ volunteering: '187500' }));
  check('a bid after the deadline is refused', late.status === 409);
  const opened = await view(run, tender);
  const bids = opened.bids.sealed ? 0 : opened.bids.received;

  progress('tender: the panel scores; the ICB officer declares a conflict in one bid…');
  const evaluation = await api.call<{ lots: { lotId: string; ranking: { bidId: string }[] }[] }>(
    lead,
    'GET',
    `/tenders/${tender.id}/evaluation`,
  );
  const bidIds = evaluation.lots.flatMap((l) => l.ranking.map((r) => r.bidId));
  const conflicted = bidIds.find((b) => b.endsWith('.volunteering')) as string;
  await api.call(f.icb.admin, 'POST', `/tenders/${tender.id}/conflicts`, { bidId: conflicted });
  for (const [i, b] of bidIds.entries()) {
    const scores = { 'local-knowledge': 60 + ((i * 7) % 30), delivery: 55 + ((i * 11) % 35) };
    const reasons = {
      'local-knowledge': `Knows ${scores['local-knowledge'] >= 75 ? 'most' : 'some'} of the districts' groups and forums.`,
      delivery: `A delivery plan ${scores.delivery >= 70 ? 'with named advisers and dates' : 'that leaves the surgeries unscheduled'}.`,
    };
    await api.call(lead, 'POST', `/tenders/${tender.id}/scores`, { bidId: b, scores, reasons });
    if (b !== conflicted) await api.call(f.icb.admin, 'POST', `/tenders/${tender.id}/scores`, { bidId: b, scores, reasons });
  }
  await api.call(lead, 'POST', `/tenders/${tender.id}/evaluation`);
  await runtime.settle();
  return runAward(run, tender, bids, late.status === 409 ? 1 : 0);
}

/** The award: every funder approves, UK6 and the standstill, a challenge on lot 2 dismissed, grants from the reserve. */
async function runAward(run: DemoRun, tender: Tender, bids: number, lateRefused: number): Promise<TenderFigures> {
  const { api, runtime, f, check, progress } = run;
  const lead = f.county.admin;
  for (const who of [f.county, f.district, f.icb, f.harbourside, f.millbank]) {
    if ((await view(run, tender)).status !== 'award-decision') break;
    await api.call(who.admin, 'POST', `/tenders/${tender.id}/award-votes`, { decision: 'approve' });
    // The quorum's vote moves the workflow on at once; the next funder finds the decision made.
    await runtime.settle();
  }
  await runtime.settle();
  const standing = await view(run, tender);
  check(
    'every bidder is sent its assessment summary before the UK6, which starts the chosen 8-working-day standstill',
    standing.status === 'standstill' &&
      Boolean(standing.standstill) &&
      Boolean(standing.assessmentSummaries) &&
      (standing.assessmentSummaries?.sentAt ?? '') <= (standing.notices.find((n) => n.type === 'UK6')?.publishedAt ?? ''),
  );
  progress(`tender: standstill until the end of ${standing.standstill?.endsOn}; a challenge on lot 2…`);
  const challenged = await api.call<{ challenges: { id: string }[] }>(lead, 'POST', `/tenders/${tender.id}/challenges`, {
    lotId: 'volunteering',
    grounds: 'An unsuccessful bidder asks for the delivery scores to be reviewed.',
  });
  await runtime.advanceTo(new Date(standing.standstill?.endsAt ?? Date.now()));
  await runtime.advanceTo(new Date(run.clock.now().getTime() + DAY));
  await runtime.settle();
  const paused = await view(run, tender);
  check('the challenge pauses lot 2 while lot 1 is awarded', paused.outcomes.map((o) => o.status).join() === 'awarded,recommended');
  await api.call(lead, 'POST', `/tenders/${tender.id}/challenges/${challenged.challenges[0]?.id}/resolution`, {
    outcome: 'dismissed',
    resolution: 'The panel reviewed the delivery scores; they stand.',
  });
  await runtime.settle();
  return figures(run, tender, bids, lateRefused);
}

/** Read back from the engines: the tenders, the grants each lot became and the OCDS releases. */
async function figures(run: DemoRun, tender: Tender, bids: number, lateRefused: number): Promise<TenderFigures> {
  const { api, f, check } = run;
  const lead = f.county.admin;
  const done = await view(run, tender);
  check(
    'the tender completes with both lots awarded (UK7)',
    done.status === 'awarded' && done.notices.map((n) => n.type).join() === 'UK4,UK6,UK7',
  );
  for (const o of done.outcomes) {
    const g = await api.call<{ amount: number; funders: { amount: number }[] }>(lead, 'GET', `/grants/${o.grantId}`);
    const shared = g.funders.reduce((a, s) => a + s.amount, 0);
    check(
      `lot ${o.lotId}: a grant for the winning price, split exactly between the funders`,
      g.amount === o.winner?.price && shared === g.amount,
    );
  }
  const all = await api.call<Tender[]>(lead, 'GET', `/consortia/${tender.consortiumId}/tenders`);
  const releases = await api.call<{ releases: unknown[] }>(lead, 'GET', `/tenders/${tender.id}/ocds?package=release`);
  return {
    published: all.filter((t) => t.notices.some((n) => n.type === 'UK4')).length,
    bids,
    lateRefused,
    awarded: all.filter((t) => t.status === 'awarded').length,
    cancelled: all.filter((t) => t.status === 'cancelled').length,
    ocdsReleases: releases.releases.length,
  };
}
