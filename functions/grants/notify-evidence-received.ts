import { grantsTable } from '../../shared/grants/aws';
import { notifyEvidenceReceived } from '../../shared/grants/conditions';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const evidenceSubmitted = eventOf('condition.evidence-submitted', { grantId: z.string(), conditionId: z.string() });

export const handler = taskHandler(evidenceSubmitted, (event) => notifyEvidenceReceived({ ...grantsTable, mailer }, event.detail.data));
