import { tendersTable } from '../../shared/tenders/aws';
import { scoreBid } from '../../shared/tenders/evaluation';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { scoreBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await scoreBid(tendersTable, caller, tenderId, parse(scoreBody, jsonBody(event), 'body'))) satisfies View<typeof views.tender>,
  };
});
