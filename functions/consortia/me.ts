import type { View } from '../lib/api';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (_event, caller) => ({ body: caller satisfies View<typeof views.me> }));
