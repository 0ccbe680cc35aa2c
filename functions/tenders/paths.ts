import { deferred } from '../../shared/platform/lazy';
import { id } from '../lib/schemas';
import * as z from '../lib/zod';

/** Path parameters, apart from the bodies so a handler that reads only a path bundles no body schema. */
export const consortiumIdPath = deferred(() => z.object({ consortiumId: id }));
export const tenderIdPath = deferred(() => z.object({ tenderId: id }));
export const questionPath = deferred(() => z.object({ tenderId: id, questionId: id }));
export const challengePath = deferred(() => z.object({ tenderId: id, challengeId: id }));
/** `?package=release` for the release package; the record package (with the compiled release) otherwise. */
export const ocdsQuery = deferred(() => z.object({ package: z.optional(z.enum(['record', 'release'])) }));
