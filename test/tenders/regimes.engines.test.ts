import { beforeAll, describe, expect, it } from 'vitest';
import type { Tender } from '../../shared/tenders/tender';
import { ocdsValidators, offCodelist } from '../support/ocds';
import { bid, fundedConsortium, getTender, linkTo, publishedTender, type RegimeOptions, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * One tender in each regime of the Procurement Act 2023, from drafting to the end, on the local
 * engines: each publishes exactly the notices the Act asks for in its regime and no others, as
 * its OCDS releases show (valid against core 1.1.5 with the lots, bids and UK extensions).
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let setup: Awaited<ReturnType<typeof fundedConsortium>>;

beforeAll(async () => {
  // Three £900,000 tenders and three small ones: each funder puts £1,000,000 into the pool.
  setup = await fundedConsortium(stack, funders, 'Regimes Fund', 100_000_000);
});

// biome-ignore lint/suspicious/noExplicitAny: OCDS packages are read as the JSON they are
type Json = Record<string, any>;
const validators = ocdsValidators();

/** The release package, checked against the patched schema and the codelists. */
async function releasesOf(t: Tender): Promise<Json[]> {
  const pkg = await stack.api.call<Json>(f(0).admin, 'GET', `/tenders/${t.id}/ocds?package=release`);
  validators.release(pkg);
  expect(validators.release.errors ?? []).toEqual([]);
  expect(offCodelist(pkg)).toEqual([]);
  return pkg.releases;
}

/** Every Procurement Act notice any release carries, wherever it sits (tender, award or contract documents). */
function noticesIn(releases: Json[]): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      if (typeof o.noticeType === 'string') found.add(o.noticeType);
      Object.values(o).forEach(walk);
    }
  };
  walk(releases);
  return [...found].sort();
}

const providers = [
  ['Eastbrook CVS', 'office@eastbrook.example.org'],
  ['Northmoor Voluntary Action', 'hello@northmoor-va.example.org'],
] as const;

