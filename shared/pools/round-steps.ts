import type { Organisation } from '../consortia/organisation';
import { DomainError, notFound } from '../platform/errors';
import { sendOnce } from '../platform/send-once';
import { park } from '../platform/waiting';
import { commitGrant } from './awards';
import type { RoundStatus } from './round';
import { roundCommittedEmail, roundEndedEmail, roundEscalatedEmail, voteRequestEmail } from './round-mail';
import {
  CLOSE,
  DECISION,
  decideIfSettled,
  LEAD_DECISION_WINDOW_DAYS,
  load,
  ROUND_CLOSE_WINDOW_DAYS,
  type RoundDeps,
  type RoundRecords,
  setStatus,
  subject,
  VOTING_WINDOW_DAYS,
} from './rounds';
import type { PoolsDeps } from './store';

/** Recording an outcome and telling the funders, without resuming anything. */
type Notify = RoundRecords & Pick<PoolsDeps, 'platform' | 'mailer'>;

const ROUND_WORKFLOW = 'allocation-round';

// ---- workflow steps (pools-allocation-round.asl.json) ----

export async function awaitRoundClose(
  deps: Pick<PoolsDeps, 'platform' | 'clock'>,
  input: { roundId: string; taskToken: string; executionName: string },
) {
  return { waitingUntil: await park(deps, subject(input.roundId), CLOSE, input, ROUND_CLOSE_WINDOW_DAYS) };
}

async function contacts(deps: Pick<PoolsDeps, 'consortia'>, orgIds: string[]) {
  const orgs = await deps.consortia.getOrganisations(orgIds);
  return orgIds.map((id) => orgs.get(id)).filter((o): o is Organisation => Boolean(o));
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
    const email = voteRequestEmail({ round, consortium }, org, proposals, deadline);
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
    await sendOnce(deps, `${round.id}#escalated`, roundEscalatedEmail({ round, consortium }, lead, deadline));
  }
  await decideIfSettled(deps, round, 'workflow');
  return { escalatedTo: consortium.leadOrgId, waitingUntil: deadline };
}

/** Records the outcome; for an approved round returns the proposals to commit, in order. */
export async function settleRound(deps: Notify, input: { roundId: string; outcome: 'approved' | 'rejected' | 'expired' }) {
  const { round, proposals, consortium } = await load(deps, input.roundId);
  await deps.platform.takeWaitingTask(subject(round.id), DECISION);
  await deps.platform.takeWaitingTask(subject(round.id), CLOSE);
  const done: RoundStatus[] = ['approved', 'rejected', 'expired', 'committed'];
  if (!done.includes(round.status)) await setStatus(deps, round, input.outcome, 'workflow', { decidedAt: deps.clock.now().toISOString() });
  if (input.outcome !== 'approved') {
    for (const org of await contacts(
      deps,
      consortium.members.map((m) => m.orgId),
    )) {
      await sendOnce(deps, `${round.id}#${input.outcome}#${org.id}`, roundEndedEmail({ round, consortium }, org, input.outcome));
    }
  }
  const ordered = [...proposals].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { roundId: round.id, status: input.outcome, proposalIds: input.outcome === 'approved' ? ordered.map((p) => p.id) : [] };
}

/**
 * Commits one approved proposal as a grant. The grant id is the proposal id, so a retried
 * step finds the grant already there and commits nothing twice.
 */
export async function commitProposal(deps: RoundRecords, input: { roundId: string; proposalId: string }) {
  const { round, proposals } = await load(deps, input.roundId);
  const proposal = proposals.find((p) => p.id === input.proposalId);
  if (!proposal) throw notFound('proposal', input.proposalId);
  const { id, by, status: _s, grantId: _g, reason: _r, ...request } = proposal;
  try {
    const { grant, created } = await commitGrant(deps, { poolId: round.poolId, grantId: id, request, actor: by, roundId: round.id });
    await deps.rounds.markProposal(round.id, id, { status: 'funded', grantId: grant.id });
    return { proposalId: id, grantId: grant.id, funded: true, created };
  } catch (error) {
    // The pool changed since the round closed (e.g. a direct award): record it, carry on.
    if (error instanceof DomainError && error.kind === 'conflict' && 'available' in error.details) {
      await deps.rounds.markProposal(round.id, id, { status: 'not-funded', reason: error.message });
      return { proposalId: id, funded: false, reason: error.message };
    }
    throw error;
  }
}

export async function notifyRoundCommitted(deps: Notify, input: { roundId: string }) {
  const { round, proposals, consortium } = await load(deps, input.roundId);
  if (round.status === 'approved') await setStatus(deps, round, 'committed', 'workflow');
  const funded = proposals.filter((p) => p.status === 'funded');
  const notFunded = proposals.filter((p) => p.status === 'not-funded');
  let sent = 0;
  for (const org of await contacts(
    deps,
    consortium.members.map((m) => m.orgId),
  )) {
    if (await sendOnce(deps, `${round.id}#committed#${org.id}`, roundCommittedEmail({ round, consortium }, org, funded, notFunded))) sent++;
  }
  return { roundId: round.id, funded: funded.length, notFunded: notFunded.length, emailsSent: sent };
}

export async function startRoundWorkflow(deps: Pick<PoolsDeps, 'workflows'>, roundId: string) {
  return deps.workflows.start(ROUND_WORKFLOW, `round-${roundId}`, { roundId });
}
