import type { Caller } from '../../shared/consortia/caller';
import type { Consortium } from '../../shared/consortia/consortium';
import { addMember, createOrganisation } from '../../shared/consortia/organisations';
import { contractFromAward } from '../../shared/contracts/from-tender';
import { newLinkToken } from '../../shared/platform/links/token';
import { makeEvent, subject } from '../../shared/tenders/events';
import { noProcess } from '../../shared/tenders/process';
import { regimeOf } from '../../shared/tenders/regime';
import type { Interest } from '../../shared/tenders/store';
import type { Tender } from '../../shared/tenders/tender';
import { memoryContracts } from './in-memory/contracts';
import { memoryTenders } from './in-memory/tenders';
import { consortium, memorySystem } from './memory';

/**
 * A consortium's tenders on the in-memory adapters, written as their workflow leaves them, for
 * the public OCDS feed: "early" (bids closed 6 July 2026, awarded on the 10th, its lot now a
 * council's contract), "late" (bids close 20 July), a draft, and a published tender of another
 * consortium. Every bid is submitted through the store as a provider's link would, on 1 July.
 */
export const START = new Date('2026-07-01T09:00:00Z');

async function people(sys: ReturnType<typeof memorySystem>) {
  const admin = await sys.admin();
  let n = 0;
  const funder = async (name: string, identifier: string, funderType: 'local-authority' | 'trust-foundation') => {
    const org = await createOrganisation(sys.deps, admin, { name, kind: 'funder', funderType, identifier, contactEmail: `c${++n}@f.test` });
    const { user } = await addMember(sys.deps, admin, org.id, { email: `admin${n}@f.test`, name: `Admin ${n}`, role: 'admin' });
    return { org, caller: await sys.callerOf(user) };
  };
  return {
    council: await funder('Wyvernshire County Council', 'GB-LAE-WYV', 'local-authority'),
    trust: await funder('Harbourside Trust', 'GB-CHC-1100001', 'trust-foundation'),
    stranger: await funder('Elsewhere Borough Council', 'GB-LAE-ELS', 'local-authority'),
  };
}

const lot = { id: 'support', title: 'Infrastructure support', value: 4_000_000, scope: { kind: 'function' as const, label: 'Support' } };

/** An open procedure for light-touch services, advertised, by a local authority (sub-central). */
const terms = { procedure: 'open', lightTouch: true, authorityType: 'sub-central', advertised: true } as const;
const daysFrom = (at: string, days: number) => new Date(Date.parse(at) + days * 86400_000).toISOString();

function draftOf(c: Consortium, buyer: string, funders: string[], id: string, deadline: string, over: Partial<Tender> = {}): Tender {
  return {
    ...noProcess(),
    id,
    consortiumId: c.id,
    poolId: 'pool',
    buyerOrgId: buyer,
    regime: regimeOf({ estimatedValue: lot.value, lightTouch: terms.lightTouch, authorityType: terms.authorityType, on: '2026-06-01' }),
    status: 'published',
    createdAt: '2026-06-01T09:00:00.000Z',
    createdBy: 'u1',
    version: 1,
    title: `Tender ${id}`,
    description: 'Support for the voluntary sector.',
    documents: [],
    lots: [lot],
    ...terms,
    criteria: [
      { id: 'quality', title: 'Quality', kind: 'quality', weight: 70 },
      { id: 'price', title: 'Price', kind: 'price', weight: 30 },
    ],
    // Questions close five days before the deadline; the award is due eight days after it.
    dates: {
      clarificationDeadline: daysFrom(deadline, -5),
      submissionDeadline: deadline,
      evaluationEnd: daysFrom(deadline, 5),
      awardDecision: daysFrom(deadline, 8),
    },
    funders: funders.map((orgId) => ({ orgId, amount: lot.value / funders.length })),
    panel: ['u1'],
    signOffs: funders.map((orgId) => ({ orgId, decision: 'approve' as const, by: 'u1', at: '2026-06-10T09:00:00.000Z' })),
    publishedAt: '2026-06-10T09:00:05.000Z',
    notices: [{ type: 'UK4', publishedAt: '2026-06-10T09:00:05.000Z', lotIds: [] }],
    ...over,
  };
}

