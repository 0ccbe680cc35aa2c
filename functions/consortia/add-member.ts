import { consortiaTable } from '../../shared/consortia/aws';
import { addMember } from '../../shared/consortia/organisations';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { newMember, orgIdPath } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const input = parse(newMember, jsonBody(event), 'body');
  return { status: 201, body: (await addMember(consortiaTable, caller, orgId, input)) satisfies View<typeof views.memberAdded> };
});
