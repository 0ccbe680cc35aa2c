import { invoiceReceived } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { paymentPath } from './paths';
import { invoiceBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: paymentPath, body: invoiceBody },
  async (caller, { contractId, paymentId }, input) =>
    (await invoiceReceived(contractsTable, caller, contractId, paymentId, input)) satisfies View<typeof views.contract>,
);
