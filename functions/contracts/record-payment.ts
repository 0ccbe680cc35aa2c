import { paymentMade } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { paymentPath } from './paths';
import { paidBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { contractId, paymentId } = parse(paymentPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await paymentMade(contractsTable, caller, contractId, paymentId, parse(paidBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.contract
    >,
  };
});
