import { z } from 'zod';
import { sendLeadReminder } from '../../shared/app/consortia';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const reminder = z.object({ kind: z.literal('consortium-lead-reminder'), consortiumId: z.string() });

export const handler = taskHandler(reminder, (input) => sendLeadReminder(deps, input.consortiumId));
