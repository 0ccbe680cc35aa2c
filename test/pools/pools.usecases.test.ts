import { describe, expect, it } from 'vitest';
import { settleConsortium } from '../../shared/consortia/invitation';
import { addMember } from '../../shared/consortia/organisations';
import { DomainError } from '../../shared/platform/errors';
import { allocateDirect, loadGrant } from '../../shared/pools/awards';
import { export360Giving } from '../../shared/pools/giving360';
import type { AllocationRequest } from '../../shared/pools/grant';
import { ledgerView } from '../../shared/pools/ledger-view';
import { moveGrantMoney } from '../../shared/pools/payments';
import { createPool, recordContribution, recordPledge, withFreshPool } from '../../shared/pools/pools';
import { reconcile } from '../../shared/pools/reconcile';
import type { Restriction } from '../../shared/pools/restriction';
import {
  awaitRoundClose,
  commitProposal,
  escalateRound,
  notifyRoundCommitted,
  requestVotes,
  settleRound,
  startRoundWorkflow,
} from '../../shared/pools/round-steps';
import { addProposal, closeRound, getRound, leadDecision, openRound, vote } from '../../shared/pools/rounds';
import { funderStatement, funderStatementCsv, poolSummary } from '../../shared/pools/statements';
import { StaleLedgerError } from '../../shared/pools/store';
import { consortium, DAY, organisation } from '../support/memory';
import { systemWithFunders } from '../support/usecases';

/** Fast: the pools use cases on the in-memory adapters (no engines); the same behaviour end to end is in the *.engines tests. */
async function setup({ activate = true } = {}) {
  const { sys, admin, funders } = await systemWithFunders(4);
  const c = await consortium(sys, funders, ['lead', 'member', 'member', 'observer']);
  if (activate) await settleConsortium(sys.deps, { consortiumId: c.id, outcome: 'activate' });
  const provider = await organisation(sys, admin, 'Eastbrook CVS', 'provider');
  const partner = await organisation(sys, admin, 'Wyvern NHS Trust', 'provider');
  const [lead, a, b, observer] = funders;
  const newPool = () =>
    createPool(sys.deps, lead.caller, c.id, {
      name: 'Wyvern Fund',
      purpose: 'Local infrastructure support',
      lots: ['north', 'south'].map((id) => ({ id, name: `${id} Wyvern` })),
    });
  const pool = activate ? await newPool() : undefined;
  const poolId = pool?.id ?? '';
  const pledge = (f: typeof lead, amount: number, restriction: Restriction = { kind: 'core' }, years = ['2026-27']) =>
    recordPledge(sys.deps, f.caller, poolId, {
      funderOrgId: f.org.id,
      currency: 'GBP',
      years: years.map((financialYear) => ({ financialYear, amount })),
      restriction,
    });
  const receive = (pledgeId: string, amount: number, receivedOn = '2026-05-01', who = lead.caller) =>
    recordContribution(sys.deps, who, poolId, pledgeId, { amount, currency: 'GBP', receivedOn });
  const fund = async (f: typeof lead, amount: number, restriction?: Restriction) =>
    receive((await pledge(f, amount, restriction)).id, amount);
  const request = (amount: number, extra: Partial<AllocationRequest> = {}) => ({
    recipientOrgId: provider.org.id,
    title: 'Infrastructure support',
    amount,
    durationMonths: 12,
    plannedStart: '2026-07-01',
    ...extra,
  });
  const award = (amount: number, extra: Partial<AllocationRequest> = {}, who = lead.caller) =>
    allocateDirect(sys.deps, who, poolId, { ...request(amount, extra), currency: 'GBP' });
  const summary = () => poolSummary(sys.deps, lead.caller, poolId);
  const balanced = async () => reconcile(sys.deps, (await sys.deps.pools.getPool(poolId))!);
  const helpers = { pledge, receive, fund, request, award, summary, balanced };
  return { sys, admin, c, lead, a, b, observer, provider, partner, newPool, poolId, ...helpers };
}

