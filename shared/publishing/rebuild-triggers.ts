/**
 * The events after which a consortium's public documents may read differently: what it funds
 * and how (pools, pledges, money in and out), its rounds' and tenders' course and decisions, its
 * grants and their corrections, contracts from its tenders, and its own publishing choices. Not
 * here: sign-ins and staff, reports (never public), bids (sealed until the deadline, when
 * `tender.submissions-closed` follows), reminders and links.
 */
export const rebuildTriggers = [
  'consortium.publishing-set',
  'grant.publishing-set',
  // A funder's prefix names its grants in every consortium it belongs to.
  'organisation.prefix-set',
  'consortium.activated',
  'pool.created',
  'pledge.recorded',
  'contribution.received',
  'payment.made',
  'payment.returned',
  'round.opened',
  'round.proposal-added',
  'round.closed',
  'round.escalated',
  'round.approved',
  'round.rejected',
  'round.expired',
  'round.committed',
  'grant.awarded',
  'grant.amended',
  'grant.status-changed',
  // Signed off by every funder (or the lead going ahead): the page lists it as coming; back to draft, it goes.
  'tender.signed-off',
  'tender.sign-off-escalated',
  'tender.returned-to-draft',
  'tender.published',
  'tender.question-asked',
  'tender.question-answered',
  'tender.submissions-closed',
  'tender.evaluated',
  'tender.award-approved',
  'tender.award-notice-published',
  'tender.standstill-started',
  'tender.challenge-resolved',
  'tender.lot-awarded',
  'tender.lot-failed',
  'tender.completed',
  'tender.unsuccessful',
  'tender.cancelled',
  'contract.registered',
  'contract.status-changed',
  'contract.amended',
  'milestone.decided',
  'kpi.rated',
  'contract.payment-made',
] as const;
