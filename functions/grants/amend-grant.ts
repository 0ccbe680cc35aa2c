import { amend } from '../../shared/grants/amendments';
import { grantsTable } from '../../shared/grants/aws';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { amendment, grantIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await amend(grantsTable, caller, grantId, parse(amendment, jsonBody(event), 'body')) };
});
