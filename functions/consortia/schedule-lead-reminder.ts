import { consortiaEvents } from '../../shared/consortia/events';
import { scheduleLeadReminder } from '../../shared/consortia/invitation';
import { scheduler } from '../../shared/platform/aws/schedules';
import { eventOf, taskHandler } from '../lib/task';

export const handler = taskHandler(eventOf(consortiaEvents, 'consortium.invitations-sent'), (event) =>
  scheduleLeadReminder({ scheduler }, { consortiumId: event.detail.data.consortiumId, invitedAt: event.detail.occurredAt }),
);
