import { DEFAULT_QUORUM_PERCENT } from '../domain/consortium';
import { DomainError, notFound } from '../domain/errors';
import type { EventType } from '../domain/events';
import type { AllocationRequest } from '../domain/grant';
import { newId } from '../domain/ids';
import { formatPounds } from '../domain/money';
import type { Organisation } from '../domain/organisation';
import { available } from '../domain/pool';
import { type Decision, type Proposal, type Round, type RoundStatus, tally } from '../domain/round';
import type { Email } from '../ports';
import { keys } from '../store/keys';
import type { Caller } from './caller';
import { actingOrg, loadConsortium, requireActive, requireReader } from './consortium-access';
import type { Deps } from './deps';
import { makeEvent } from './events';
import { checkAllocationRequest, commitGrant, loadPool, type PoolDeps } from './pools';
import { sendOnce } from './send-once';
import { park, resume } from './waiting';

export type RoundDeps = PoolDeps & Pick<Deps, 'mailer' | 'workflows'>;

/** Funders have this long to close a round, then to vote, then the lead to decide. */
export const ROUND_CLOSE_WINDOW_DAYS = 90;
export const VOTING_WINDOW_DAYS = 7;
export const LEAD_DECISION_WINDOW_DAYS = 7;
const CLOSE = 'round-close';
const DECISION = 'round-decision';
const subject = (roundId: string) => keys.round(roundId).pk;

async function load(deps: RoundDeps, roundId: string) {
  const found = await deps.pools.getRound(roundId);
  if (!found) throw notFound('round', roundId);
  const consortium = await loadConsortium(deps, found.round.consortiumId);
  return { ...found, consortium };
}

const eventOf: Record<RoundStatus, EventType> = {
  open: 'round.opened',
  voting: 'round.closed',
  escalated: 'round.escalated',
  approved: 'round.approved',
  rejected: 'round.rejected',
  expired: 'round.expired',
  committed: 'round.committed',
};

async function setStatus(deps: RoundDeps, round: Round, status: RoundStatus, actor: string, extra: Partial<Round> = {}) {
  const now = deps.clock.now();
  const next: Round = { ...round, ...extra, status, version: round.version + 1 };
  const type = eventOf[status];
  await deps.pools.saveRound(
    next,
    round.version,
    makeEvent(type, subject(round.id), actor, { roundId: round.id, poolId: round.poolId, status }, now),
  );
  return next;
}

// ---- staff actions ----

export async function openRound(deps: RoundDeps, caller: Caller, poolId: string, input: { name: string }) {
  const pool = await loadPool(deps, poolId);
  const consortium = await loadConsortium(deps, pool.consortiumId);
  actingOrg(caller, consortium, ['lead'], 'admin');
  requireActive(consortium);
  const now = deps.clock.now();
  const round: Round = {
    id: newId(now),
    poolId,
    consortiumId: consortium.id,
    name: input.name.trim(),
    status: 'open',
    openedAt: now.toISOString(),
    openedBy: caller.user.id,
    version: 1,
  };
  await deps.pools.createRound(round, makeEvent('round.opened', subject(round.id), caller.user.id, { roundId: round.id, poolId }, now));
  return round;
}

export async function getRound(deps: RoundDeps, caller: Caller, roundId: string) {
  const { round, proposals, votes, consortium } = await load(deps, roundId);
  requireReader(caller, consortium, 'round', roundId);
  const voters = await votersOf(deps, round);
  return { ...round, proposals, votes, tally: tally(voters, votes, consortium.quorumPercent ?? DEFAULT_QUORUM_PERCENT) };
}

/** Any lead or member funder (officer or above) may propose while the round is open. */
export async function addProposal(deps: RoundDeps, caller: Caller, roundId: string, request: AllocationRequest) {
  const { round, consortium } = await load(deps, roundId);
  actingOrg(caller, consortium, ['lead', 'member'], 'officer');
  const pool = await loadPool(deps, round.poolId);
  await checkAllocationRequest(deps, pool, request);
  const now = deps.clock.now();
  const proposal: Proposal = { ...request, id: newId(now), by: caller.user.id, status: 'proposed' };
  await deps.pools.addProposal(
    roundId,
    proposal,
    makeEvent('round.proposal-added', subject(roundId), caller.user.id, { roundId, proposalId: proposal.id, amount: request.amount }, now),
  );
  return proposal;
}

