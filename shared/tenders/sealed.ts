import { SealedBidsError } from './store';
import { bidsUnsealed, type Tender } from './tender';

/** Both adapters ask this before reading bids: before the deadline there is nothing to read, not even a count. */
export function requireUnsealed(tender: Tender, now: Date): void {
  if (!bidsUnsealed(tender, now)) throw new SealedBidsError(tender.id);
}
