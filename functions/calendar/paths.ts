import { deferred } from '../../shared/platform/lazy';
import { id } from '../lib/schemas';
import * as z from '../lib/zod';

/** One of the two routes' owners: a council or a contract. */
export const feedOwnerPath = deferred(() =>
  z
    .object({ orgId: z.optional(id), contractId: z.optional(id) })
    .check(z.refine((p) => Boolean(p.orgId) !== Boolean(p.contractId), 'a council or a contract')),
);
