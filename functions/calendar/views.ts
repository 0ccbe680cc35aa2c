/** What the calendar routes answer (see `functions/pools/views.ts` for why these are schemas). */
import { isoTime } from '../lib/api';
import * as z from '../lib/zod';

/** A feed's new address: shown in this answer only. */
export const rotated = z.strictObject({ url: z.string(), createdAt: isoTime, replaced: z.boolean() });
