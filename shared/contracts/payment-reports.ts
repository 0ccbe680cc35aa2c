import { stringify } from 'csv-stringify/sync';
import type { Caller } from '../consortia/caller';
import { poundsDecimal } from '../platform/money';
import type { ContractRecords } from './contracts';
import { councilPayments } from './payment-publication';
import { isLate, paymentStatus } from './payments';

/**
 * Every late payment of a council's contracts, one row each: paid after the last day of its
 * 30-day term (s.68(2); s.88 below threshold), or still unpaid after it (days late so far).
 */
export async function latePayments(deps: ContractRecords, caller: Caller, councilOrgId: string) {
  const { council, contracts, now, today } = await councilPayments(deps, caller, councilOrgId);
  const rows = contracts.flatMap((c) =>
    c.payments.flatMap((p) => {
      const status = paymentStatus(p, today);
      if (!isLate(status) || !p.invoice) return [];
      return [
        {
          contractId: c.id,
          contract: c.title,
          contractStatus: c.status,
          regime: c.regime ?? '',
          supplier: c.supplier.name,
          supplierIdentifier: c.supplier.identifier ?? '',
          paymentId: p.id,
          amount: p.amount,
          receivedOn: p.invoice.receivedOn,
          payBy: p.invoice.payBy,
          paidOn: p.paid?.paidOn ?? '',
          status: status.state,
          daysLate: status.daysLate,
        },
      ];
    }),
  );
  rows.sort((a, b) => b.daysLate - a.daysLate || a.payBy.localeCompare(b.payBy) || a.contract.localeCompare(b.contract));
  return { council: { id: council.id, name: council.name }, asOf: now.toISOString(), rows };
}

export const latePaymentsCsv = (view: Awaited<ReturnType<typeof latePayments>>) =>
  stringify(
    view.rows.map((r) => ({ ...r, amount: poundsDecimal(r.amount) })),
    {
      header: true,
      columns: [
        { key: 'contractId', header: 'contract_id' },
        { key: 'contract', header: 'contract' },
        { key: 'contractStatus', header: 'contract_status' },
        { key: 'regime', header: 'regime' },
        { key: 'supplier', header: 'supplier' },
        { key: 'supplierIdentifier', header: 'supplier_identifier' },
        { key: 'paymentId', header: 'payment_id' },
        { key: 'amount', header: 'amount_gbp' },
        { key: 'receivedOn', header: 'invoice_received' },
        { key: 'payBy', header: 'pay_by' },
        { key: 'paidOn', header: 'paid' },
        { key: 'status', header: 'status' },
        { key: 'daysLate', header: 'days_late' },
      ],
    },
  );
