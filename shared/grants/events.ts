import { eventMaker, subjectOf } from '../platform/events';

export const grantsEvents = [
  'grant.awarded',
  'grant.plan-set',
  'grant.status-changed',
  'grant.amended',
  'condition.evidence-submitted',
  'condition.decided',
  'condition.link-replaced',
  'consortium.reporting-policy-set',
] as const;

export const makeEvent = eventMaker(grantsEvents);

export const subject = {
  grant: (grantId: string) => subjectOf('grant', grantId),
  consortium: (consortiumId: string) => subjectOf('consortium', consortiumId),
};
