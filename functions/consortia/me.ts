import { staffRoute } from './staff';

export const handler = staffRoute(async (_event, caller) => ({ body: caller }));
