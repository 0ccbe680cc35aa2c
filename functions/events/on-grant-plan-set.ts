import { z } from 'zod';
import { startGrantWorkflow } from '../../shared/app/grants';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const planSet = z.object({ 'detail-type': z.literal('grant.plan-set'), detail: z.object({ data: z.object({ grantId: z.string() }) }) });

export const handler = taskHandler(planSet, (event) => startGrantWorkflow(deps, config.grantWorkflowArn(), event.detail.data.grantId));
