import { consortiaTable } from '../../shared/consortia/aws';
import { createConsortium } from '../../shared/consortia/consortia';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { newConsortium } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const input = parse(newConsortium, jsonBody(event), 'body');
  return { status: 201, body: (await createConsortium(consortiaTable, caller, input)) satisfies View<typeof views.consortium> };
});
