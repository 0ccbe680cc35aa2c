import { amend } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { contractIdPath } from './paths';
import { amendmentBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { contractId } = parse(contractIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await amend(contractsTable, caller, contractId, parse(amendmentBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.contract
    >,
  };
});
