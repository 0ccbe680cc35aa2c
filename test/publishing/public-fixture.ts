import type { Caller } from '../../shared/consortia/caller';
import { settleConsortium } from '../../shared/consortia/invitation';
import type { Organisation } from '../../shared/consortia/organisation';
import { allocateDirect } from '../../shared/pools/awards';
import { proposalRecord, roundRecord } from '../../shared/pools/codecs';
import { createPool, recordContribution, recordPledge } from '../../shared/pools/pools';
import type { Proposal, Round } from '../../shared/pools/round';
import { defaultSettings, type PublishingSettings } from '../../shared/publishing/settings';
import { bidRecord, interestRecord, tenderRecord } from '../../shared/tenders/codecs';
import { noProcess } from '../../shared/tenders/process';
import { regimeOf } from '../../shared/tenders/regime';
import type { Tender } from '../../shared/tenders/tender';
import { memoryTenders } from '../support/in-memory/tenders';
import { consortium, type MemorySystem, memorySystem, organisation } from '../support/memory';

/**
 * Two active consortia on one in-memory table (so a leak from one to the other would show), each
 * with a pool, grants, rounds and tenders in every state the public page treats differently.
 * Rounds, tenders, interests and bids are written as their items (through the features' codecs),
 * so each can be put in any state without running its workflow. The clock stands at 1 June 2026.
 */
export const NOW = new Date('2026-06-01T12:00:00Z');
/** Tender A1 takes bids until then: the page is built before and after it. */
export const OPEN_DEADLINE = '2026-06-15T12:00:00Z';

type Funder = { org: Organisation; caller: Caller };

const at = (date: string) => `${date}T09:00:00.000Z`;

function put(sys: MemorySystem, items: Record<string, unknown>[]) {
  for (const item of items) sys.table.put({ pk: String(item.pk), sk: String(item.sk) }, item);
}

function round(sys: MemorySystem, r: Omit<Round, 'version' | 'openedBy'>, proposals: Omit<Proposal, 'by' | 'durationMonths'>[]) {
  put(sys, [
    roundRecord.toItem({ ...r, openedBy: 'u', version: 1 }),
    ...proposals.map((p) => proposalRecord.toItem({ ...p, by: 'u', durationMonths: 12 }, r.id)),
  ]);
}

/** An advertised light-touch open procedure, scored 60% on local knowledge and 40% on price. */
const procedure = { procedure: 'open', lightTouch: true, authorityType: 'sub-central', advertised: true } as const;
const criteria: Tender['criteria'] = [
  { id: 'local', title: 'Local knowledge', kind: 'quality', weight: 60 },
  { id: 'price', title: 'Price', kind: 'price', weight: 40 },
];

type TenderSpec = Pick<Tender, 'id' | 'title' | 'status'> &
  Partial<Pick<Tender, 'publishedAt' | 'outcomes' | 'signOffs' | 'cancellation' | 'closedAt'>> & { deadline: string };

function tender(sys: MemorySystem, c: { id: string }, poolId: string, lead: Funder, spec: TenderSpec) {
  const { deadline, ...fields } = spec;
  const after = (days: number) => new Date(Date.parse(deadline) + days * 86400_000).toISOString();
  const t: Tender = {
    ...noProcess(),
    consortiumId: c.id,
    poolId,
    buyerOrgId: lead.org.id,
    regime: regimeOf({ estimatedValue: 4_500_000, lightTouch: true, authorityType: 'sub-central', on: '2026-04-01' }),
    createdAt: at('2026-04-02'),
    createdBy: lead.caller.user.id,
    version: 1,
    description: `What ${spec.title} buys.`,
    documents: [],
    lots: [
      { id: 'north', title: `${spec.title}: north`, value: 3_000_000, scope: { kind: 'geography', label: 'North of the county' } },
      { id: 'south', title: `${spec.title}: south`, value: 1_500_000, scope: { kind: 'function', label: 'Volunteering' } },
    ],
    ...procedure,
    criteria,
    dates: { clarificationDeadline: after(-5), submissionDeadline: deadline, evaluationEnd: after(10), awardDecision: after(20) },
    funders: [{ orgId: lead.org.id, amount: 4_500_000 }],
    panel: [lead.caller.user.id],
    ...fields,
  };
  put(sys, [tenderRecord.toItem(t)]);
  return t;
}

