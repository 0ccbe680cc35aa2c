import type { Consortium } from '../../shared/consortia/consortium';
import type { Organisation } from '../../shared/consortia/organisation';
import type { Grant } from '../../shared/grants/grant';
import type { Pledge } from '../../shared/pools/pledge';
import type { Pool } from '../../shared/pools/pool';
import type { Round } from '../../shared/pools/round';
import type { apiClient } from './client';
import type { LocalRuntime } from './runtime';
import type { SeededFunder } from './scenario';

const DAY = 86400_000;

type Api = ReturnType<typeof apiClient>;
type Check = (name: string, ok: boolean, detail?: string) => void;

type PoolGrant = Grant;

export interface PoolDemoResult {
  poolId: string;
  grants: { wva: PoolGrant; volunteerCentre: PoolGrant; coastal: PoolGrant };
}

export type DemoFunders = Record<'county' | 'district' | 'icb' | 'harbourside' | 'millbank' | 'communityFoundation', SeededFunder>;

interface PoolScenarioInput {
  runtime: LocalRuntime;
  api: Api;
  funders: DemoFunders;
  admin: { id: string; email: string };
  consortium: Consortium;
  start: Date;
  progress: (line: string) => void;
  check: Check;
}

type Providers = Record<'wva' | 'volunteerCentre' | 'coastal' | 'nhsTrust', Organisation>;
type Pledges = Record<'county' | 'district' | 'icb' | 'harbourside' | 'millbank', Pledge>;

/**
 * The Wyvernshire consortium pools its money: multi-year, restricted and odd-penny pledges,
 * money received over the spring, one round approved by contribution-weighted vote and
 * committed as three grants, one rejected. The year that follows is in demo-reports.ts.
 */
export async function runPoolScenario(ctx: PoolScenarioInput): Promise<PoolDemoResult> {
  ctx.progress('day 16: the Wyvernshire consortium opens a pooled fund with two lots…');
  await at(ctx, 16);
  const providers = await registerProviders(ctx);
  const pool = await openPool(ctx);
  const pledges = await takePledges(ctx, pool);
  await receiveMoney(ctx, pool, pledges);
  const first = await firstRound(ctx, pool, providers);
  const second = await secondRound(ctx, pool, providers);
  return checkRounds(ctx, pool, first, second, providers);
}

/** Moves the virtual clock to the given day of the scenario. */
function at(ctx: PoolScenarioInput, days: number): Promise<void> {
  return ctx.runtime.advanceTo(new Date(ctx.start.getTime() + days * DAY));
}

/** The platform admin registers the three providers the pool will fund and the NHS trust that benefits. */
async function registerProviders(ctx: PoolScenarioInput): Promise<Providers> {
  const provider = (name: string, identifier: string, contactEmail: string) =>
    ctx.api.call<Organisation>(ctx.admin, 'POST', '/organisations', { name, kind: 'provider', identifier, contactEmail });
  const wva = await provider('Wyvern Voluntary Action', 'GB-CHC-1077001', 'hello@wva.example.org');
  const volunteerCentre = await provider('Eastbrook Volunteer Centre', 'GB-CHC-1088002', 'office@eastbrook-vc.example.org');
  const coastal = await provider('Coastal Communities Network', '360G-coastal-communities-network', 'team@coastal-network.example.org');
  const nhsTrust = await provider('Wyvern Community Health NHS Trust', 'GB-NHS-RWY', 'partnerships@wyvern-health.example.org');
  return { wva, volunteerCentre, coastal, nhsTrust };
}

/** The lead opens the consortium's pooled fund with a north and a south lot. */
function openPool(ctx: PoolScenarioInput): Promise<Pool> {
  return ctx.api.call<Pool>(ctx.funders.county.admin, 'POST', `/consortia/${ctx.consortium.id}/pools`, {
    name: 'Wyvernshire Local Infrastructure Pool',
    purpose: 'Core support for local infrastructure organisations across Wyvernshire',
    lots: [
      { id: 'north', name: 'North Wyvernshire' },
      { id: 'south', name: 'South Wyvernshire' },
    ],
  });
}

/** Five funders pledge: a two-year pledge, money restricted to a lot or a purpose, and odd pence. */
async function takePledges(ctx: PoolScenarioInput, pool: Pool): Promise<Pledges> {
  const f = ctx.funders;
  const pledge = (who: SeededFunder, years: [string, number][], restriction: unknown = { kind: 'core' }) =>
    ctx.api.call<Pledge>(who.admin, 'POST', `/pools/${pool.id}/pledges`, {
      funderOrgId: who.org.id,
      currency: 'GBP',
      years: years.map(([financialYear, amount]) => ({ financialYear, amount })),
      restriction,
    });
  ctx.progress('day 17: pledges — a two-year pledge, restricted money, and odd pence…');
  const county = await pledge(f.county, [
    ['2026-27', 6_000_000],
    ['2027-28', 6_000_000],
  ]);
  const district = await pledge(f.district, [['2026-27', 2_500_000]], { kind: 'restricted', lotId: 'south' });
  const icb = await pledge(f.icb, [['2026-27', 4_000_000]]);
  const harbourside = await pledge(f.harbourside, [['2026-27', 1_500_000]], { kind: 'restricted', purpose: 'volunteering' });
  const millbank = await pledge(f.millbank, [['2026-27', 2_000_033]]);
  return { county, district, icb, harbourside, millbank };
}

