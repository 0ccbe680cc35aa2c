import { scheduleLeadReminder } from '../../shared/consortia/invitation';
import { scheduler } from '../../shared/platform/aws/schedules';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(eventOf('consortium.invitations-sent', { consortiumId: z.string() }), (event) =>
  scheduleLeadReminder({ scheduler }, { consortiumId: event.detail.data.consortiumId, invitedAt: event.detail.occurredAt }),
);