/** Drafted, signed off, two providers bid (registered, or invited if not advertised), scored, approved, awarded. */
async function runTender(title: string, o: RegimeOptions) {
  const body = tenderBody(stack, funders, setup.pool.id, { title, days: [2, 4, 6, 8], ...o });
  const t = await publishedTender(stack, funders, body);
  for (const [orgName, email] of providers) {
    const path = `/tenders/${t.id}/${o.advertised === false ? 'invitations' : 'interest'}`;
    await stack.api.call(f(0).admin, 'POST', path, { orgName, email });
  }
  // An invitation's links are emailed by the function following its event.
  await stack.runtime.settle();
  const scale = o.scale ?? 1;
  for (const [i, [, email]] of providers.entries()) {
    const url = await linkTo(stack, email, new RegExp(`${title}: your links`));
    expect((await bid(url, { 'org-support': { price: String(2_500 * scale + i * 100) } })).status).toBe(200);
  }
  await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
  await stack.runtime.settle();
  const { lots } = await stack.api.call<{ lots: { ranking: { bidId: string }[] }[] }>(f(0).admin, 'GET', `/tenders/${t.id}/evaluation`);
  for (const b of lots.flatMap((l) => l.ranking.map((r) => r.bidId)))
    for (const scorer of [f(0), f(1)])
      await stack.api.call(scorer.admin, 'POST', `/tenders/${t.id}/scores`, {
        bidId: b,
        scores: { 'local-knowledge': 70, delivery: 70 },
        reasons: { 'local-knowledge': 'Knows the districts.', delivery: 'A workable plan.' },
      });
  await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/evaluation`);
  await stack.runtime.settle();
  for (const i of [0, 1, 2, 3, 4]) {
    if ((await getTender(stack, f(0), t.id)).status !== 'award-decision') break;
    await stack.api.call(f(i).admin, 'POST', `/tenders/${t.id}/award-votes`, { decision: 'approve' });
    await stack.runtime.settle();
  }
  const decided = await getTender(stack, f(0), t.id);
  if (decided.standstill) await stack.runtime.advanceTo(new Date(Date.parse(decided.standstill.endsAt) + 1000));
  await stack.runtime.settle();
  const done = await getTender(stack, f(0), t.id);
  // A failed step would leave the tender short of awarded: the runtime's errors say which.
  expect(done.status, stack.runtime.errors.join('; ')).toBe('awarded');
  return { decided, done, releases: await releasesOf(t), t };
}

const required = (v: Awaited<ReturnType<typeof getTender>>) => Object.fromEntries(v.duties.map((d) => [d.id, d.status]));

describe('each regime publishes exactly the notices the Act requires', () => {
  it('above threshold: UK4, assessment summaries, UK6, the mandatory eight-working-day standstill, UK7', async () => {
    const { decided, done, releases, t } = await runTender('Above threshold tender', { scale: 200, lightTouch: false });
    expect(done.regime.regime).toBe('above-threshold');
    expect(noticesIn(releases)).toEqual(['UK4', 'UK6', 'UK7']);
    expect(decided.standstill).toMatchObject({ kind: 'mandatory', workingDays: 8 });
    const award = releases.find((r) => r.tag.includes('award'))?.awards[0];
    expect(award.standstillPeriod.endDate).toBe(decided.standstill?.endsAt);
    expect(award.assessmentSummariesDateSent).toBe(done.assessmentSummaries?.sentAt);
    expect(required(done)).toMatchObject({ UK4: 'done', 'assessment-summaries': 'done', UK6: 'done', standstill: 'done', UK7: 'done' });
    expect(required(done)).toMatchObject({ UK5: 'not-required', UK9: 'not-required', UK8: 'after-award', UK10: 'after-award' });
    // Release ids and dates change only when the data does: a day later, the same packages, byte for byte.
    const record = () => stack.request('GET', `/tenders/${t.id}/ocds`, { as: f(0).admin }).then((r) => JSON.stringify(r.body));
    const [first, firstReleases] = [await record(), JSON.stringify(releases)];
    await stack.runtime.advanceTo(new Date(stack.runtime.clock.now().getTime() + 86_400_000));
    expect(await record()).toBe(first);
    expect(JSON.stringify(await releasesOf(t))).toBe(firstReleases);
  });

  it('light touch without a standstill: UK4, summaries, UK6 and UK7; the award follows the UK6 at once', async () => {
    const { decided, done, releases } = await runTender('Light touch tender', { scale: 200 });
    expect(done.regime.regime).toBe('light-touch');
    expect(noticesIn(releases)).toEqual(['UK4', 'UK6', 'UK7']);
    expect(decided.standstill).toBeUndefined();
    expect(releases.flatMap((r) => r.awards ?? []).some((a: Json) => a.standstillPeriod)).toBe(false);
    expect(required(done)).toMatchObject({ standstill: 'not-required', UK9: 'not-required', UK10: 'not-required' });
    // The UK7 of a light-touch contract is due within 120 days beginning with the day it was entered into (s.53).
    const uk7 = releases.at(-1)?.tender.milestones.find((m: Json) => m.code === 'UK7');
    expect(uk7).toMatchObject({ type: 'reporting', status: 'met' });
  });

  it('light touch with the voluntary standstill the consortium chose (ten working days)', async () => {
    const { decided, releases } = await runTender('Voluntary standstill tender', { scale: 200, voluntaryStandstillDays: 10 });
    expect(noticesIn(releases)).toEqual(['UK4', 'UK6', 'UK7']);
    expect(decided.standstill).toMatchObject({ kind: 'voluntary', workingDays: 10 });
    expect(releases.find((r) => r.tag.includes('award'))?.awards[0].standstillPeriod).toBeDefined();
  });

  it('below threshold, advertised: a tender notice and a contract details notice, no award notice and no standstill', async () => {
    const { decided, done, releases } = await runTender('Advertised small tender', { scale: 10 });
    expect(done.regime).toMatchObject({ regime: 'below-threshold', notifiable: true });
    expect(noticesIn(releases)).toEqual(['UK4', 'UK7']);
    expect(decided.standstill).toBeUndefined();
    expect(required(done)).toMatchObject({
      UK4: 'done',
      UK6: 'not-required',
      standstill: 'not-required',
      UK7: 'done',
      UK8: 'not-required',
    });
  });

  it('below threshold, by invitation: only the contract details notice; nobody can register without an invitation', async () => {
    const { done, releases, t } = await runTender('Invited small tender', { scale: 10, advertised: false });
    expect(noticesIn(releases)).toEqual(['UK7']);
    expect(required(done)).toMatchObject({ UK4: 'not-required', UK7: 'done' });
    const uninvited = await stack.request('POST', `/tenders/${t.id}/interest`, {
      body: { orgName: 'Gatecrasher CIC', email: 'x@gc.example.org' },
    });
    expect(uninvited.status).toBe(404);
  });

  it('below threshold and under £30,000: not notifiable, so no notice at all', async () => {
    const { done, releases } = await runTender('Very small tender', { scale: 1 });
    expect(done.regime).toMatchObject({ regime: 'below-threshold', notifiable: false });
    expect(noticesIn(releases)).toEqual([]);
  });
});
