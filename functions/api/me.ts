import { staffRoute } from '../lib/http';

export const handler = staffRoute(async (_event, caller) => ({ body: caller }));
