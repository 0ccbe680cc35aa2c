import type { AllocationRequest } from './grant';

/**
 * Allocation rounds: funders propose, then the consortium's voting members (lead and members;
 * observers do not vote) approve or reject. Votes are weighted by what each funder has put into
 * the pool: a round is approved when approvers hold at least the quorum share of that money.
 */
export type RoundStatus = 'open' | 'voting' | 'escalated' | 'approved' | 'rejected' | 'expired' | 'committed';
export type Decision = 'approve' | 'reject';

export interface Round {
  id: string;
  poolId: string;
  consortiumId: string;
  name: string;
  status: RoundStatus;
  openedAt: string;
  openedBy: string;
  closedAt?: string;
  decidedAt?: string;
  version: number;
}

export interface Vote {
  orgId: string;
  decision: Decision;
  comment?: string;
  by: string;
  at: string;
}

interface Tally {
  approveWeight: number;
  rejectWeight: number;
  totalWeight: number;
  quorumPercent: number;
  outcome: 'approved' | 'rejected' | 'pending';
}

export function tally(voters: { orgId: string; weight: number }[], votes: Vote[], quorumPercent: number): Tally {
  const weight = new Map(voters.map((v) => [v.orgId, v.weight]));
  const sum = (d: Decision) => votes.filter((v) => v.decision === d).reduce((a, v) => a + (weight.get(v.orgId) ?? 0), 0);
  const approveWeight = sum('approve');
  const rejectWeight = sum('reject');
  const totalWeight = voters.reduce((a, v) => a + v.weight, 0);
  // Integer arithmetic: approve/total ≥ quorum/100  ⇔  approve·100 ≥ quorum·total.
  const reaches = (w: number) => totalWeight > 0 && w * 100 >= quorumPercent * totalWeight;
  const outcome = reaches(approveWeight) ? 'approved' : !reaches(totalWeight - rejectWeight) ? 'rejected' : 'pending';
  return { approveWeight, rejectWeight, totalWeight, quorumPercent, outcome };
}

export interface Proposal extends AllocationRequest {
  id: string;
  by: string;
  status: 'proposed' | 'funded' | 'not-funded';
  grantId?: string;
  reason?: string;
}
