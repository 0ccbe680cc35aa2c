import { changeStatus } from '../../shared/grants/amendments';
import { grantsTable } from '../../shared/grants/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { grantIdPath, grantStatusChange } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await changeStatus(grantsTable, caller, grantId, parse(grantStatusChange, jsonBody(event), 'body'))) satisfies View<
      typeof views.statusChanged
    >,
  };
});
