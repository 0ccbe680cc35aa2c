import { grantsTable } from '../../shared/grants/aws';
import { requestConditionEvidence } from '../../shared/grants/conditions';
import { mailer } from '../../shared/platform/aws/mail';
import { taskHandler } from '../lib/task';
import { planSet } from './plan-set';

export const handler = taskHandler(planSet, (event) =>
  requestConditionEvidence({ ...grantsTable, mailer }, { grantId: event.detail.data.grantId }),
);
