import { mailer } from '../../shared/platform/aws/mail';
import { poolsTable } from '../../shared/pools/aws';
import { settleRound } from '../../shared/pools/round-steps';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ roundId: z.string(), outcome: z.enum(['approved', 'rejected', 'expired']) }), (input) =>
  settleRound({ ...poolsTable, mailer }, input),
);