/** A pool where the lead put in 40% and two members 30% each; the observer puts in nothing and does not vote. */
async function fundedForRound() {
  const s = await setup();
  await s.fund(s.lead, 400_000);
  await s.fund(s.a, 300_000);
  await s.fund(s.b, 300_000);
  const round = await openRound(s.sys.deps, s.lead.caller, s.poolId, { name: 'Spring round' });
  const cast = (f: typeof s.lead, decision: 'approve' | 'reject', roundId = round.id) => vote(s.sys.deps, f.caller, roundId, { decision });
  return { ...s, round, cast };
}

const rule = (r: string) => ({ issues: [expect.objectContaining({ rule: r })] });
const byOrg = (shares: { funderOrgId: string; amount: number }[]) => Object.fromEntries(shares.map((f) => [f.funderOrgId, f.amount]));
const cb = (token: string, roundId: string) => ({ roundId, taskToken: token, executionName: `round-${roundId}` });

describe('pools use cases (in memory)', () => {
  it('a pool needs an active consortium and its lead’s admin; it starts empty with its event', async () => {
    const s = await setup({ activate: false });
    const lot = { id: 'n', name: 'N' };
    const attempt = (who: typeof s.lead, lots = [lot]) => createPool(s.sys.deps, who.caller, s.c.id, { name: 'Other', purpose: 'x', lots });
    await expect(s.newPool()).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('must be active') });
    await settleConsortium(s.sys.deps, { consortiumId: s.c.id, outcome: 'activate' });
    await expect(attempt(s.a)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(attempt(s.lead, [lot, lot])).rejects.toMatchObject({ kind: 'validation', ...rule('unique-lot') });
    const pool = await s.newPool();
    expect(pool).toMatchObject({ status: 'open', ledgerSeq: 0, pledged: 0, received: 0, committed: 0, paid: 0, returned: 0 });
    expect((await s.sys.deps.platform.listEvents(`pool#${pool.id}`)).map((e) => e.type)).toEqual(['pool.created']);
  });

  it('pledges are made only by an officer or admin of the funder, which must be a voting member; the lot must be the pool’s', async () => {
    const s = await setup();
    const p = await s.pledge(s.a, 120_000, { kind: 'core' }, ['2026-27', '2027-28']);
    expect(p.years).toEqual([
      { financialYear: '2026-27', amount: 120_000, received: 0 },
      { financialYear: '2027-28', amount: 120_000, received: 0 },
    ]);
    expect((await s.summary()).pledged).toBe(240_000);
    // Another funder's admin may not pledge A's money, nor may a viewer of A.
    await expect(recordPledge(s.sys.deps, s.b.caller, s.poolId, { ...p, currency: 'GBP' })).rejects.toMatchObject({ kind: 'forbidden' });
    const { user } = await addMember(s.sys.deps, s.admin, s.a.org.id, { email: 'viewer@a.test', name: 'Viewer', role: 'viewer' });
    const viewer = await s.sys.callerOf(user);
    await expect(s.pledge({ org: s.a.org, caller: viewer }, 1)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(s.pledge({ org: s.provider.org, caller: s.provider.caller }, 1)).rejects.toMatchObject({ kind: 'not-found' });
    const outsider = { org: s.provider.org, caller: s.admin };
    await expect(s.pledge(outsider, 1)).rejects.toMatchObject(rule('consortium-member'));
    await expect(s.pledge(s.observer, 1)).rejects.toMatchObject(rule('not-observer'));
    await expect(s.pledge(s.a, 1, { kind: 'restricted', lotId: 'east' })).rejects.toMatchObject({
      kind: 'validation',
      issues: [expect.objectContaining({ field: 'restriction.lotId', rule: 'pool-lot' })],
    });
    await expect(s.pledge(s.a, 1, { kind: 'core' }, ['2026-28'])).rejects.toMatchObject(rule('financial-year'));
    expect((await s.summary()).pledged).toBe(240_000);
  });

  it('contributions go into the funder’s bucket, by financial year, never beyond the pledge; only the lead records them', async () => {
    const s = await setup();
    const p = await s.pledge(s.a, 1_000_001, { kind: 'restricted', lotId: 'north' }, ['2026-27', '2027-28']);
    await expect(s.receive(p.id, 1, '2026-05-01', s.a.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await s.receive(p.id, 600_000, '2026-06-15')).toMatchObject({ financialYear: '2026-27', seq: 1 });
    expect(await s.receive(p.id, 400_001, '2027-03-31')).toMatchObject({ financialYear: '2026-27', seq: 2 });
    const over = await s.receive(p.id, 1, '2027-01-10').catch((e: unknown) => e);
    expect(over).toBeInstanceOf(DomainError);
    expect(over).toMatchObject({ kind: 'conflict', details: { rule: 'no-over-receipt', remaining: 0 } });
    await expect(s.receive(p.id, 1, '2029-04-01')).rejects.toMatchObject(rule('pledged-year'));
    await expect(s.receive(p.id, 10.5)).rejects.toMatchObject(rule('integer-pence'));
    expect(await s.receive(p.id, 5, '2027-04-01')).toMatchObject({ financialYear: '2027-28', seq: 3 });
    const buckets = await s.sys.deps.pools.listBuckets(s.poolId);
    expect(buckets).toEqual([
      expect.objectContaining({ bucket: `${s.a.org.id}|lot:north`, available: 1_000_006, received: 1_000_006, committed: 0 }),
    ]);
    expect(await s.summary()).toMatchObject({ pledged: 2_000_002, received: 1_000_006, available: 1_000_006, ledgerEntries: 3 });
    expect((await s.sys.deps.pools.getPledge(s.poolId, p.id))?.years.map((y) => y.received)).toEqual([1_000_001, 5]);
    expect(await s.balanced()).toMatchObject({ balanced: true, problems: [], received: 1_000_006 });
  });

  it('a direct award splits exactly by largest remainder over what each funder has available, and the ledger reconciles', async () => {
    const s = await setup();
    await s.fund(s.lead, 50_000);
    await s.fund(s.a, 30_000);
    await s.fund(s.b, 20_001);
    await expect(s.award(1, {}, s.a.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    const g = await s.award(10_000);
    // Exact shares 4999.95, 2999.97 and 2000.08: floors leave 2p, given to the two largest remainders.
    expect(byOrg(g.funders)).toEqual({ [s.lead.org.id]: 5_000, [s.a.org.id]: 3_000, [s.b.org.id]: 2_000 });
    expect(g).toMatchObject({ amount: 10_000, fundingType: 'core', plannedEnd: '2027-06-30', status: 'awarded' });
    expect((await loadGrant(s.sys.deps, g.id)).shares.reduce((x, f) => x + f.amount, 0)).toBe(10_000);
    expect(await s.summary()).toMatchObject({ received: 100_001, committed: 10_000, available: 90_001, grants: 1 });
    expect(await s.balanced()).toMatchObject({ balanced: true, problems: [], committed: 10_000, entries: 4 });
    await expect(s.award(1, { recipientOrgId: 'nobody' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(s.award(1, { lotId: 'east' })).rejects.toMatchObject(rule('pool-lot'));
  });

  it('restricted money funds only its lot: a grant elsewhere is refused with 409 and what it could use', async () => {
    const s = await setup();
    await s.fund(s.lead, 60_000);
    await s.fund(s.a, 30_000);
    await s.fund(s.b, 10_001, { kind: 'restricted', lotId: 'north' });
    const north = await s.award(50_000, { lotId: 'north', title: 'North hub' });
    expect(byOrg(north.funders)).toEqual({ [s.lead.org.id]: 30_000, [s.a.org.id]: 15_000, [s.b.org.id]: 5_000 });
    expect(north.fundingType).toBe('restricted');
    const before = (await s.summary()).ledgerEntries;
    const south = await s.award(50_000, { lotId: 'south' }).catch((e: unknown) => e);
    expect(south).toMatchObject({ kind: 'conflict', details: { needed: 50_000, available: 45_000 } });
    const summary = await s.summary();
    expect(summary).toMatchObject({ ledgerEntries: before, committed: 50_000, available: 50_001, coreAvailable: 45_000 });
    expect(summary.lots.find((l) => l.id === 'north')).toMatchObject({ restrictedReceived: 10_001, restrictedAvailable: 5_001, grants: 1 });
    // Core money alone still funds the south up to what it has.
    expect((await s.award(45_000, { lotId: 'south' })).funders.every((f) => f.restriction.kind === 'core')).toBe(true);
    expect(await s.balanced()).toMatchObject({ balanced: true });
  });

  it('payments and returns are split over the grant’s funders; overpaying is refused; the ledger runs the bank balance', async () => {
    const s = await setup();
    await s.fund(s.lead, 60_000);
    await s.fund(s.a, 30_000);
    await s.fund(s.b, 10_001, { kind: 'restricted', lotId: 'north' });
    const g = await s.award(50_000, { lotId: 'north' });
    const move = (kind: 'payment' | 'return', amount: number, who = s.lead.caller) =>
      moveGrantMoney(s.sys.deps, who, g.id, kind, { amount, currency: 'GBP' });
    await expect(move('payment', 1, s.a.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(move('return', 1)).rejects.toMatchObject({ kind: 'conflict', details: { available: 0 } });
    const paid = await move('payment', 20_001);
    expect(Object.values(paid.byFunder).reduce((x, y) => x + y, 0)).toBe(20_001);
    // Keyed by bucket (funder|restriction): 12,000.6 / 6,000.3 / 2,000.1 by largest remainder.
    const [leadCore, aCore, bNorth] = [`${s.lead.org.id}|core`, `${s.a.org.id}|core`, `${s.b.org.id}|lot:north`];
    expect(paid.byFunder).toEqual({ [leadCore]: 12_001, [aCore]: 6_000, [bNorth]: 2_000 });
    const back = await move('return', 1_000);
    expect(back.byFunder).toEqual({ [leadCore]: 600, [aCore]: 300, [bNorth]: 100 });
    await expect(move('payment', 30_000)).rejects.toMatchObject({ kind: 'conflict', details: { needed: 30_000, available: 29_999 } });
    const { shares } = await loadGrant(s.sys.deps, g.id);
    expect(shares.reduce((x, f) => x + f.paid, 0)).toBe(20_001);
    expect(shares.reduce((x, f) => x + f.returned, 0)).toBe(1_000);
    expect(await s.summary()).toMatchObject({ paid: 20_001, bank: 81_000, available: 51_001, outstandingCommitments: 29_999 });
    const ledger = await ledgerView(s.sys.deps, s.lead.caller, s.poolId);
    expect(ledger.entries.map((e) => e.type)).toEqual(['contribution', 'contribution', 'contribution', 'allocation', 'payment', 'return']);
    expect(ledger.entries.at(-1)?.runningBalance).toBe(100_001 - 20_001 + 1_000);
    expect(await s.balanced()).toMatchObject({ balanced: true, problems: [], paid: 20_001, returned: 1_000 });
  });

  it('concurrent awards against a pool that can fund only one: the loser re-plans on the fresh ledger and gets 409', async () => {
    const s = await setup();
    await s.fund(s.a, 150_000);
    let stale = 0;
    const writeLedger = s.sys.deps.pools.writeLedger;
    s.sys.deps.pools.writeLedger = async (w) => {
      try {
        await writeLedger(w);
      } catch (error) {
        if (error instanceof StaleLedgerError) stale++;
        throw error;
      }
    };
    const results = await Promise.allSettled([s.award(100_000, { title: 'One' }), s.award(100_000, { title: 'Two' })]);
    // Both read the pool before either wrote (the use case awaits between read and write), so one write is stale.
    expect(stale).toBe(1);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason)).toEqual([
      expect.objectContaining({ kind: 'conflict', details: { needed: 100_000, available: 50_000 } }),
    ]);
    expect(await s.summary()).toMatchObject({ committed: 100_000, available: 50_000, grants: 1 });
    expect(await s.balanced()).toMatchObject({ balanced: true, entries: 2 });
    // The retry loop itself: a stale attempt is planned again; a business refusal is not retried.
    let calls = 0;
    const twice = await withFreshPool(s.sys.deps, s.poolId, async (pool) => {
      if (++calls === 1) throw new StaleLedgerError(s.poolId);
      return pool.ledgerSeq;
    });
    expect({ twice, calls }).toEqual({ twice: 2, calls: 2 });
    // A pool that stays contended through every attempt: a named error a workflow's Retry matches, a 409 for a person.
    let tries = 0;
    const busy = withFreshPool(s.sys.deps, s.poolId, async () => {
      tries++;
      throw new StaleLedgerError(s.poolId);
    });
    await expect(busy).rejects.toMatchObject({ name: 'PoolBusyError', kind: 'conflict', message: expect.stringMatching(/very busy/) });
    expect(tries).toBe(60);
    let refusals = 0;
    const refusal = withFreshPool(s.sys.deps, s.poolId, async () => {
      refusals++;
      throw new DomainError('conflict', 'no');
    });
    await expect(refusal).rejects.toMatchObject({ kind: 'conflict', message: 'no' });
    expect(refusals).toBe(1);
  });

  it('a round: proposals → close answers the parked token → votes requested once → weighted approval → committed once → funders told', async () => {
    const s = await fundedForRound();
    const { sys, round } = s;
    expect(await startRoundWorkflow(sys.deps, round.id)).toEqual({ started: true });
    expect(await startRoundWorkflow(sys.deps, round.id)).toEqual({ started: false });
    await expect(openRound(sys.deps, s.a.caller, s.poolId, { name: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    const proposals = [
      await addProposal(sys.deps, s.a.caller, round.id, s.request(150_000, { title: 'Hub' })),
      await addProposal(sys.deps, s.b.caller, round.id, s.request(250_001, { title: 'Training' })),
    ];
    await expect(s.cast(s.a, 'approve')).rejects.toMatchObject({ details: { rule: 'round-voting' } });
    await expect(closeRound(sys.deps, s.lead.caller, round.id)).rejects.toMatchObject({ message: expect.stringContaining('not ready') });
    const parked = await awaitRoundClose(sys.deps, cb('close-token', round.id));
    expect(parked.waitingUntil).toBe(new Date(sys.clock.now().getTime() + 90 * DAY).toISOString());
    await expect(closeRound(sys.deps, s.a.caller, round.id)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await closeRound(sys.deps, s.lead.caller, round.id)).toMatchObject({ status: 'voting', version: 2 });
    expect(sys.outside.tokens.get('close-token')).toEqual({ output: { closedBy: s.lead.caller.user.id } });
    await expect(addProposal(sys.deps, s.a.caller, round.id, s.request(1))).rejects.toMatchObject({ details: { rule: 'round-open' } });

    expect(await requestVotes(sys.deps, cb('decision-token', round.id))).toEqual({ voters: 3, emailsSent: 3 });
    expect(await requestVotes(sys.deps, cb('decision-token', round.id))).toEqual({ voters: 3, emailsSent: 0 });
    const asked = sys.outside.emails.filter((e) => e.subject.includes(`please vote on ${round.name}`)).map((e) => e.to[0]);
    expect(asked.sort()).toEqual([s.lead, s.a, s.b].map((f) => f.org.contactEmail).sort());

    expect((await s.cast(s.lead, 'approve')).tally).toMatchObject({ outcome: 'pending', approveWeight: 400_000, totalWeight: 1_000_000 });
    expect(sys.outside.tokens.has('decision-token')).toBe(false);
    await expect(s.cast(s.lead, 'reject')).rejects.toMatchObject({ details: { rule: 'one-vote-per-organisation' } });
    await expect(s.cast(s.observer, 'approve')).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await s.cast(s.b, 'approve')).tally).toMatchObject({ outcome: 'approved', approveWeight: 700_000 });
    expect(sys.outside.tokens.get('decision-token')?.output).toMatchObject({ outcome: 'approved', decidedBy: s.b.caller.user.id });

    const settled = await settleRound(sys.deps, { roundId: round.id, outcome: 'approved' });
    expect(settled.proposalIds).toEqual(proposals.map((p) => p.id).sort());
    for (const proposalId of settled.proposalIds) {
      expect(await commitProposal(sys.deps, { roundId: round.id, proposalId })).toMatchObject({
        funded: true,
        created: true,
        grantId: proposalId,
      });
    }
    const again = await commitProposal(sys.deps, { roundId: round.id, proposalId: proposals[0]!.id });
    expect(again).toEqual({ proposalId: proposals[0]!.id, grantId: proposals[0]!.id, funded: true, created: false });
    expect(await s.summary()).toMatchObject({ committed: 400_001, available: 599_999, grants: 2 });
    expect((await loadGrant(sys.deps, proposals[1]!.id)).grant).toMatchObject({ roundId: round.id, amount: 250_001, title: 'Training' });

    expect(await notifyRoundCommitted(sys.deps, { roundId: round.id })).toMatchObject({ funded: 2, notFunded: 0, emailsSent: 4 });
    expect(await notifyRoundCommitted(sys.deps, { roundId: round.id })).toMatchObject({ emailsSent: 0 });
    const after = await getRound(sys.deps, s.a.caller, round.id);
    expect(after.status).toBe('committed');
    expect(after.proposals.map((p) => p.status)).toEqual(['funded', 'funded']);
    expect(await s.balanced()).toMatchObject({ balanced: true, committed: 400_001 });
  });

  it('a round must have proposals that fit the pool to close; once approval cannot reach the quorum it is rejected', async () => {
    const s = await fundedForRound();
    const { sys, round } = s;
    await awaitRoundClose(sys.deps, cb('close-1', round.id));
    await expect(closeRound(sys.deps, s.lead.caller, round.id)).rejects.toMatchObject({ details: { rule: 'round-has-proposals' } });
    const big = await openRound(sys.deps, s.lead.caller, s.poolId, { name: 'Big round' });
    await addProposal(sys.deps, s.a.caller, big.id, s.request(900_000));
    await addProposal(sys.deps, s.a.caller, big.id, s.request(200_000));
    await awaitRoundClose(sys.deps, cb('close-2', big.id));
    await expect(closeRound(sys.deps, s.lead.caller, big.id)).rejects.toMatchObject({
      kind: 'conflict',
      details: { rule: 'round-fits-pool', needed: 1_100_000, available: 1_000_000 },
    });
    expect(sys.outside.tokens.has('close-2')).toBe(false);

    await addProposal(sys.deps, s.a.caller, round.id, s.request(100_000));
    await closeRound(sys.deps, s.lead.caller, round.id);
    await requestVotes(sys.deps, cb('decision', round.id));
    expect((await s.cast(s.a, 'reject')).tally.outcome).toBe('pending');
    expect((await s.cast(s.b, 'reject')).tally).toMatchObject({ outcome: 'rejected', rejectWeight: 600_000 });
    expect(sys.outside.tokens.get('decision')?.output).toMatchObject({ outcome: 'rejected' });
    expect(await settleRound(sys.deps, { roundId: round.id, outcome: 'rejected' })).toMatchObject({ status: 'rejected', proposalIds: [] });
    expect(sys.outside.emails.filter((e) => e.subject.endsWith(`${round.name} was rejected`))).toHaveLength(4);
    expect((await getRound(sys.deps, s.lead.caller, round.id)).status).toBe('rejected');
    expect(await s.summary()).toMatchObject({ committed: 0, grants: 0 });
  });

  it('voting timed out: the lead decides once; a proposal the pool can no longer fund is recorded not-funded', async () => {
    const s = await fundedForRound();
    const { sys, round } = s;
    await addProposal(sys.deps, s.a.caller, round.id, s.request(600_000));
    await awaitRoundClose(sys.deps, cb('close', round.id));
    await closeRound(sys.deps, s.lead.caller, round.id);
    await requestVotes(sys.deps, cb('votes', round.id));
    await expect(leadDecision(sys.deps, s.lead.caller, round.id, { decision: 'approve' })).rejects.toMatchObject({ kind: 'conflict' });
    sys.advanceDays(7);
    const escalated = await escalateRound(sys.deps, cb('lead', round.id));
    expect(escalated).toEqual({ escalatedTo: s.lead.org.id, waitingUntil: new Date(sys.clock.now().getTime() + 7 * DAY).toISOString() });
    await escalateRound(sys.deps, cb('lead', round.id));
    const asked = sys.outside.emails.filter((e) => e.subject.endsWith(`${round.name} needs the lead's decision`));
    expect(asked.map((e) => e.to)).toEqual([[s.lead.org.contactEmail]]);
    expect((await getRound(sys.deps, s.lead.caller, round.id)).status).toBe('escalated');
    await expect(leadDecision(sys.deps, s.a.caller, round.id, { decision: 'approve' })).rejects.toMatchObject({ kind: 'forbidden' });
    const decided = await leadDecision(sys.deps, s.lead.caller, round.id, { decision: 'approve' });
    expect(decided).toEqual({ roundId: round.id, outcome: 'approved' });
    expect(sys.outside.tokens.get('lead')).toEqual({ output: { outcome: 'approved', decidedBy: s.lead.caller.user.id } });
    await expect(leadDecision(sys.deps, s.lead.caller, round.id, { decision: 'reject' })).rejects.toMatchObject({ kind: 'conflict' });

    await s.award(500_000); // meanwhile, a direct award leaves 500,000p
    const [proposalId] = (await settleRound(sys.deps, { roundId: round.id, outcome: 'approved' })).proposalIds;
    expect(await commitProposal(sys.deps, { roundId: round.id, proposalId: proposalId! })).toMatchObject({ funded: false });
    expect(await notifyRoundCommitted(sys.deps, { roundId: round.id })).toMatchObject({ funded: 0, notFunded: 1 });
    expect((await getRound(sys.deps, s.lead.caller, round.id)).proposals[0]).toMatchObject({ status: 'not-funded' });
    expect(await s.summary()).toMatchObject({ committed: 500_000, grants: 1 });
  });

  it('statements: each funder’s shares sum to the grant; 360Giving names every funder; the CSV carries the share', async () => {
    const s = await setup();
    await s.fund(s.lead, 60_000);
    await s.fund(s.a, 30_000);
    await s.fund(s.b, 10_001, { kind: 'restricted', lotId: 'north' });
    const g = await s.award(50_000, { lotId: 'north', beneficiaryOrgIds: [s.partner.org.id] });
    const statements = await Promise.all([s.lead, s.a, s.b].map((f) => funderStatement(s.sys.deps, f.caller, s.poolId, f.org.id)));
    expect(statements.map((st) => st.attributedCommitted)).toEqual([30_000, 15_000, 5_000]);
    expect(statements.reduce((x, st) => x + (st.grants[0]?.share ?? 0), 0)).toBe(g.amount);
    const restricted = { received: 10_001, available: 5_001, grants: [expect.objectContaining({ restrictions: ['lot:north'] })] };
    expect(statements[2]).toMatchObject(restricted);
    const csv = funderStatementCsv(statements[0]!).trim().split('\n');
    expect(csv[0]).toBe('funder,grant_id,title,grant_amount_gbp,share_gbp,paid_gbp,returned_gbp,restrictions');
    expect(csv[1]).toContain(',500.00,300.00,0.00,0.00,core');
    await expect(funderStatement(s.sys.deps, s.provider.caller, s.poolId, s.a.org.id)).rejects.toMatchObject({ kind: 'not-found' });

    const giving = await export360Giving(s.sys.deps, s.a.caller, s.poolId);
    expect(giving.grants).toHaveLength(1);
    expect(giving.grants[0]).toMatchObject({
      id: `360G-grantloop-${g.id}`,
      amountAwarded: 500,
      plannedDates: [{ startDate: '2026-07-01', endDate: '2027-06-30', duration: 12 }],
      recipientOrganization: [{ id: s.provider.org.identifier, name: 'Eastbrook CVS' }],
    });
    expect(giving.grants[0]?.fundingOrganization.map((o) => o.id)).toEqual([s.lead, s.a, s.b].map((f) => f.org.identifier));
  });
});
