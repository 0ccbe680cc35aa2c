import { deferred } from '../../shared/platform/lazy';
import { id } from '../lib/schemas';
import * as z from '../lib/zod';

export const consortiumIdPath = deferred(() => z.object({ consortiumId: id }));
export const reportIdPath = deferred(() => z.object({ reportId: id }));
export const reportReview = deferred(() =>
  z.strictObject({
    decision: z.enum(['accept', 'request-changes']),
    comments: z.optional(z.string().check(z.maxLength(2000))),
  }),
);
export const reportStatusQuery = deferred(() =>
  z.object({
    status: z.enum(['scheduled', 'requested', 'submitted', 'changes-requested', 'overdue', 'very-late', 'accepted', 'not-submitted']),
  }),
);
