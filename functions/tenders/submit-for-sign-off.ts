import { tendersTable } from '../../shared/tenders/aws';
import { submitForSignOff } from '../../shared/tenders/sign-off';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { tenderIdPath } from './paths';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return { body: await submitForSignOff(tendersTable, caller, tenderId) };
});
