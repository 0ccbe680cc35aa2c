import { z } from 'zod';
import { sendInvitations } from '../../shared/app/consortia';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ consortiumId: z.string() }), (input) => sendInvitations(deps, input.consortiumId));
