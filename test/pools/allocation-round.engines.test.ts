import { beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from '../../shared/pools/pool';
import type { Round } from '../../shared/pools/round';
import { addProvider, EASTBROOK } from '../support/consortia';
import { setupPool } from '../support/pool';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, funders, funder: f } = useTestStack({ seed: true });
let recipient: { id: string };

beforeAll(async () => {
  recipient = await addProvider(stack, EASTBROOK);
});

/** A pool where the lead put in 40%, then 30%, 20% and 10% from three members; quorum 50%. */
async function fundedPool(name: string) {
  const setup = await setupPool(stack, funders, name);
  for (const [i, amount] of [400_000, 300_000, 200_000, 100_000].entries()) {
    await setup.receive(await setup.pledge(f(i), amount), amount);
  }
  return setup;
}

async function openWithProposals(pool: Pool, amounts: number[]) {
  const round = await stack.api.call<Round>(f(0).admin, 'POST', `/pools/${pool.id}/rounds`, { name: `Round ${amounts.join('+')}` });
  await stack.runtime.settle();
  for (const [i, amount] of amounts.entries()) {
    await stack.api.call(f(1).admin, 'POST', `/rounds/${round.id}/proposals`, {
      recipientOrgId: recipient.id,
      title: `Proposal ${i + 1}`,
      amount,
      currency: 'GBP',
      durationMonths: 12,
    });
  }
  return round;
}

const execution = (round: Round) => stack.runtime.sfn.list().find((e) => e.name === `round-${round.id}`);
const states = (round: Round) =>
  execution(round)
    ?.history.filter((h) => h.type === 'StateEntered')
    .map((h) => h.state);
const get = (round: Round) =>
  stack.api.call<Round & { proposals: { id: string; status: string; grantId?: string }[] }>(f(0).admin, 'GET', `/rounds/${round.id}`);
const poolOf = (pool: Pool) =>
  stack.api.call<{ committed: number; available: number; grants: number }>(f(0).admin, 'GET', `/pools/${pool.id}`);
const vote = (i: number, round: Round, decision: 'approve' | 'reject') =>
  stack.request('POST', `/rounds/${round.id}/votes`, { as: f(i).admin, body: { decision } });

