import { actingOrg, loadConsortium, requireActive, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { DEFAULT_QUORUM_PERCENT } from '../consortia/consortium';
import { checkNewRecipient, type NewRecipient, registerRecipient } from '../consortia/recipients';
import { DomainError, invalid, notFound } from '../platform/errors';
import { pounds } from '../platform/format';
import { newId } from '../platform/ids';
import { resume } from '../platform/waiting';
import { checkAllocationRequest } from './awards';
import { makeEvent, type PoolsEvent, subject as subjects } from './events';
import type { AllocationRequest } from './grant';
import { available } from './pool';
import { loadPool } from './pools';
import { type Decision, type Proposal, type Round, type RoundStatus, tally } from './round';
import type { PoolsDeps } from './store';

/** Reading and recording rounds. */
export type RoundRecords = Pick<PoolsDeps, 'consortia' | 'pools' | 'rounds' | 'clock'>;
/** …and resuming the round's workflow. */
type RoundCallbacks = RoundRecords & Pick<PoolsDeps, 'platform' | 'workflows'>;
/** …and emailing the funders (the workflow's steps). */
export type RoundDeps = RoundCallbacks & Pick<PoolsDeps, 'mailer'>;

/** Funders have this long to close a round, then to vote, then the lead to decide. */
export const ROUND_CLOSE_WINDOW_DAYS = 90;
export const VOTING_WINDOW_DAYS = 7;
export const LEAD_DECISION_WINDOW_DAYS = 7;
export const CLOSE = 'round-close';
export const DECISION = 'round-decision';
export const subject = subjects.round;

export async function load(deps: Pick<PoolsDeps, 'consortia' | 'rounds'>, roundId: string) {
  const found = await deps.rounds.getRound(roundId);
  if (!found) throw notFound('round', roundId);
  const consortium = await loadConsortium(deps, found.round.consortiumId);
  return { ...found, consortium };
}

/** A round is opened by `createRound` (its own event); every later status has one. */
type Later = Exclude<RoundStatus, 'open'>;
const eventOf = {
  voting: 'round.closed',
  escalated: 'round.escalated',
  approved: 'round.approved',
  rejected: 'round.rejected',
  expired: 'round.expired',
  committed: 'round.committed',
} as const satisfies Record<Later, PoolsEvent>;

export async function setStatus(
  deps: Pick<PoolsDeps, 'rounds' | 'clock'>,
  round: Round,
  status: Later,
  actor: string,
  extra: Partial<Round> = {},
) {
  const now = deps.clock.now();
  const next: Round = { ...round, ...extra, status, version: round.version + 1 };
  const type = eventOf[status];
  await deps.rounds.saveRound(
    next,
    round.version,
    makeEvent(type, subject(round.id), actor, { roundId: round.id, poolId: round.poolId, status }, now),
  );
  return next;
}

// ---- staff actions ----

export async function openRound(deps: RoundRecords, caller: Caller, poolId: string, input: { name: string }) {
  const pool = await loadPool(deps, poolId);
  const consortium = await loadConsortium(deps, pool.consortiumId);
  actingOrg(caller, consortium, ['lead'], 'admin', { what: 'pool', id: poolId });
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
  await deps.rounds.createRound(round, makeEvent('round.opened', subject(round.id), caller.user.id, { roundId: round.id, poolId }, now));
  return round;
}

export async function getRound(deps: RoundRecords, caller: Caller, roundId: string) {
  const { round, proposals, votes, consortium } = await load(deps, roundId);
  requireReader(caller, consortium, 'round', roundId);
  const voters = await votersOf(deps, round);
  return { ...round, proposals, votes, tally: tally(voters, votes, consortium.quorumPercent ?? DEFAULT_QUORUM_PERCENT) };
}

/** A proposal's input: to an organisation on grantloop, or to a provider added with it. */
type ProposalInput = Omit<AllocationRequest, 'recipientOrgId'> & {
  recipientOrgId?: string | undefined;
  newRecipient?: NewRecipient | undefined;
};

/**
 * Any lead or member funder (officer or above) may propose while the round is open, to a
 * recipient on grantloop or to a provider it adds with the proposal (checked first, written only
 * once the proposal is known to be good).
 */
export async function addProposal(deps: RoundRecords, caller: Caller, roundId: string, input: ProposalInput) {
  const { round, consortium } = await load(deps, roundId);
  actingOrg(caller, consortium, ['lead', 'member'], 'officer', { what: 'round', id: roundId });
  // Said here by name for a person; the store's condition still holds against a close at the same moment.
  if (round.status !== 'open')
    throw new DomainError('conflict', `${round.name} is closed: proposals can only be added while the round is open`, [], {
      rule: 'round-open',
    });
  const pool = await loadPool(deps, round.poolId);
  const { newRecipient, recipientOrgId, ...rest } = input;
  const added = newRecipient ? await checkNewRecipient(deps, newRecipient) : undefined;
  const recipient = added?.id ?? recipientOrgId;
  if (!recipient) throw invalid('recipientOrgId', 'recipient', 'give either recipientOrgId or newRecipient');
  const request: AllocationRequest = { ...rest, recipientOrgId: recipient };
  await checkAllocationRequest(deps, pool, request, 'body', added?.id);
  if (added) await registerRecipient(deps, caller, added);
  const now = deps.clock.now();
  const proposal: Proposal = { ...request, id: newId(now), by: caller.user.id, status: 'proposed' };
  await deps.rounds.addProposal(
    roundId,
    proposal,
    makeEvent('round.proposal-added', subject(roundId), caller.user.id, { roundId, proposalId: proposal.id, amount: request.amount }, now),
  );
  return proposal;
}

/** The lead closes the round for voting; what is proposed must fit the money available now. */
export async function closeRound(deps: RoundCallbacks, caller: Caller, roundId: string) {
  const { round, proposals, consortium } = await load(deps, roundId);
  actingOrg(caller, consortium, ['lead'], 'admin', { what: 'round', id: roundId });
  if (round.status !== 'open') throw new DomainError('conflict', `round ${round.name} is ${round.status}, not open`);
  if (proposals.length === 0)
    throw new DomainError('conflict', `round ${round.name} has no proposals to vote on`, [], { rule: 'round-has-proposals' });
  const pool = await loadPool(deps, round.poolId);
  const asked = proposals.reduce((a, p) => a + p.amount, 0);
  if (asked > available(pool)) {
    throw new DomainError('conflict', `the proposals ask for ${pounds(asked)} but the pool has ${pounds(available(pool))} available`, [], {
      rule: 'round-fits-pool',
      needed: asked,
      available: available(pool),
    });
  }
  const waiting = await deps.platform.takeWaitingTask(subject(roundId), CLOSE);
  if (!waiting) throw new DomainError('conflict', `round ${round.name} is not ready to close yet; try again in a moment`);
  const next = await setStatus(deps, round, 'voting', caller.user.id, { closedAt: deps.clock.now().toISOString() });
  await deps.workflows.succeed(waiting.taskToken, { closedBy: caller.user.id });
  return next;
}

/**
 * Until when a closed round's vote (or, once escalated, the lead's decision) is open: the
 * deadline the workflow parked its token with or, before it has, the voting window from the
 * moment the round closed. None while the round is open or once it is decided.
 */
export async function roundDeadline(deps: Pick<PoolsDeps, 'platform'>, round: Round): Promise<string | undefined> {
  if (round.status !== 'voting' && round.status !== 'escalated') return undefined;
  const parked = await deps.platform.getWaitingTask(subject(round.id), DECISION);
  if (parked) return parked.deadline;
  if (round.status !== 'voting' || !round.closedAt) return undefined;
  return new Date(Date.parse(round.closedAt) + VOTING_WINDOW_DAYS * 86_400_000).toISOString();
}

/** Voting members (lead and members) weigh by what their organisation has put into the pool. */
async function votersOf(deps: Pick<PoolsDeps, 'consortia' | 'pools'>, round: Round) {
  const consortium = await loadConsortium(deps, round.consortiumId);
  const buckets = await deps.pools.listBuckets(round.poolId);
  return consortium.members
    .filter((m) => m.role !== 'observer')
    .map((m) => ({ orgId: m.orgId, weight: buckets.filter((b) => b.funderOrgId === m.orgId).reduce((a, b) => a + b.received, 0) }));
}

export async function decideIfSettled(deps: RoundCallbacks, round: Round, actor: string) {
  const fresh = await load(deps, round.id);
  const result = tally(await votersOf(deps, round), fresh.votes, fresh.consortium.quorumPercent ?? DEFAULT_QUORUM_PERCENT);
  if (result.outcome === 'pending') return result;
  // Whoever takes the token resumes the workflow; a simultaneous deciding vote finds it gone.
  await resume(deps, subject(round.id), DECISION, { outcome: result.outcome, decidedBy: actor, tally: result });
  return result;
}

export async function vote(
  deps: RoundCallbacks,
  caller: Caller,
  roundId: string,
  input: { decision: Decision; comment?: string | undefined },
) {
  const { round, consortium } = await load(deps, roundId);
  const orgId = actingOrg(caller, consortium, ['lead', 'member'], 'officer', { what: 'round', id: roundId });
  const now = deps.clock.now();
  await deps.rounds.putVote(
    roundId,
    { orgId, decision: input.decision, ...(input.comment ? { comment: input.comment } : {}), by: caller.user.id, at: now.toISOString() },
    makeEvent('round.vote-recorded', subject(roundId), caller.user.id, { roundId, orgId, decision: input.decision }, now),
  );
  return { roundId, orgId, decision: input.decision, tally: await decideIfSettled(deps, round, caller.user.id) };
}

/** After escalation the lead decides for the consortium. */
export async function leadDecision(deps: RoundCallbacks, caller: Caller, roundId: string, input: { decision: Decision }) {
  const { round, consortium } = await load(deps, roundId);
  actingOrg(caller, consortium, ['lead'], 'admin', { what: 'round', id: roundId });
  if (round.status !== 'escalated')
    throw new DomainError('conflict', `round ${round.name} is ${round.status}; the lead decides only after voting has timed out`);
  const waiting = await deps.platform.takeWaitingTask(subject(roundId), DECISION);
  if (!waiting) throw new DomainError('conflict', `round ${round.name} has already been decided`);
  const outcome = input.decision === 'approve' ? 'approved' : 'rejected';
  await deps.workflows.succeed(waiting.taskToken, { outcome, decidedBy: caller.user.id });
  return { roundId, outcome };
}
