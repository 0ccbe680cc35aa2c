import { addProposal } from '../../shared/app/rounds';
import { checkCurrency } from '../../shared/domain/money';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { allocationRequest, roundIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  const { currency, ...request } = parse(allocationRequest, jsonBody(event), 'body');
  checkCurrency('body.currency', currency, 'GBP');
  return { status: 201, body: await addProposal(deps, caller, roundId, request) };
});
