import { z } from 'zod';
import { scheduleLeadReminder } from '../../shared/app/consortia';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const invitationsSent = z.object({
  'detail-type': z.literal('consortium.invitations-sent'),
  detail: z.object({ occurredAt: z.string(), data: z.object({ consortiumId: z.string() }) }),
});

export const handler = taskHandler(invitationsSent, (event) =>
  scheduleLeadReminder(deps, {
    consortiumId: event.detail.data.consortiumId,
    invitedAt: event.detail.occurredAt,
    reminderFunctionArn: config.reminderFunctionArn(),
  }),
);
