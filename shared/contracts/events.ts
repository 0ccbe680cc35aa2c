import { eventMaker, subjectOf } from '../platform/events';

export const contractsEvents = [
  'contract.registered',
  'contract.status-changed',
  'contract.amended',
  'contract.policy-set',
  'milestone.evidence-submitted',
  'milestone.decided',
  'milestone.alert-sent',
  'milestone.link-issued',
  'milestone.evidence-requested',
  'kpi.rated',
  'contract.invoice-received',
  'contract.payment-made',
] as const;

export type ContractsEvent = (typeof contractsEvents)[number];

export const makeEvent = eventMaker(contractsEvents);

export const subject = {
  contract: (contractId: string) => subjectOf('contract', contractId),
  council: (orgId: string) => subjectOf('council', orgId),
};
