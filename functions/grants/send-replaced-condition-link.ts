import { grantsTable } from '../../shared/grants/aws';
import { sendReplacedConditionLink } from '../../shared/grants/condition-link-sent';
import { grantsEvents } from '../../shared/grants/events';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';

const replaced = eventOf(grantsEvents, 'condition.link-replaced');

export const handler = taskHandler(replaced, (event) => sendReplacedConditionLink({ ...grantsTable, mailer }, event.detail.data));
