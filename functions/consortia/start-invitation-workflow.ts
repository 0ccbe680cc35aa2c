import { consortiaEvents } from '../../shared/consortia/events';
import { startInvitationWorkflow } from '../../shared/consortia/invitation';
import { workflows } from '../../shared/platform/aws/workflows';
import { eventOf, taskHandler } from '../lib/task';

/** consortium.created → the invitation workflow, named after the consortium (a repeat starts nothing). */
export const handler = taskHandler(eventOf(consortiaEvents, 'consortium.created'), (event) =>
  startInvitationWorkflow({ workflows }, event.detail.data.consortiumId),
);
