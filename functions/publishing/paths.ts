import { deferred } from '../../shared/platform/lazy';
import { idsPath } from '../lib/api';
import * as z from '../lib/zod';

export const openPath = idsPath('consortiumId');
/** Which page of an OCDS list: 1 unless given; a page past the end is a 404. */
export const pageQuery = deferred(() => z.object({ page: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000))) }));