/** The lead closes the round for voting; what is proposed must fit the money available now. */
export async function closeRound(deps: RoundDeps, caller: Caller, roundId: string) {
  const { round, proposals, consortium } = await load(deps, roundId);
  actingOrg(caller, consortium, ['lead'], 'admin');
  if (round.status !== 'open') throw new DomainError('conflict', `round ${round.name} is ${round.status}, not open`);
  if (proposals.length === 0)
    throw new DomainError('conflict', `round ${round.name} has no proposals to vote on`, [], { rule: 'round-has-proposals' });
  const pool = await loadPool(deps, round.poolId);
  const asked = proposals.reduce((a, p) => a + p.amount, 0);
  if (asked > available(pool)) {
    throw new DomainError(
      'conflict',
      `the proposals ask for ${formatPounds(asked)} but the pool has ${formatPounds(available(pool))} available`,
      [],
      {
        rule: 'round-fits-pool',
        needed: asked,
        available: available(pool),
      },
    );
  }
  const waiting = await deps.store.takeWaitingTask(subject(roundId), CLOSE);
  if (!waiting) throw new DomainError('conflict', `round ${round.name} is not ready to close yet; try again in a moment`);
  const next = await setStatus(deps, round, 'voting', caller.user.id, { closedAt: deps.clock.now().toISOString() });
  await deps.workflows.succeed(waiting.taskToken, { closedBy: caller.user.id });
  return next;
}

/** Voting members (lead and members) weigh by what their organisation has put into the pool. */
async function votersOf(deps: RoundDeps, round: Round) {
  const consortium = await loadConsortium(deps, round.consortiumId);
  const buckets = await deps.pools.listBuckets(round.poolId);
  return consortium.members
    .filter((m) => m.role !== 'observer')
    .map((m) => ({ orgId: m.orgId, weight: buckets.filter((b) => b.funderOrgId === m.orgId).reduce((a, b) => a + b.received, 0) }));
}

async function decideIfSettled(deps: RoundDeps, round: Round, actor: string) {
  const fresh = await load(deps, round.id);
  const result = tally(await votersOf(deps, round), fresh.votes, fresh.consortium.quorumPercent ?? DEFAULT_QUORUM_PERCENT);
  if (result.outcome === 'pending') return result;
  // Whoever takes the token resumes the workflow; a simultaneous deciding vote finds it gone.
  await resume(deps, subject(round.id), DECISION, { outcome: result.outcome, decidedBy: actor, tally: result });
  return result;
}

export async function vote(deps: RoundDeps, caller: Caller, roundId: string, input: { decision: Decision; comment?: string | undefined }) {
  const { round, consortium } = await load(deps, roundId);
  const orgId = actingOrg(caller, consortium, ['lead', 'member'], 'officer');
  const now = deps.clock.now();
  await deps.pools.putVote(
    roundId,
    { orgId, decision: input.decision, ...(input.comment ? { comment: input.comment } : {}), by: caller.user.id, at: now.toISOString() },
    makeEvent('round.vote-recorded', subject(roundId), caller.user.id, { roundId, orgId, decision: input.decision }, now),
  );
  return { roundId, orgId, decision: input.decision, tally: await decideIfSettled(deps, round, caller.user.id) };
}

/** After escalation the lead decides for the consortium. */
export async function leadDecision(deps: RoundDeps, caller: Caller, roundId: string, input: { decision: Decision }) {
  const { round, consortium } = await load(deps, roundId);
  actingOrg(caller, consortium, ['lead'], 'admin');
  if (round.status !== 'escalated')
    throw new DomainError('conflict', `round ${round.name} is ${round.status}; the lead decides only after voting has timed out`);
  const waiting = await deps.store.takeWaitingTask(subject(roundId), DECISION);
  if (!waiting) throw new DomainError('conflict', `round ${round.name} has already been decided`);
  const outcome = input.decision === 'approve' ? 'approved' : 'rejected';
  await deps.workflows.succeed(waiting.taskToken, { outcome, decidedBy: caller.user.id });
  return { roundId, outcome };
}

