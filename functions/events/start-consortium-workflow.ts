import { z } from 'zod';
import { startInvitationWorkflow } from '../../shared/app/consortia';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const consortiumCreated = z.object({
  'detail-type': z.literal('consortium.created'),
  detail: z.object({ data: z.object({ consortiumId: z.string() }) }),
});

export const handler = taskHandler(consortiumCreated, (event) =>
  startInvitationWorkflow(deps, config.consortiumWorkflowArn(), event.detail.data.consortiumId),
);
