import { grantsTable } from '../../shared/grants/aws';
import { notifyConditionDecided } from '../../shared/grants/condition-outcome';
import { grantsEvents } from '../../shared/grants/events';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';

const conditionDecided = eventOf(grantsEvents, 'condition.decided');

export const handler = taskHandler(conditionDecided, (event) =>
  notifyConditionDecided({ ...grantsTable, mailer }, { ...event.detail.data, decidedAt: event.detail.occurredAt }),
);
