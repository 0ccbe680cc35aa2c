import { amend } from '../../shared/grants/amendments';
import { grantsTable } from '../../shared/grants/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { amendment, grantIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await amend(grantsTable, caller, grantId, parse(amendment, jsonBody(event), 'body'))) satisfies View<typeof views.amendment>,
  };
});
