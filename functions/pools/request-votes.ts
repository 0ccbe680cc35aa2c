import { mailer } from '../../shared/platform/aws/mail';
import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { requestVotes } from '../../shared/pools/round-steps';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: stores the decision token; the vote that settles the tally resumes the workflow with it. */
export const handler = taskHandler(callbackOf({ roundId: z.string() }), (input) =>
  requestVotes({ ...poolsTable, mailer, workflows }, input),
);