/** The lead records the money as it arrives over days 20–45; a receipt beyond a pledge is refused. */
async function receiveMoney(ctx: PoolScenarioInput, pool: Pool, p: Pledges): Promise<void> {
  const { api, check } = ctx;
  const lead = ctx.funders.county.admin;
  const receive = (pl: Pledge, amount: number, receivedOn: string) =>
    api.call(lead, 'POST', `/pools/${pool.id}/pledges/${pl.id}/contributions`, { amount, currency: 'GBP', receivedOn });
  ctx.progress('days 20–45: money arrives…');
  await at(ctx, 20);
  await receive(p.county, 6_000_000, '2026-04-21');
  await receive(p.icb, 4_000_000, '2026-04-24');
  await at(ctx, 30);
  await receive(p.district, 2_500_000, '2026-05-01');
  await receive(p.harbourside, 1_500_000, '2026-05-01');
  await at(ctx, 45);
  await receive(p.millbank, 1_000_017, '2026-05-16');
  const over = await api
    .call(lead, 'POST', `/pools/${pool.id}/pledges/${p.district.id}/contributions`, {
      amount: 1,
      currency: 'GBP',
      receivedOn: '2026-05-17',
    })
    .then(
      () => 'accepted',
      (e: { status?: number }) => String(e.status),
    );
  check('over-receipt against a pledge is refused', over === '409', over);
}

/** A funder proposes a grant in a round (12 months from July unless the body says otherwise). */
function proposeGrant(ctx: PoolScenarioInput, who: SeededFunder, r: Round, body: Record<string, unknown>) {
  return ctx.api.call(who.admin, 'POST', `/rounds/${r.id}/proposals`, {
    currency: 'GBP',
    durationMonths: 12,
    plannedStart: '2026-07-01',
    ...body,
  });
}

/** On that day the lead opens a round (its workflow starts). */
async function openRound(ctx: PoolScenarioInput, pool: Pool, day: number, name: string): Promise<Round> {
  await at(ctx, day);
  const round = await ctx.api.call<Round>(ctx.funders.county.admin, 'POST', `/pools/${pool.id}/rounds`, { name });
  await ctx.runtime.settle();
  return round;
}

/** The lead closes a round for voting. */
async function closeRound(ctx: PoolScenarioInput, r: Round): Promise<void> {
  await ctx.api.call(ctx.funders.county.admin, 'POST', `/rounds/${r.id}/close`);
  await ctx.runtime.settle();
}

/** The funders vote in this order (each vote is weighted by what its funder put in). */
async function vote(ctx: PoolScenarioInput, r: Round, ballots: [SeededFunder, { decision: 'approve' | 'reject'; comment?: string }][]) {
  for (const [who, ballot] of ballots) await ctx.api.call(who.admin, 'POST', `/rounds/${r.id}/votes`, ballot);
  await ctx.runtime.settle();
}

/** Day 46–52: round 1 opens, three grants are proposed, the round closes and the funders vote. */
async function firstRound(ctx: PoolScenarioInput, pool: Pool, p: Providers): Promise<Round> {
  const f = ctx.funders;
  ctx.progress('day 46: round 1 opens; funders propose three grants…');
  const round = await openRound(ctx, pool, 46, 'Infrastructure round 2026');
  await proposeGrant(ctx, f.county, round, {
    recipientOrgId: p.wva.id,
    title: 'Core support for Wyvern Voluntary Action',
    description: 'Funding advice, governance support and convening for small groups in the north of the county.',
    amount: 4_500_000,
    lotId: 'north',
    beneficiaryOrgIds: [p.nhsTrust.id],
  });
  await proposeGrant(ctx, f.icb, round, {
    recipientOrgId: p.volunteerCentre.id,
    title: 'Volunteering hub for Eastbrook',
    amount: 1_800_050,
    lotId: 'south',
    purpose: 'volunteering',
    durationMonths: 18,
    beneficiaryOrgIds: [p.nhsTrust.id],
  });
  await proposeGrant(ctx, f.harbourside, round, {
    recipientOrgId: p.coastal.id,
    title: 'Coastal community voice network',
    amount: 999_999,
    lotId: 'south',
    regrantType: 'FRG010',
  });

  ctx.progress('day 50: the round closes; the funders vote (weighted by what each put in)…');
  await at(ctx, 50);
  await closeRound(ctx, round);
  await at(ctx, 52);
  await vote(ctx, round, [
    [f.county, { decision: 'approve' }],
    [f.district, { decision: 'reject', comment: 'We would prefer more in the south' }],
    [f.icb, { decision: 'approve' }],
  ]);
  return round;
}

