import { checkCurrency } from '../../shared/platform/money';
import { poolsTable } from '../../shared/pools/aws';
import { addProposal } from '../../shared/pools/rounds';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { proposalRequest, roundIdPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: roundIdPath, body: proposalRequest, status: 201 },
  async (caller, { roundId }, { currency, ...request }) => {
    checkCurrency('body.currency', currency, 'GBP');
    return (await addProposal(poolsTable, caller, roundId, request)) satisfies View<typeof views.proposal>;
  },
);