describe('allocation round workflow (workflows/allocation-round.asl.json, run locally)', () => {
  it('approval: close → votes requested → funders holding ≥ 50% approve → each proposal committed as a grant → funders told', async () => {
    const { pool } = await fundedPool('Approval Pool');
    const round = await openWithProposals(pool, [150_000, 250_001]);
    expect(states(round)).toEqual(['AwaitClose']);
    const early = await vote(1, round, 'approve');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ rule: 'round-voting' });

    expect((await stack.request('POST', `/rounds/${round.id}/close`, { as: f(0).admin })).status).toBe(202);
    await stack.runtime.settle();
    const asked = (await stack.runtime.emails()).filter((e) => e.subject.includes(`please vote on ${round.name}`));
    expect(asked).toHaveLength(5); // lead and four members; the observer does not vote
    for (const e of asked) expect(e.body.text).toContain(`${stack.runtime.apiUrl}/app/rounds/${round.id}`);

    expect((await vote(0, round, 'approve')).body.tally).toMatchObject({ outcome: 'pending', approveWeight: 400_000 });
    const again = await vote(0, round, 'approve');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ rule: 'one-vote-per-organisation' });
    expect((await vote(3, round, 'approve')).body.tally).toMatchObject({
      outcome: 'approved',
      approveWeight: 500_000,
      totalWeight: 1_000_000,
    });
    await stack.runtime.settle();

    expect(execution(round)?.status).toBe('SUCCEEDED');
    expect(states(round)).toEqual([
      'AwaitClose',
      'RequestVotes',
      'Decide',
      'RecordApproved',
      'CommitEach',
      'CommitProposal',
      'CommitProposal',
      'NotifyFunders',
      'Committed',
    ]);
    const after = await get(round);
    expect(after.status).toBe('committed');
    expect(after.proposals.map((p) => p.status)).toEqual(['funded', 'funded']);
    expect(await poolOf(pool)).toMatchObject({ committed: 400_001, available: 599_999, grants: 2 });
    expect((await stack.runtime.emails()).filter((e) => e.subject.endsWith(`${round.name} committed`))).toHaveLength(6);

    // A retried commit step finds the grant already there: nothing is committed twice.
    const first = after.proposals[0] as { id: string; grantId?: string };
    const retried = (await stack.runtime.lambdas.invoke('commitProposal', { roundId: round.id, proposalId: first.id })) as {
      created: boolean;
      grantId: string;
    };
    expect(retried).toMatchObject({ created: false, grantId: first.grantId });
    expect(retried.created).toBe(false);
    expect(await poolOf(pool)).toMatchObject({ committed: 400_001, grants: 2 });
  });

  it('rejection: once approval can no longer reach the quorum the round is rejected and nothing is committed', async () => {
    const { pool } = await fundedPool('Rejection Pool');
    const round = await openWithProposals(pool, [100_000]);
    await stack.api.call(f(0).admin, 'POST', `/rounds/${round.id}/close`);
    await stack.runtime.settle();
    expect((await vote(1, round, 'reject')).body.tally).toMatchObject({ outcome: 'pending' });
    expect((await vote(2, round, 'reject')).body.tally).toMatchObject({ outcome: 'pending' });
    expect((await vote(3, round, 'reject')).body.tally).toMatchObject({ outcome: 'rejected' });
    await stack.runtime.settle();
    expect(states(round)).toEqual(['AwaitClose', 'RequestVotes', 'Decide', 'RecordRejected', 'Rejected']);
    expect((await get(round)).status).toBe('rejected');
    expect(await poolOf(pool)).toMatchObject({ committed: 0, grants: 0 });
  });

  it('timeout: voting lapses after 7 days, the lead is asked, and decides; with no decision either, the round expires', async () => {
    const { pool } = await fundedPool('Escalation Pool');
    const decided = await openWithProposals(pool, [100_000]);
    const expiring = await openWithProposals(pool, [50_000]);
    for (const r of [decided, expiring]) await stack.api.call(f(0).admin, 'POST', `/rounds/${r.id}/close`);
    await stack.runtime.settle();
    const start = stack.clock.now().getTime();
    await stack.runtime.advanceTo(new Date(start + 7 * DAY + 60_000));
    expect((await get(decided)).status).toBe('escalated');
    expect((await stack.runtime.emails()).filter((e) => e.subject.endsWith(`${decided.name} needs the lead's decision`))).toHaveLength(1);
    // Only the lead decides, and only once.
    expect((await stack.request('POST', `/rounds/${decided.id}/decision`, { as: f(1).admin, body: { decision: 'approve' } })).status).toBe(
      403,
    );
    expect((await stack.request('POST', `/rounds/${decided.id}/decision`, { as: f(0).admin, body: { decision: 'approve' } })).status).toBe(
      202,
    );
    expect((await stack.request('POST', `/rounds/${decided.id}/decision`, { as: f(0).admin, body: { decision: 'approve' } })).status).toBe(
      409,
    );
    await stack.runtime.settle();
    expect(states(decided)).toEqual([
      'AwaitClose',
      'RequestVotes',
      'EscalateToLead',
      'Decide',
      'RecordApproved',
      'CommitEach',
      'CommitProposal',
      'NotifyFunders',
      'Committed',
    ]);

    await stack.runtime.advanceTo(new Date(start + 14 * DAY + 120_000));
    expect(states(expiring)).toEqual(['AwaitClose', 'RequestVotes', 'EscalateToLead', 'RecordExpired', 'Expired']);
    expect((await get(expiring)).status).toBe('expired');
    expect(await poolOf(pool)).toMatchObject({ committed: 100_000, grants: 1 });
  });

  it('closing needs proposals that fit the money available, and only the lead can close', async () => {
    const { pool } = await fundedPool('Closing Pool');
    const round = await openWithProposals(pool, [900_000, 200_000]);
    expect((await stack.request('POST', `/rounds/${round.id}/close`, { as: f(1).admin })).status).toBe(403);
    const tooBig = await stack.request('POST', `/rounds/${round.id}/close`, { as: f(0).admin });
    expect(tooBig.status).toBe(409);
    expect(tooBig.body).toMatchObject({ rule: 'round-fits-pool', needed: 1_100_000, available: 1_000_000 });
    expect(states(round)).toEqual(['AwaitClose']);
  });
});
