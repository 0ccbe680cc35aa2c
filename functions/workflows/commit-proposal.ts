import { z } from 'zod';
import { commitProposal } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ roundId: z.string(), proposalId: z.string() }), (input) => commitProposal(deps, input));