function bidders(sys: MemorySystem, tenderId: string, names: string[], bids: Record<string, string[]>) {
  names.forEach((orgName, i) => {
    const interestId = `${tenderId}-i${i}`;
    put(sys, [
      interestRecord.toItem({
        id: interestId,
        tenderId,
        orgName,
        email: `bids${i}@${tenderId}.test`,
        registeredAt: at('2026-04-20'),
        invited: false,
      }),
    ]);
    const lots = bids[orgName];
    if (lots)
      put(sys, [
        bidRecord.toItem({
          tenderId,
          interestId,
          lots: lots.map((lotId) => ({ lotId, answers: {}, price: 1_000_000, documents: [] })),
          submittedAt: at('2026-04-25'),
          revision: 1,
        }),
      ]);
  });
}

/** An active consortium with a pool of £50,000 received, its lead and a member. */
async function fundedPool(sys: MemorySystem, admin: Caller, names: [string, string], pool: string) {
  const lead = await organisation(sys, admin, names[0]);
  const member = await organisation(sys, admin, names[1]);
  const c = await consortium(sys, [lead, member]);
  await settleConsortium(sys.deps, { consortiumId: c.id, outcome: 'activate' });
  const p = await createPool(sys.deps, lead.caller, c.id, {
    name: pool,
    purpose: `${pool}: local infrastructure`,
    lots: [{ id: 'all', name: `${pool} lot` }],
  });
  const pledge = await recordPledge(sys.deps, member.caller, p.id, {
    funderOrgId: member.org.id,
    currency: 'GBP',
    years: [{ financialYear: '2026-27', amount: 5_000_000 }],
    restriction: { kind: 'core' },
  });
  await recordContribution(sys.deps, lead.caller, p.id, pledge.id, { amount: 5_000_000, currency: 'GBP', receivedOn: '2026-04-01' });
  // A day apart, so the grants' order (by award) is the order they were made in.
  const grant = async (recipient: Organisation, title: string, amount: number) => {
    sys.advanceDays(1);
    return allocateDirect(sys.deps, lead.caller, p.id, {
      recipientOrgId: recipient.id,
      title,
      currency: 'GBP',
      durationMonths: 12,
      plannedStart: '2026-05-01',
      amount,
    });
  };
  return { lead, member, c, pool: p, grant };
}

