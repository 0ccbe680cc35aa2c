import { mailer } from '../../shared/platform/aws/mail';
import { workflows } from '../../shared/platform/aws/workflows';
import { reportingTable } from '../../shared/reporting/aws';
import { awaitReview } from '../../shared/reporting/cycle';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: the funder's review (POST /reports/{id}/review) resumes the workflow; one made already resumes it at once. */
export const handler = taskHandler(callbackOf({ reportId: z.string() }), (input) =>
  awaitReview({ ...reportingTable, mailer, workflows }, input),
);
