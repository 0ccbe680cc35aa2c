import type { DomainEvent, EventData } from '../platform/events';
import { makeEvent, subject, type tendersEvents } from './events';
import type { Tender } from './tender';

/**
 * `tender.lot-awarded`, written with the lot's grant: the lot, the price and the winner, with the
 * grant that funds it, its term and the buyer, so a consumer (the buying council's contract)
 * needs nothing else: it never reads the tenders store. Its shape is the payload schema tenders
 * declares (events.ts), so what is written and what the consumer parses are one promise.
 */
export type LotAwarded = EventData<typeof tendersEvents, 'tender.lot-awarded'>;

/** The winner of a lot: the organisation the grant goes to, and the bidder as it gave itself. */
export type LotWinner = LotAwarded['winner'];

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
