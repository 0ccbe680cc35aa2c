import type { Caller } from '../consortia/caller';
import { csvOf } from '../platform/csv';
import { poundsDecimal } from '../platform/money';
import type { ContractRecords } from './contracts';
import { invoicedPayment } from './payment-notices';
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
          ...invoicedPayment(c, { ...p, invoice: p.invoice }),
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
  csvOf(
    view.rows.map((r) => ({ ...r, amount: poundsDecimal(r.amount) })),
    [
      'contractId',
      'contract',
      'contractStatus',
      'regime',
      'supplier',
      'supplierIdentifier',
      'paymentId',
      'amount',
      'receivedOn',
      'payBy',
      'paidOn',
      'status',
      'daysLate',
    ],
    { amount: 'amount_gbp', receivedOn: 'invoice_received', paidOn: 'paid' },
  );
