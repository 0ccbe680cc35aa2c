import { grantsTable } from '../../shared/grants/aws';
import { notifyConditionDecided } from '../../shared/grants/condition-outcome';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const conditionDecided = eventOf('condition.decided', { grantId: z.string(), conditionId: z.string(), outcome: z.string() });

export const handler = taskHandler(conditionDecided, (event) =>
  notifyConditionDecided({ ...grantsTable, mailer }, { ...event.detail.data, decidedAt: event.detail.occurredAt }),
);
