import { eventOf } from '../lib/task';
import * as z from '../lib/zod';

/** The event several features react to when a grant's plan is set. */
export const planSet = eventOf('grant.plan-set', { grantId: z.string() });
