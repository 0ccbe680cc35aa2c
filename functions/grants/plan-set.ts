import { grantsEvents } from '../../shared/grants/events';
import { eventOf } from '../lib/task';

/** The event several features react to when a grant's plan is set. */
export const planSet = eventOf(grantsEvents, 'grant.plan-set');
