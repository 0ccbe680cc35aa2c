import { checkCurrency } from '../../shared/platform/money';
import { poolsTable } from '../../shared/pools/aws';
import { addProposal } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { proposalRequest, roundIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  const { currency, ...request } = parse(proposalRequest, jsonBody(event), 'body');
  checkCurrency('body.currency', currency, 'GBP');
  return { status: 201, body: (await addProposal(poolsTable, caller, roundId, request)) satisfies View<typeof views.proposal> };
});
