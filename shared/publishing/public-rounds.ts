import type { Organisation } from '../consortia/organisation';
import type { Proposal, Round } from '../pools/round';
import type { RoundDecision, RoundOutcome, RoundRate } from './public-view-model';

/**
 * Allocation rounds as the public sees them: how many proposals came in and how many were
 * funded, and what was decided. A funded proposal names its recipient; an unsuccessful one is
 * only counted, its applicant never named, and its reason (written about that applicant) kept in.
 */
type RoundWithProposals = { round: Round; proposals: Proposal[] };

/** A round's outcome once decided; undefined while it takes proposals or its funders are voting. */
const outcomes: Partial<Record<Round['status'], RoundOutcome>> = {
  committed: 'funded',
  approved: 'approved',
  rejected: 'rejected',
  expired: 'expired',
};

export const roundOutcome = (r: Round): RoundOutcome | undefined => outcomes[r.status];

/** Funded as a percentage of received, to one decimal place (half away from zero); null for none received. */
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

const sum = (proposals: Proposal[]) => proposals.reduce((a, p) => a + p.amount, 0);

/** A decided round's figures: every proposal received, the funded ones, and what each side asked for (pence). */
export function roundRate({ round, proposals }: RoundWithProposals, pool: string): RoundRate | undefined {
  // An approved round's proposals are marked funded only as its grants are committed: until then its rate would read 0%.
  const outcome = roundOutcome(round);
  if (!outcome || outcome === 'approved') return undefined;
  const funded = proposals.filter((p) => p.status === 'funded');
  return {
    id: round.id,
    name: round.name,
    pool,
    received: proposals.length,
    funded: funded.length,
    percentFunded: percentOf(funded.length, proposals.length),
    requested: sum(proposals),
    awarded: sum(funded),
  };
}

export function roundDecision(
  { round, proposals }: RoundWithProposals,
  pool: string,
  orgs: Map<string, Organisation>,
): RoundDecision | undefined {
  const outcome = roundOutcome(round);
  if (!outcome) return undefined;
  const funded = proposals.filter((p) => p.status === 'funded');
  return {
    id: round.id,
    name: round.name,
    pool,
    outcome,
    ...(round.decidedAt ? { decidedAt: round.decidedAt } : {}),
    funded: funded.map((p) => ({ title: p.title, recipient: orgs.get(p.recipientOrgId)?.name ?? 'Unnamed recipient', amount: p.amount })),
    // Approved and not yet committed: nothing is refused yet.
    notFunded: outcome === 'approved' ? 0 : proposals.length - funded.length,
  };
}
