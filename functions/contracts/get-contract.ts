import { contractsTable } from '../../shared/contracts/aws';
import { contractView } from '../../shared/contracts/views';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { contractIdPath } from './paths';

export const handler = staffRoute(async (event, caller) => {
  const { contractId } = parse(contractIdPath, event.pathParameters ?? {}, 'path');
  return { body: await contractView(contractsTable, caller, contractId) };
});
