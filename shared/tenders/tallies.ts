import { DEFAULT_QUORUM_PERCENT } from '../consortia/consortium';
import { tally } from '../pools/round';
import type { Tender } from './tender';

/** Where a tender's sign-off and award decision stand: pure, so views read them without the steps' clients. */
export const signOffState = (t: Tender) => {
  const pending = t.funders.filter((f) => !t.signOffs.some((s) => s.orgId === f.orgId)).map((f) => f.orgId);
  const refused = t.signOffs.filter((s) => s.decision === 'refuse');
  return { pending, refused, outcome: refused.length ? 'refused' : pending.length ? 'pending' : 'approved' } as const;
};

/** Votes weigh by each funder's contribution to the tender; the quorum is the consortium's, as for rounds. */
export const awardTally = (tender: Tender, quorumPercent: number | undefined) =>
  tally(
    tender.funders.map((f) => ({ orgId: f.orgId, weight: f.amount })),
    tender.awardVotes,
    quorumPercent ?? DEFAULT_QUORUM_PERCENT,
  );
