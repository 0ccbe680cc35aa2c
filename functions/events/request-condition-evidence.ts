import { z } from 'zod';
import { requestConditionEvidence } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const planSet = z.object({ 'detail-type': z.literal('grant.plan-set'), detail: z.object({ data: z.object({ grantId: z.string() }) }) });

export const handler = taskHandler(planSet, (event) => requestConditionEvidence(deps, { grantId: event.detail.data.grantId }));
