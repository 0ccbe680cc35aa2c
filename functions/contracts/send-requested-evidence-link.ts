import { contractsTable } from '../../shared/contracts/aws';
import { contractsEvents } from '../../shared/contracts/events';
import { sendRequestedEvidenceLink } from '../../shared/contracts/evidence-request';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

// The event's id names the request: two asked for at the same instant are two emails.
const requested = eventOf(contractsEvents, 'milestone.evidence-requested');
const withId = z.object({ ...requested.shape, detail: z.object({ ...requested.shape.detail.shape, id: z.string() }) });

export const handler = taskHandler(withId, (event) =>
  sendRequestedEvidenceLink({ ...contractsTable, mailer }, { ...event.detail.data, requestId: event.detail.id }),
);
