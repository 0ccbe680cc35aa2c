import { poolsTable } from '../../shared/pools/aws';
import { commitProposal } from '../../shared/pools/round-steps';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ roundId: z.string(), proposalId: z.string() }), (input) => commitProposal(poolsTable, input));
