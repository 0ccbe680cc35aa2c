import { settleConsortium } from '../../shared/consortia/invitation';
import { setPlan } from '../../shared/grants/plan';
import { allocateDirect, commitGrant } from '../../shared/pools/awards';
import type { AllocationRequest } from '../../shared/pools/grant';
import type { Pool } from '../../shared/pools/pool';
import { createPool, recordContribution, recordPledge } from '../../shared/pools/pools';
import { openRound } from '../../shared/pools/rounds';
import { build360Package, type Giving360Source, load360Source } from '../../shared/publishing/giving360-feed';
import { defaultSettings, type GrantPublishing } from '../../shared/publishing/settings';
import { consortium, organisation } from '../support/memory';
import { systemWithFunders } from '../support/usecases';

/** The places chosen: Cambridgeshire (county) for the consortium; Cambridge (district) and an ICB for grant A. */
export const PLACE = 'E10000003';
export const AREAS = ['E07000008', 'E54000056'];
/** Registered 360Giving prefixes, as each funder would set them. */
export const PREFIXES = ['360G-wyvernshire', '360G-harbourside', '360G-millbank'] as const;

/**
 * A consortium of three funders (the first leads and holds the pool) with one pool: the member
 * pledges £30,000 (all received), the third funder £20,000 for 2026-27 and £10,000 for 2027-28
 * (£15,000 received), the host itself £10,000 (received). From it: grants A (£12,000), B (£8,000),
 * C (£3,000), D (£6,000 in two tranches) and R (£5,000, from a round), a day after the money came in.
 */
export async function world() {
  const { sys, admin, funders } = await systemWithFunders(3);
  const d = sys.deps;
  const [lead, member, third] = funders;
  const providers = [
    await organisation(sys, admin, 'Eastbrook CVS', 'provider'),
    await organisation(sys, admin, 'Fenside Voluntary Action', 'provider'),
  ];
  const c = await consortium(sys, funders);
  await settleConsortium(d, { consortiumId: c.id, outcome: 'activate' });
  const pool = await createPool(d, lead.caller, c.id, { name: 'Wyvern Fund', purpose: 'Local infrastructure support', lots: [] });
  const pledge = async (f: typeof lead, years: [string, number][], received: number) => {
    sys.advanceDays(1 / 24);
    const p = await recordPledge(d, f.caller, pool.id, {
      funderOrgId: f.org.id,
      currency: 'GBP',
      years: years.map(([financialYear, amount]) => ({ financialYear, amount })),
      restriction: { kind: 'core' },
    });
    await recordContribution(d, lead.caller, pool.id, p.id, { amount: received, currency: 'GBP', receivedOn: '2026-04-01' });
    return p;
  };
  const pledges = {
    member: await pledge(member, [['2026-27', 3_000_000]], 3_000_000),
    third: await pledge(
      third,
      [
        ['2026-27', 2_000_000],
        ['2027-28', 1_000_000],
      ],
      1_500_000,
    ),
    host: await pledge(lead, [['2026-27', 1_000_000]], 1_000_000),
  };
  sys.advanceDays(1);
  const request = (title: string, amount: number, to = 0): AllocationRequest & { currency: string } => ({
    recipientOrgId: providers[to]?.org.id as string,
    title,
    description: `${title}: support for small groups`,
    amount,
    currency: 'GBP',
    durationMonths: 12,
    plannedStart: '2026-05-01',
  });
  // An hour apart, so the package's order (oldest award first) is theirs.
  const award = (title: string, amount: number, to = 0) => {
    sys.advanceDays(1 / 24);
    return allocateDirect(d, lead.caller, pool.id, request(title, amount, to));
  };
  const grants = { a: await award('Grant A', 1_200_000), b: await award('Grant B', 800_000, 1), c: await award('Grant C', 300_000) };
  const round = await openRound(d, lead.caller, pool.id, { name: 'Spring round' });
  const { currency: _c, ...proposal } = request('Grant R', 500_000, 1);
  sys.advanceDays(1 / 24);
  const r = await commitGrant(d, { poolId: pool.id, grantId: 'GRANT-R', request: proposal, actor: lead.caller.user.id, roundId: round.id });
  const dGrant = await award('Grant D', 600_000);
  await setPlan(d, lead.caller, dGrant.id, {
    conditions: [],
    tranches: [
      { amount: 300_000, dueDate: '2026-05-01' },
      { amount: 300_000, dueDate: '2026-10-01' },
    ],
    reporting: { frequency: 'one-off', template: 'light', dueDate: '2026-09-01' },
  });

  const grantPublishing = new Map<string, GrantPublishing>([
    [grants.a.id, { grantId: grants.a.id, areaCodes: AREAS, functions: ['convening', 'facilitating-funding'] }],
  ]);
  const feedUrl = `https://grantloop.test/open/${c.id}/360giving.json`;
  /** The source as the feed reads it, with each funder's registered prefix set (the consortia feature's new field). */
  const source = async (): Promise<Giving360Source> => {
    const src = await load360Source(d, c.id, { ...defaultSettings(c.id), placeCode: PLACE }, grantPublishing, feedUrl);
    funders.forEach((f, i) => {
      src.orgs.set(f.org.id, { ...(src.orgs.get(f.org.id) ?? f.org), giving360Prefix: PREFIXES[i] });
    });
    return src;
  };
  const pkg = async () => build360Package(await source());
  const poolNow = async () => (await d.pools.getPool(pool.id)) as Pool;
  return { sys, d, c, pool, funders, providers, pledges, grants: { ...grants, r: r.grant, d: dGrant }, round, source, pkg, poolNow };
}
