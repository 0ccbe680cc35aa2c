import type { TenderLot } from '../../shared/tenders/tender';

/**
 * The two lots most tender tests draft (organisational support and volunteering support, each a
 * function), at the values given in pence.
 */
export const twoLots = (orgSupport: number, volunteering: number): TenderLot[] => [
  {
    id: 'org-support',
    title: 'Organisational support',
    value: orgSupport,
    scope: { kind: 'function', label: 'Organisational development' },
  },
  { id: 'volunteering', title: 'Volunteering support', value: volunteering, scope: { kind: 'function', label: 'Volunteering' } },
];

/** A winter timetable: questions by 10 December 2026, bids by 15 January 2027, evaluation to 5 February, the award on 12 February. */
export const winterDates = {
  clarificationDeadline: '2026-12-10T12:00:00Z',
  submissionDeadline: '2027-01-15T12:00:00Z',
  evaluationEnd: '2027-02-05T17:00:00Z',
  awardDecision: '2027-02-12T12:00:00Z',
};
