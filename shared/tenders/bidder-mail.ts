import type { Organisation } from '../consortia/organisation';
import type { Interest } from './store';
import type { Tender } from './tender';

/** Whom an email to a bidder is to and from: the same for its assessment summary and its lot outcomes. */
export interface BidderMail {
  to: string;
  orgName: string;
  tenderTitle: string;
  consortiumName: string;
  buyerName: string;
  buyerEmail: string;
}

/** A bidder's email's addressing, from its interest and the tender's buyer (the consortium's name where the buyer is unknown). */
export const bidderMail = (
  tender: Pick<Tender, 'title'>,
  consortiumName: string,
  buyer: Pick<Organisation, 'name' | 'contactEmail'> | undefined,
  interest: Pick<Interest, 'email' | 'orgName'>,
): BidderMail => ({
  to: interest.email,
  orgName: interest.orgName,
  tenderTitle: tender.title,
  consortiumName,
  buyerName: buyer?.name ?? consortiumName,
  buyerEmail: buyer?.contactEmail ?? '',
});