/** Day 60: a second round with one top-up proposal is closed and voted down. */
async function secondRound(ctx: PoolScenarioInput, pool: Pool, p: Providers): Promise<Round> {
  const f = ctx.funders;
  ctx.progress('day 60: a second round is proposed and rejected…');
  const second = await openRound(ctx, pool, 60, 'Summer top-up');
  await proposeGrant(ctx, f.millbank, second, { recipientOrgId: p.wva.id, title: 'Digital skills top-up', amount: 700_000 });
  await closeRound(ctx, second);
  await vote(ctx, second, [
    [f.county, { decision: 'reject' }],
    [f.icb, { decision: 'reject' }],
  ]);
  return second;
}

/** Reads back both rounds, the committed grants and the free-rider view, and checks them. */
async function checkRounds(ctx: PoolScenarioInput, pool: Pool, first: Round, second: Round, p: Providers): Promise<PoolDemoResult> {
  const { api, check } = ctx;
  const lead = ctx.funders.county.admin;
  const { dynamoPools } = await import('../../shared/pools/dynamodb-store');
  const grants = await dynamoPools.listPoolGrants(pool.id);
  const firstStatus = await api.call<{ status: string }>(lead, 'GET', `/rounds/${first.id}`);
  const secondStatus = await api.call<{ status: string }>(lead, 'GET', `/rounds/${second.id}`);
  check('round approved by contribution-weighted vote and committed', firstStatus.status === 'committed', firstStatus.status);
  check('rejected round commits nothing', secondStatus.status === 'rejected', secondStatus.status);
  check('three grants committed', grants.length === 3, String(grants.length));

  const riders = await api.call<{ benefitingWithoutContributing: { orgId: string }[] }>(
    lead,
    'GET',
    `/consortia/${ctx.consortium.id}/free-riders`,
  );
  check(
    'free-rider view lists the NHS trust that benefits without paying',
    riders.benefitingWithoutContributing.some((r) => r.orgId === p.nhsTrust.id),
  );

  const titled = (recipientOrgId: string) => grants.find((g) => g.recipientOrgId === recipientOrgId) as (typeof grants)[number];
  return {
    poolId: pool.id,
    grants: { wva: titled(p.wva.id), volunteerCentre: titled(p.volunteerCentre.id), coastal: titled(p.coastal.id) },
  };
}

/** Re-derives each pool's figures and every grant's attribution from the ledger entries. */
export async function poolFigures(poolId: string, check: Check) {
  const { dynamoPools: dynamoPoolStore } = await import('../../shared/pools/dynamodb-store');
  const { reconcile } = await import('../../shared/pools/reconcile');
  const { replay } = await import('../../shared/pools/ledger');
  const { available } = await import('../../shared/pools/pool');
  const pool = (await dynamoPoolStore.getPool(poolId)) as Pool;
  const rec = await reconcile({ pools: dynamoPoolStore }, pool);
  check('ledger re-derived from its entries matches the stored totals', rec.balanced, rec.problems.join('; '));
  const entries = await dynamoPoolStore.listLedger(poolId);
  const grants = await dynamoPoolStore.listPoolGrants(poolId);
  let attributionExact = true;
  for (const g of grants) {
    // Each funder's share of the grant from its entries alone: awards and raises credit the
    // grant's accounts, cuts (release) debit them. Payments are not part of the share.
    const fromLedger = new Map<string, number>();
    for (const e of entries.filter((x) => x.grantId === g.id && (x.type === 'allocation' || x.type === 'release'))) {
      for (const p of e.postings.filter((x) => x.account.startsWith(`grant:${g.id}:`))) {
        const bucket = p.account.slice(`grant:${g.id}:`.length);
        fromLedger.set(bucket, (fromLedger.get(bucket) ?? 0) - p.amount);
      }
    }
    for (const [bucket, v] of fromLedger) if (v === 0) fromLedger.delete(bucket);
    const stored = (await dynamoPoolStore.getGrant(g.id))?.shares ?? [];
    const sumLedger = [...fromLedger.values()].reduce((a, v) => a + v, 0);
    const matches =
      stored.filter((s) => s.amount > 0).length === fromLedger.size && stored.every((s) => (fromLedger.get(s.bucket) ?? 0) === s.amount);
    if (sumLedger !== g.amount || !matches) attributionExact = false;
  }
  // Paid per grant from the entries equals what the shares record.
  const derived = replay(entries);
  for (const g of grants) {
    const paidLedger = [...(derived.paid.get(g.id)?.values() ?? [])].reduce((a, v) => a + v, 0);
    const stored = ((await dynamoPoolStore.getGrant(g.id))?.shares ?? []).reduce((a, s) => a + s.paid - s.returned, 0);
    if (paidLedger !== stored) attributionExact = false;
  }
  check('every grant’s funder shares sum exactly to it, as the ledger says', attributionExact);
  return {
    pools: [
      {
        id: pool.id,
        pledged: pool.pledged,
        received: rec.received,
        committed: rec.committed,
        paid: rec.paid,
        returned: rec.returned,
        available: rec.received - rec.committed + rec.returned,
        ledgerBalanced: rec.balanced && available(pool) === rec.received - rec.committed + rec.returned - rec.reserved,
      },
    ],
    grants: { count: grants.length, attributionExact },
  };
}
