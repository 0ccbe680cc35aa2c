import { tendersTable } from '../../shared/tenders/aws';
import { declareConflict } from '../../shared/tenders/evaluation';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { conflictBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await declareConflict(tendersTable, caller, tenderId, parse(conflictBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.tender
    >,
  };
});
