import { eventMaker, subjectOf } from '../platform/events';

/**
 * Bid events sit under the bid's own subject and carry only ids, so neither a tender's audit
 * trail nor a payload says how many bids there are before the deadline.
 */
export const tendersEvents = [
  'tender.drafted',
  'tender.edited',
  'tender.submitted-for-sign-off',
  'tender.signed-off',
  'tender.sign-off-refused',
  'tender.sign-off-escalated',
  'tender.returned-to-draft',
  'tender.published',
  'tender.interest-registered',
  'tender.question-asked',
  'tender.question-answered',
  'tender.submissions-closed',
  'tender.conflict-declared',
  'tender.scored',
  'tender.moderated',
  'tender.evaluated',
  'tender.award-vote-recorded',
  'tender.award-approved',
  'tender.assessment-summaries-sent',
  'tender.award-notice-published',
  'tender.standstill-started',
  'tender.challenge-received',
  'tender.challenge-resolved',
  'tender.lot-awarded',
  'tender.lot-failed',
  'tender.completed',
  'tender.unsuccessful',
  'tender.cancelled',
  'bid.submitted',
  'bid.late-refused',
] as const;

export type TendersEvent = (typeof tendersEvents)[number];

export const makeEvent = eventMaker(tendersEvents);

export const subject = {
  tender: (tenderId: string) => subjectOf('tender', tenderId),
  bid: (tenderId: string, interestId: string) => subjectOf('bid', `${tenderId}.${interestId}`),
};
