import type { DomainEvent } from '../platform/events';
import { makeEvent, subject } from './events';
import type { Regime } from './regime';
import type { Tender, TenderStatus } from './tender';

/** The winner of a lot: the organisation the grant goes to, and the bidder as it gave itself. */
export type LotWinner = {
  interestId: string;
  orgId: string;
  name: string;
  email: string;
  /** The org-id identifier the bidder gave, if any. */
  identifier?: string | undefined;
};

/**
 * `tender.lot-awarded`, written with the lot's grant: the lot, the price and the winner, with the
 * grant that funds it, its term and the buyer, so a consumer (the buying council's contract)
 * needs nothing else: it never reads the tenders store.
 */
export type LotAwarded = {
  tenderId: string;
  status: TenderStatus;
  lot: { id: string; title: string };
  /** pence */
  price: number;
  winner: LotWinner;
  grantId: string;
  poolId: string;
  buyerOrgId: string;
  /** The award's title (`<tender>: <lot>`) and the tender's description. */
  title: string;
  description: string;
  /** The grant's planned term. */
  startDate: string;
  endDate: string;
  /** Absent for a tender stored before tenders carried their regime. */
  regime?: Regime | undefined;
};

export function lotAwarded(
  saved: Tender,
  award: { lot: LotAwarded['lot']; price: number; winner: LotWinner; grantId: string; title: string },
  grant: { plannedStart: string; plannedEnd: string },
  actor: string,
  now: Date,
): DomainEvent<LotAwarded> {
  const data: LotAwarded = {
    tenderId: saved.id,
    status: saved.status,
    ...award,
    poolId: saved.poolId,
    buyerOrgId: saved.buyerOrgId,
    description: saved.description,
    startDate: grant.plannedStart,
    endDate: grant.plannedEnd,
    // Typed as always there, but tenders stored before they carried a regime have none.
    regime: saved.regime?.regime,
  };
  return makeEvent('tender.lot-awarded', subject.tender(saved.id), actor, data, now);
}