// ---- workflow steps (allocation-round.asl.json) ----

export async function awaitRoundClose(deps: RoundDeps, input: { roundId: string; taskToken: string; executionName: string }) {
  return { waitingUntil: await park(deps, subject(input.roundId), CLOSE, input, ROUND_CLOSE_WINDOW_DAYS) };
}

async function contacts(deps: RoundDeps, orgIds: string[]) {
  const orgs = await deps.store.getOrganisations(orgIds);
  return orgIds.map((id) => orgs.get(id)).filter((o): o is Organisation => Boolean(o));
}

function proposalLines(proposals: Proposal[]) {
  return proposals.map((p) => `  - ${p.title}: ${formatPounds(p.amount)} over ${p.durationMonths} months`).join('\n');
}

/** Stores the decision token, then asks every voting member for its vote. */
export async function requestVotes(deps: RoundDeps, input: { roundId: string; taskToken: string; executionName: string }) {
  const { round, proposals, consortium } = await load(deps, input.roundId);
  const deadline = await park(deps, subject(round.id), DECISION, input, VOTING_WINDOW_DAYS);
  const voters = await contacts(
    deps,
    consortium.members.filter((m) => m.role !== 'observer').map((m) => m.orgId),
  );
  let sent = 0;
  for (const org of voters) {
    const email: Email = {
      to: [org.contactEmail],
      subject: `${consortium.name}: please vote on ${round.name}`,
      text:
        `Hello,\n\nThe ${round.name} round of the ${consortium.name} pooled fund is closed for proposals. ${org.name} is asked to approve or reject it by ${deadline.slice(0, 10)}:\n\n` +
        `${proposalLines(proposals)}\n\nVote in grantloop (round ${round.id}). Votes count in proportion to what each funder has put into the pool; ` +
        `the round passes when funders holding ${consortium.quorumPercent ?? DEFAULT_QUORUM_PERCENT}% of that money approve.\n\n--\nSent by grantloop for the ${consortium.name} consortium.`,
    };
    if (await sendOnce(deps, `${round.id}#vote-request#${org.id}`, email)) sent++;
  }
  // A tally already settled (e.g. votes raced the workflow) resolves the token at once.
  await decideIfSettled(deps, round, 'workflow');
  return { voters: voters.length, emailsSent: sent };
}

/** Voting timed out: the lead decides for the consortium. */
export async function escalateRound(deps: RoundDeps, input: { roundId: string; taskToken: string; executionName: string }) {
  const { round, consortium } = await load(deps, input.roundId);
  const deadline = await park(deps, subject(round.id), DECISION, input, LEAD_DECISION_WINDOW_DAYS);
  if (round.status === 'voting') await setStatus(deps, round, 'escalated', 'workflow');
  const [lead] = await contacts(deps, [consortium.leadOrgId]);
  if (lead) {
    await sendOnce(deps, `${round.id}#escalated`, {
      to: [lead.contactEmail],
      subject: `${consortium.name}: ${round.name} needs the lead's decision`,
      text: `Hello,\n\nVoting on ${round.name} closed without enough funders deciding. As lead, ${lead.name} now decides for the consortium, by ${deadline.slice(0, 10)}, in grantloop (round ${round.id}). If no decision is made, the round expires and nothing is committed.\n\n--\nSent by grantloop for the ${consortium.name} consortium.`,
    });
  }
  await decideIfSettled(deps, round, 'workflow');
  return { escalatedTo: consortium.leadOrgId, waitingUntil: deadline };
}

