import { changeStatus } from '../../shared/grants/amendments';
import { grantsTable } from '../../shared/grants/aws';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { grantIdPath, grantStatusChange } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { body: await changeStatus(grantsTable, caller, grantId, parse(grantStatusChange, jsonBody(event), 'body')) };
});
