import { mailer } from '../../shared/platform/aws/mail';
import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { escalateRound } from '../../shared/pools/round-steps';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: voting timed out; the lead's decision resumes the workflow. */
export const handler = taskHandler(callbackOf({ roundId: z.string() }), (input) =>
  escalateRound({ ...poolsTable, mailer, workflows }, input),
);
