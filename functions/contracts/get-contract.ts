import { contractsTable } from '../../shared/contracts/aws';
import { contractView } from '../../shared/contracts/views';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { contractIdPath } from './paths';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { contractId } = parse(contractIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await contractView(contractsTable, caller, contractId)) satisfies View<typeof views.contractView> };
});
