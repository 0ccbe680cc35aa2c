import { grantsTable } from '../../shared/grants/aws';
import { notifyEvidenceReceived } from '../../shared/grants/conditions';
import { grantsEvents } from '../../shared/grants/events';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';

const evidenceSubmitted = eventOf(grantsEvents, 'condition.evidence-submitted');

export const handler = taskHandler(evidenceSubmitted, (event) => notifyEvidenceReceived({ ...grantsTable, mailer }, event.detail.data));
