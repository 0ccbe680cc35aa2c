import { id } from '../lib/schemas';
import * as z from '../lib/zod';

export const consortiumIdPath = z.object({ consortiumId: id });
export const reportIdPath = z.object({ reportId: id });
export const reportReview = z.strictObject({
  decision: z.enum(['accept', 'request-changes']),
  comments: z.optional(z.string().check(z.maxLength(2000))),
});
export const reportStatusQuery = z.object({
  status: z.enum(['scheduled', 'requested', 'submitted', 'changes-requested', 'overdue', 'very-late', 'accepted', 'not-submitted']),
});
