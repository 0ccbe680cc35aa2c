import { startGrantWorkflow } from '../../shared/grants/tranches';
import { workflows } from '../../shared/platform/aws/workflows';
import { clock } from '../../shared/platform/clock';
import { taskHandler } from '../lib/task';
import { planSet } from './plan-set';

/** grant.plan-set → the grant workflow, named after the grant. */
export const handler = taskHandler(planSet, (event) => startGrantWorkflow({ workflows, clock }, event.detail.data.grantId));
