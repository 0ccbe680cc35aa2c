import { grantsTable } from '../../shared/grants/aws';
import { sendReplacedConditionLink } from '../../shared/grants/condition-link-sent';
import { mailer } from '../../shared/platform/aws/mail';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const replaced = eventOf('condition.link-replaced', {
  grantId: z.string(),
  conditionId: z.string(),
  linkGeneration: z.int(),
  validUntil: z.string(),
});

export const handler = taskHandler(replaced, (event) => sendReplacedConditionLink({ ...grantsTable, mailer }, event.detail.data));