export async function feedScenario() {
  const sys = memorySystem(START);
  const deps = { ...sys.deps, tenders: memoryTenders(sys.table), contracts: memoryContracts(sys.table) };
  const { council, trust, stranger } = await people(sys);
  const mine = await consortium(sys, [council, trust]);
  const theirs = await consortium(sys, [stranger as { org: typeof stranger.org; caller: Caller }]);
  const funders = [council.org.id, trust.org.id];
  const create = async (t: Tender) => {
    const data = { tenderId: t.id, status: t.status, consortiumId: t.consortiumId };
    await deps.tenders.createTender(t, makeEvent('tender.drafted', subject.tender(t.id), 'test', data, START));
    return t;
  };
  const early = await create(draftOf(mine, council.org.id, funders, 'TEARLY', '2026-07-06T11:00:00.000Z'));
  const late = await create(draftOf(mine, council.org.id, funders, 'TLATE', '2026-07-20T11:00:00.000Z'));
  const draft = await create(
    draftOf(mine, council.org.id, funders, 'TDRAFT', '2026-07-20T11:00:00.000Z', { status: 'draft', publishedAt: undefined, notices: [] }),
  );
  const other = await create(draftOf(theirs, stranger.org.id, [stranger.org.id], 'TOTHER', '2026-07-06T11:00:00.000Z'));
  return { sys, deps, council, mine, theirs, early, late, draft, other };
}

export type FeedScenario = Awaited<ReturnType<typeof feedScenario>>;

/** A provider registers interest and bids through its link (the store checks the link and the deadline as it would on DynamoDB). */
export async function bid(s: FeedScenario, t: Tender, interest: Omit<Interest, 'tenderId' | 'registeredAt' | 'invited'>, price: number) {
  const now = s.sys.clock.now().toISOString();
  const full: Interest = { ...interest, tenderId: t.id, registeredAt: now, invited: false };
  const registered = { tenderId: t.id, interestId: interest.id, invited: false };
  await s.deps.tenders.addInterest(
    full,
    makeEvent('tender.interest-registered', subject.tender(t.id), 'test', registered, s.sys.clock.now()),
  );
  const link = newLinkToken();
  const scope = { kind: 'bid', tenderId: t.id, interestId: interest.id };
  await s.deps.platform.putLink({ hash: link.hash, scope, status: 'active', expiresAt: '2026-12-31T00:00:00.000Z', createdAt: now });
  const lots = [{ lotId: lot.id, answers: { quality: 'We know the area.' }, price, documents: [] }];
  const event = makeEvent('bid.submitted', subject.bid(t.id, interest.id), 'test', { tenderId: t.id }, s.sys.clock.now());
  const saved = await s.deps.tenders.submitBid(
    { tenderId: t.id, interestId: interest.id, lots, submittedAt: now, revision: 1 },
    link.hash,
    now,
    event,
  );
  if (!saved) throw new Error(`the bid of ${interest.orgName} was refused`);
}

/**
 * The early tender's lot awarded on 10 July 2026 (below threshold: no UK6), its contract details
 * notice (UK7) published and the tender closed, and the buying council's contract registered
 * from the award as the `tender.lot-awarded` consumer registers it.
 */
export async function award(s: FeedScenario, winner: Interest, price: number) {
  const at = s.sys.clock.now().toISOString();
  const grantId = 'GRANTEARLY';
  const t = (await s.deps.tenders.getTender(s.early.id)) as Tender;
  const awarded: Tender = {
    ...t,
    status: 'awarded',
    outcomes: [
      {
        lotId: lot.id,
        status: 'awarded',
        winner: { interestId: winner.id, orgName: winner.orgName, price, total: 80 },
        grantId,
        awardedAt: at,
      },
    ],
    notices: [...t.notices, { type: 'UK7', publishedAt: at, lotIds: [lot.id] }],
    closedAt: at,
    version: t.version + 1,
  };
  const data = { tenderId: t.id, status: 'awarded' as const, released: 0, awarded: [lot.id] };
  await s.deps.tenders.saveTender(awarded, t.version, makeEvent('tender.completed', subject.tender(t.id), 'test', data, s.sys.clock.now()));
  const winnerOrg = { interestId: winner.id, orgId: 'winner-org', name: winner.orgName, email: winner.email };
  const made = await contractFromAward(s.deps, {
    tenderId: t.id,
    lot: { id: lot.id, title: lot.title },
    price,
    winner: winner.identifier ? { ...winnerOrg, identifier: winner.identifier } : winnerOrg,
    grantId,
    poolId: t.poolId,
    buyerOrgId: t.buyerOrgId,
    title: `${t.title}: ${lot.title}`,
    description: t.description,
    startDate: at.slice(0, 10),
    endDate: '2029-07-09',
    regime: t.regime.regime,
  });
  if (!made.created) throw new Error(`no contract: ${made.reason}`);
  return grantId;
}
