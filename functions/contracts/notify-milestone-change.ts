import { notifyDecision, notifyEvidence } from '../../shared/contracts/alerts';
import { contractsTable } from '../../shared/contracts/aws';
import { mailer } from '../../shared/platform/aws/mail';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const change = z.object({
  'detail-type': z.enum(['milestone.decided', 'milestone.evidence-submitted']),
  detail: z.object({ data: z.object({ contractId: z.string(), milestoneId: z.string(), sequence: z.optional(z.int()) }) }),
});

export const handler = taskHandler(change, (event) => {
  const deps = { ...contractsTable, mailer };
  const { contractId, milestoneId, sequence } = event.detail.data;
  if (event['detail-type'] === 'milestone.decided') return notifyDecision(deps, { contractId, milestoneId, sequence: sequence ?? 0 });
  return notifyEvidence(deps, { contractId, milestoneId });
});
