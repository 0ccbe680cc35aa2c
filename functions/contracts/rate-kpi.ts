import { rate } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { kpiPath } from './paths';
import { ratingBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { contractId, kpiId } = parse(kpiPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await rate(contractsTable, caller, contractId, kpiId, parse(ratingBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.contract
    >,
  };
});