export async function twoConsortia() {
  const sys = memorySystem(new Date('2026-04-01T09:00:00Z'));
  const deps = { ...sys.deps, tenders: memoryTenders(sys.table) };
  const admin = await sys.admin();
  const provider = async (name: string) => (await organisation(sys, admin, name, 'provider')).org;
  const a = await fundedPool(sys, admin, ['Wyvernshire County Council', 'Harbourside Trust'], 'Wyvern Fund');
  const b = await fundedPool(sys, admin, ['Borsetshire Council', 'Ambridge Foundation'], 'Borset Fund');

  const wva = await provider('Wyvern Voluntary Action');
  const eastside = await provider('Eastside CVS');
  const unlucky = await provider('Unlucky Trust');
  const rejected = await provider('Rejected Applicant Ltd');
  const hopeful = await provider('Hopeful Pending Org');
  const g1 = await a.grant(wva, 'Volunteer centre', 600_000);
  const g2 = await a.grant(eastside, 'Community buildings advice', 400_000);
  // Round A1 funded two of its three proposals (2 of 3: 66.7%); A2 rejected its one; A3 is open.
  round(
    sys,
    {
      id: 'round-a1',
      poolId: a.pool.id,
      consortiumId: a.c.id,
      name: 'Spring round',
      status: 'committed',
      openedAt: at('2026-04-02'),
      closedAt: at('2026-04-10'),
      decidedAt: at('2026-04-15'),
    },
    [
      { id: 'p1', recipientOrgId: wva.id, title: 'Volunteer centre', amount: 600_000, status: 'funded', grantId: g1.id },
      { id: 'p2', recipientOrgId: eastside.id, title: 'Community buildings advice', amount: 400_000, status: 'funded', grantId: g2.id },
      {
        id: 'p3',
        recipientOrgId: unlucky.id,
        title: 'Unlucky idea',
        amount: 900_000,
        status: 'not-funded',
        reason: 'Unlucky Trust asked for too much',
      },
    ],
  );
  round(
    sys,
    {
      id: 'round-a2',
      poolId: a.pool.id,
      consortiumId: a.c.id,
      name: 'Winter round',
      status: 'rejected',
      openedAt: at('2026-04-03'),
      decidedAt: at('2026-04-20'),
    },
    [{ id: 'p4', recipientOrgId: rejected.id, title: 'Rejected plan', amount: 100_000, status: 'not-funded' }],
  );
  round(
    sys,
    { id: 'round-a3', poolId: a.pool.id, consortiumId: a.c.id, name: 'Summer round', status: 'open', openedAt: at('2026-05-20') },
    [{ id: 'p5', recipientOrgId: hopeful.id, title: 'Hopeful bid', amount: 100_000, status: 'proposed' }],
  );

  const tenderOf = (spec: TenderSpec) => tender(sys, a.c, a.pool.id, a.lead, spec);
  const open = tenderOf({
    id: 'tender-a1',
    title: 'Advice service',
    status: 'published',
    publishedAt: at('2026-05-01'),
    deadline: OPEN_DEADLINE,
  });
  bidders(sys, open.id, ['Early Bidder Ltd', 'Watching Org'], { 'Early Bidder Ltd': ['north'] });
  const awarded = tenderOf({
    id: 'tender-a2',
    title: 'Volunteering support',
    status: 'awarded',
    publishedAt: at('2026-04-03'),
    deadline: '2026-04-30T12:00:00Z',
    closedAt: at('2026-05-25'),
    outcomes: [
      {
        lotId: 'north',
        status: 'awarded',
        winner: { interestId: 'tender-a2-i0', orgName: 'Northern Hub CIC', price: 2_900_000, total: 81 },
        awardedAt: at('2026-05-24'),
      },
      {
        lotId: 'south',
        status: 'failed',
        reason: 'challenge upheld: the evaluation was rerun',
        winner: { interestId: 'tender-a2-i1', orgName: 'Losing Bidder Ltd', price: 1_400_000, total: 70 },
      },
    ],
  });
  bidders(sys, awarded.id, ['Northern Hub CIC', 'Losing Bidder Ltd', 'Silent Interest Ltd'], {
    'Northern Hub CIC': ['north'],
    'Losing Bidder Ltd': ['north', 'south'],
  });
  tenderOf({
    id: 'tender-a3',
    title: 'Digital skills',
    status: 'sign-off',
    deadline: '2026-08-01T12:00:00Z',
    signOffs: [{ orgId: a.lead.org.id, decision: 'approve', by: 'u', at: at('2026-05-30') }],
  });
  tenderOf({ id: 'tender-a4', title: 'Secret draft', status: 'draft', deadline: '2026-09-01T12:00:00Z' });
  tenderOf({
    id: 'tender-a5',
    title: 'Halted lot work',
    status: 'cancelled',
    publishedAt: at('2026-04-04'),
    deadline: '2026-07-01T12:00:00Z',
    cancellation: { reason: 'the council withdrew its money', at: at('2026-05-10'), by: 'u' },
    closedAt: at('2026-05-10'),
  });
  tenderOf({ id: 'tender-a6', title: 'Unsigned plan', status: 'sign-off', deadline: '2026-08-01T12:00:00Z' });

  // Consortium B: its own grant, round and tender, named so a leak into A's page is found.
  const bRecipient = await provider('Borset Recipient Ltd');
  const gb = await b.grant(bRecipient, 'Borset secret grant', 300_000);
  round(
    sys,
    {
      id: 'round-b1',
      poolId: b.pool.id,
      consortiumId: b.c.id,
      name: 'Borset round',
      status: 'committed',
      openedAt: at('2026-04-02'),
      decidedAt: at('2026-04-12'),
    },
    [{ id: 'pb1', recipientOrgId: bRecipient.id, title: 'Borset secret grant', amount: 300_000, status: 'funded', grantId: gb.id }],
  );
  tender(sys, b.c, b.pool.id, b.lead, {
    id: 'tender-b1',
    title: 'Borset tender',
    status: 'published',
    publishedAt: at('2026-04-05'),
    deadline: '2026-05-01T12:00:00Z',
  });
  bidders(sys, 'tender-b1', ['Borset Bidder Ltd'], { 'Borset Bidder Ltd': ['north'] });

  const settings = (c: { id: string }, change: Partial<PublishingSettings> = {}): PublishingSettings => ({
    ...defaultSettings(c.id),
    published: true,
    ...change,
  });
  return { sys, deps, a, b, settings, grants: { g1, g2, gb }, providers: { wva, eastside, unlucky, rejected, hopeful, bRecipient } };
}