/** Records the outcome; for an approved round returns the proposals to commit, in order. */
export async function settleRound(deps: RoundDeps, input: { roundId: string; outcome: 'approved' | 'rejected' | 'expired' }) {
  const { round, proposals, consortium } = await load(deps, input.roundId);
  await deps.store.takeWaitingTask(subject(round.id), DECISION);
  await deps.store.takeWaitingTask(subject(round.id), CLOSE);
  const done: RoundStatus[] = ['approved', 'rejected', 'expired', 'committed'];
  if (!done.includes(round.status)) await setStatus(deps, round, input.outcome, 'workflow', { decidedAt: deps.clock.now().toISOString() });
  if (input.outcome !== 'approved') {
    for (const org of await contacts(
      deps,
      consortium.members.map((m) => m.orgId),
    )) {
      await sendOnce(deps, `${round.id}#${input.outcome}#${org.id}`, {
        to: [org.contactEmail],
        subject: `${consortium.name}: ${round.name} was ${input.outcome}`,
        text: `Hello,\n\nThe ${round.name} round was ${input.outcome === 'expired' ? 'not decided in time and has expired' : 'rejected'}. Nothing was committed from the pool.\n\n--\nSent by grantloop for the ${consortium.name} consortium.`,
      });
    }
  }
  const ordered = [...proposals].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { roundId: round.id, status: input.outcome, proposalIds: input.outcome === 'approved' ? ordered.map((p) => p.id) : [] };
}

/**
 * Commits one approved proposal as a grant. The grant id is the proposal id, so a retried
 * step finds the grant already there and commits nothing twice.
 */
export async function commitProposal(deps: RoundDeps, input: { roundId: string; proposalId: string }) {
  const { round, proposals } = await load(deps, input.roundId);
  const proposal = proposals.find((p) => p.id === input.proposalId);
  if (!proposal) throw notFound('proposal', input.proposalId);
  const { id, by, status: _s, grantId: _g, reason: _r, ...request } = proposal;
  try {
    const { grant, created } = await commitGrant(deps, { poolId: round.poolId, grantId: id, request, actor: by, roundId: round.id });
    await deps.pools.markProposal(round.id, id, { status: 'funded', grantId: grant.id });
    return { proposalId: id, grantId: grant.id, funded: true, created };
  } catch (error) {
    // The pool changed since the round closed (e.g. a direct award): record it, carry on.
    if (error instanceof DomainError && error.kind === 'conflict' && 'available' in error.details) {
      await deps.pools.markProposal(round.id, id, { status: 'not-funded', reason: error.message });
      return { proposalId: id, funded: false, reason: error.message };
    }
    throw error;
  }
}

export async function notifyRoundCommitted(deps: RoundDeps, input: { roundId: string }) {
  const { round, proposals, consortium } = await load(deps, input.roundId);
  if (round.status === 'approved') await setStatus(deps, round, 'committed', 'workflow');
  const funded = proposals.filter((p) => p.status === 'funded');
  const notFunded = proposals.filter((p) => p.status === 'not-funded');
  let sent = 0;
  for (const org of await contacts(
    deps,
    consortium.members.map((m) => m.orgId),
  )) {
    const text =
      `Hello,\n\nThe ${round.name} round was approved and ${funded.length} grant${funded.length === 1 ? ' was' : 's were'} committed from the pool:\n\n${proposalLines(funded)}\n` +
      (notFunded.length ? `\nNot funded, because the pool no longer had enough eligible money:\n${proposalLines(notFunded)}\n` : '') +
      `\nEach funder's share of every grant is in its statement in grantloop.\n\n--\nSent by grantloop for the ${consortium.name} consortium.`;
    if (
      await sendOnce(deps, `${round.id}#committed#${org.id}`, {
        to: [org.contactEmail],
        subject: `${consortium.name}: ${round.name} committed`,
        text,
      })
    )
      sent++;
  }
  return { roundId: round.id, funded: funded.length, notFunded: notFunded.length, emailsSent: sent };
}

export async function startRoundWorkflow(deps: Pick<Deps, 'workflows'>, workflowArn: string, roundId: string) {
  return deps.workflows.start(workflowArn, `round-${roundId}`, { roundId });
}
