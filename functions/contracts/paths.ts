import { deferred } from '../../shared/platform/lazy';
import { date, id } from '../lib/schemas';
import * as z from '../lib/zod';

/** Path parameters and queries, apart from the bodies so a handler that reads only a path bundles no body schema. */
export const orgIdPath = deferred(() => z.object({ orgId: id }));
export const contractIdPath = deferred(() => z.object({ contractId: id }));
const ref = deferred(() => z.string().check(z.regex(/^[MK][1-9][0-9]{0,2}$/, 'must be a milestone (M1…) or KPI (K1…) id')));
export const milestonePath = deferred(() => z.object({ contractId: id, milestoneId: ref }));
export const kpiPath = deferred(() => z.object({ contractId: id, kpiId: ref }));
export const paymentPath = deferred(() =>
  z.object({
    contractId: id,
    paymentId: z.string().check(z.regex(/^P[1-9][0-9]{0,2}$/, 'must be a payment id (P1…)')),
  }),
);
/** A payments compliance notice's reporting period: the one holding this day (the latest ended if none). */
export const noticesQuery = deferred(() => z.object({ period: z.optional(date) }));
export const contractsQuery = deferred(() =>
  z.object({
    status: z.optional(z.enum(['pending', 'active', 'cancelled', 'terminated'])),
    supplier: z.optional(z.string().check(z.maxLength(200))),
  }),
);
