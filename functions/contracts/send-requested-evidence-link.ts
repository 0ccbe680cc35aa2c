import { contractsTable } from '../../shared/contracts/aws';
import { sendRequestedEvidenceLink } from '../../shared/contracts/evidence-request';
import { mailer } from '../../shared/platform/aws/mail';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const data = { contractId: z.string(), milestoneId: z.string(), by: z.string() };
// The event's id names the request: two asked for at the same instant are two emails.
const requested = z.object({
  'detail-type': z.literal('milestone.evidence-requested'),
  detail: z.object({ id: z.string(), data: z.object(data) }),
});

export const handler = taskHandler(requested, (event) =>
  sendRequestedEvidenceLink({ ...contractsTable, mailer }, { ...event.detail.data, requestId: event.detail.id }),
);
