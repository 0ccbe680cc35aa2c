import { eventMaker, subjectOf } from '../platform/events';

export const consortiaEvents = [
  'organisation.created',
  'user.created',
  'membership.granted',
  'membership.role-changed',
  'membership.revoked',
  'consortium.created',
  'consortium.invitations-sent',
  'consortium.reminder-sent',
  'consortium.activated',
  'consortium.lapsed',
] as const;

export const makeEvent = eventMaker(consortiaEvents);

export const subject = {
  organisation: (orgId: string) => subjectOf('organisation', orgId),
  user: (userId: string) => subjectOf('user', userId),
  consortium: (consortiumId: string) => subjectOf('consortium', consortiumId),
};
