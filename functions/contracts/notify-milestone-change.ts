import { notifyDecision, notifyEvidence } from '../../shared/contracts/alerts';
import { contractsTable } from '../../shared/contracts/aws';
import { contractsEvents } from '../../shared/contracts/events';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const change = z.union([eventOf(contractsEvents, 'milestone.decided'), eventOf(contractsEvents, 'milestone.evidence-submitted')]);

export const handler = taskHandler(change, (event) => {
  const deps = { ...contractsTable, mailer };
  if (event['detail-type'] === 'milestone.decided') {
    const { contractId, milestoneId, sequence } = event.detail.data;
    return notifyDecision(deps, { contractId, milestoneId, sequence: sequence ?? 0 });
  }
  const { contractId, milestoneId } = event.detail.data;
  return notifyEvidence(deps, { contractId, milestoneId });
});
