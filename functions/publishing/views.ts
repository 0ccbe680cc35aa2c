/** What the publishing routes answer (see `functions/pools/views.ts` for why these are schemas). */
import { settingsShape } from '../../shared/publishing/codecs';
import { infrastructureFunctions } from '../../shared/reporting/templates';
import { isoTime } from '../lib/api';
import * as z from '../lib/zod';

/** The consortium's publishing settings as saved. */
export const publishingSettings = z.strictObject({ ...settingsShape(), updatedAt: z.optional(isoTime) });

/** A grant's publishing details as saved. */
export const grantPublishing = z.strictObject({
  consortiumId: z.string(),
  grantId: z.string(),
  areaCodes: z.array(z.string()),
  functions: z.array(z.enum(infrastructureFunctions)),
  updatedAt: isoTime,
  updatedBy: z.string(),
  version: z.int(),
});
