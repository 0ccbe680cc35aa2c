import { startInvitationWorkflow } from '../../shared/consortia/invitation';
import { workflows } from '../../shared/platform/aws/workflows';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** consortium.created → the invitation workflow, named after the consortium (a repeat starts nothing). */
export const handler = taskHandler(eventOf('consortium.created', { consortiumId: z.string() }), (event) =>
  startInvitationWorkflow({ workflows }, event.detail.data.consortiumId),
);
