import type { Child } from 'hono/jsx';
import type { PaymentState } from '../../shared/contracts/payments';
import { dayInWords, pounds } from '../../shared/platform/format';
import { regimeNames } from '../../shared/tenders/regime';
import { ActionForm } from '../lib/web/form-page';
import { Button, Tag } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { figures, Table } from '../lib/web/table';
import { DateInput } from './date-input';
import { contractHref } from './hrefs';
import type { ContractPageView, SectionProps } from './page-types';
import { invoiceFields, paidFields } from './payment-actions';

type PaymentView = ContractPageView['payments'][number];

const stateColour: Record<PaymentState, 'grey' | 'blue' | 'red' | 'green' | 'orange'> = {
  'awaiting-invoice': 'grey',
  'awaiting-payment': 'blue',
  overdue: 'red',
  'paid-on-time': 'green',
  'paid-late': 'orange',
};

/** The regime in words, with what it means for the payment notices; old contracts say so plainly. */
export function regimeWords(regime: ContractPageView['regime']): string {
  if (!regime) return 'Not stated (recorded before grantloop kept it): left out of the s.70 list and UK8 figures';
  return regime === 'below-threshold'
    ? `${regimeNames[regime]}: not a public contract; the 30-day term still applies (s.88)`
    : `${regimeNames[regime]}: a public contract (payments over £30,000 published, s.70; UK8 notices, s.69)`;
}

/** The schedule with each payment's invoice, its last day to pay (s.68(2)), when it was paid and its status in words. */
export function Payments(p: SectionProps) {
  const { view } = p;
  if (!view.payments.length) return <p class="govuk-body">No payment schedule. A schedule is set when the contract is registered.</p>;
  const mayRecord = p.mayAct && view.status !== 'cancelled';
  return (
    <>
      <h2 class="govuk-heading-m">Payments</h2>
      <p class="govuk-body">
        Each payment is due within 30 days beginning with the day its invoice is received, or a later day the invoice gives (section 68 of
        the Procurement Act 2023; section 88 below threshold).
      </p>
      <Table
        columns={['Payment', ...figures('Amount'), 'Scheduled for', 'Invoice received', 'Pay by', 'Paid', 'Status']}
        rows={view.payments.map((x) => [
          x.id,
          pounds(x.amount),
          dayInWords(x.dueDate),
          x.invoice ? dayInWords(x.invoice.receivedOn) : 'Not yet',
          x.invoice ? dayInWords(x.invoice.payBy) : '',
          x.paid ? dayInWords(x.paid.paidOn) : 'Not yet',
          <Tag colour={stateColour[x.status.state]}>{x.status.label}</Tag>,
        ])}
      />
      {mayRecord &&
        view.payments.map((x) => (x.invoice ? !x.paid && <RecordPaid {...p} payment={x} /> : <RecordInvoice {...p} payment={x} />))}
    </>
  );
}

/** A payment's form; its id (`paid-P1`) is what a refusal about the payment as a whole links to (payment-actions.ts). */
function PaymentForm(p: SectionProps & { payment: PaymentView; action: string; heading: string; children: Child }) {
  return (
    <ActionForm action={p.action} csrf={p.csrf} to={contractHref(p.view.id, 'payments')} id={`${p.action}-${p.payment.id}`}>
      <input type="hidden" name="payment" value={p.payment.id} />
      <h3 class="govuk-heading-s">{p.heading}</h3>
      {p.children}
    </ActionForm>
  );
}

function RecordInvoice(p: SectionProps & { payment: PaymentView }) {
  const { payment } = p;
  const f = invoiceFields(payment.id);
  const field = inputsFor(p.typed, p.errors);
  return (
    <PaymentForm {...p} action="invoice" heading={`Invoice for ${payment.id} (${pounds(payment.amount)})`}>
      <field.Day name={f.receivedOn.name} legend={f.receivedOn.label} hint="For example, 5 12 2026" />
      <field.Day
        name={f.fallsDueOn.name}
        legend={`${f.fallsDueOn.label} (optional)`}
        hint="Only if the invoice gives a day later than the day it was received: the 30 days then begin with that day"
      />
      <Button>Record the invoice</Button>
    </PaymentForm>
  );
}

function RecordPaid(p: SectionProps & { payment: PaymentView }) {
  const { payment } = p;
  const { paidOn } = paidFields(payment.id);
  const payBy = payment.invoice ? `, to pay by ${dayInWords(payment.invoice.payBy)}` : '';
  return (
    <PaymentForm {...p} action="paid" heading={`Payment ${payment.id} (${pounds(payment.amount)})${payBy}`}>
      <DateInput
        name={paidOn.name}
        legend={paidOn.label}
        hint="The day the money reached the supplier, for example 2 1 2027"
        typed={p.typed}
        errors={p.errors}
      />
      <Button>Record the payment</Button>
    </PaymentForm>
  );
}
