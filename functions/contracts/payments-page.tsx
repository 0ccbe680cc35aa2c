import { contractsTable } from '../../shared/contracts/aws';
import { paymentNotices } from '../../shared/contracts/payment-publication';
import { latePayments, latePaymentsCsv } from '../../shared/contracts/payment-reports';
import { dayInWords, pounds } from '../../shared/platform/format';
import { reportingPeriodOf } from '../../shared/tenders/statutory-periods';
import type { Page } from '../consortia/web-sessions';
import { Button, Select, SummaryList, Tag } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { csvFile } from '../lib/web/page-route';
import { figures, Table, TableOrNone } from '../lib/web/table';
import { noticesQuery } from './paths';

type Notices = Awaited<ReturnType<typeof paymentNotices>>;
type Late = Awaited<ReturnType<typeof latePayments>>;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const span = (p: { first: string; last: string }) => `${dayInWords(p.first)} to ${dayInWords(p.last)}`;
const share = (x: { count: number; percent: number | null }) => (x.percent === null ? 'none' : `${x.count} (${x.percent}%)`);

/** A council's payments: the late ones (CSV), payments over £30,000 by quarter (s.70), and a UK8 notice's figures (s.69). */
export const paymentsPage: Page = async ({ caller, params, query }) => {
  const orgId = params.orgId ?? '';
  if (query.download === 'late-payments') {
    const late = await latePayments(contractsTable, caller, orgId);
    return csvFile(`late-payments-${orgId}.csv`, latePaymentsCsv(late));
  }
  // Read with the API's own query schema. A period that is not a day of a reporting period shows
  // the default one, as the GET form offers only real ones.
  const asked = noticesQuery.safeParse(query).data?.period;
  const period = asked && reportingPeriodOf(asked) ? asked : undefined;
  const notices = await paymentNotices(contractsTable, caller, orgId, period);
  const late = await latePayments(contractsTable, caller, orgId);
  return {
    title: `Payments: ${notices.council.name}`,
    section: 'contracts',
    crumbs: [
      { href: '/app', label: 'What needs me' },
      { href: `/app/councils/${orgId}/contracts`, label: `${notices.council.name}: contracts` },
    ],
    body: (
      <>
        <span class="govuk-caption-l">{notices.council.name}</span>
        <h1 class="govuk-heading-l">Payments</h1>
        <LatePayments late={late} orgId={orgId} />
        <Significant notices={notices} />
        <Compliance notices={notices} orgId={orgId} />
      </>
    ),
  };
};

function LatePayments({ late, orgId }: { late: Late; orgId: string }) {
  return (
    <>
      <h2 class="govuk-heading-m">Late payments</h2>
      <p class="govuk-body">
        Paid after the last day of the 30 days beginning with the day the invoice was received (or a later day the invoice gave), or still
        unpaid after it.
      </p>
      <TableOrNone
        columns={['Contract', 'Payment', ...figures('Amount'), 'Invoice received', 'Pay by', 'Paid', 'Status']}
        rows={late.rows.map((r) => [
          <a class="govuk-link" href={`/app/contracts/${r.contractId}`}>
            {r.contract} ({r.supplier})
          </a>,
          r.paymentId,
          pounds(r.amount),
          dayInWords(r.receivedOn),
          dayInWords(r.payBy),
          r.paidOn ? dayInWords(r.paidOn) : 'Not yet',
          <Tag colour={r.status === 'overdue' ? 'red' : 'orange'}>
            {r.status === 'overdue' ? `Overdue by ${days(r.daysLate)}` : `Paid ${days(r.daysLate)} late`}
          </Tag>,
        ])}
        none="None: every invoice recorded was paid on time, or its 30 days have not ended."
      />
      <GoTo href={`/app/councils/${orgId}/payments?download=late-payments`}>Download the late payments (CSV)</GoTo>
    </>
  );
}

function NotHeld({ items }: { items: string[] }) {
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">What grantloop does not hold</span>
      </summary>
      <div class="govuk-details__text">
        <ul class="govuk-list govuk-list--bullet">
          {items.map((i) => (
            <li>{i}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}

function LeftOut({ leftOut }: { leftOut: { regimeNotStated: number; belowThreshold: number } }) {
  if (!leftOut.regimeNotStated && !leftOut.belowThreshold) return null;
  return (
    <p class="govuk-body">
      Left out: {leftOut.regimeNotStated} payment{leftOut.regimeNotStated === 1 ? '' : 's'} under contracts whose procurement regime is not
      stated (recorded before grantloop kept it), and {leftOut.belowThreshold} under below-threshold contracts, which are not public
      contracts.
    </p>
  );
}

function Significant({ notices }: { notices: Notices }) {
  const s = notices.significantPayments;
  return (
    <>
      <h2 class="govuk-heading-m">Payments over £30,000 to publish (section 70)</h2>
      <p class="govuk-body">
        Each payment of more than £30,000 made under a public contract is published before the end of 30 days beginning with the last day of
        the quarter it was made in. Quarters begin on 1 January, 1 April, 1 July and 1 October; the duty began on{' '}
        {dayInWords(s.inForceFrom)}.
      </p>
      {s.quarters.length ? (
        s.quarters.map((q) => (
          <Table
            caption={`${span(q)}: publish by ${dayInWords(q.publishBy)}${q.ended ? '' : ' (the quarter has not ended)'}`}
            columns={['Contract', 'Supplier', 'Payment', 'Paid', ...figures('Amount')]}
            rows={q.payments.map((r) => [
              r.contract,
              `${r.supplier}${r.supplierIdentifier ? ` (${r.supplierIdentifier})` : ''}`,
              r.paymentId,
              dayInWords(r.paidOn),
              pounds(r.amount),
            ])}
          />
        ))
      ) : (
        <p class="govuk-body">None yet.</p>
      )}
      <LeftOut leftOut={s.leftOut} />
      <NotHeld items={s.notHeld} />
    </>
  );
}

function Compliance({ notices, orgId }: { notices: Notices; orgId: string }) {
  const c = notices.paymentsCompliance;
  return (
    <>
      <h2 class="govuk-heading-m">Payments compliance notice (UK8, section 69)</h2>
      <p class="govuk-body">
        Published for each six-month reporting period (1 April to 30 September, 1 October to 31 March) in which a payment was made, or a sum
        became payable, under a public contract, before the end of 30 days beginning with the period's last day. Its content is set by
        regulation 38 of the Procurement Regulations 2024.
      </p>
      <form method="get" action={`/app/councils/${orgId}/payments`} class="grantloop-filters">
        <Select
          name="period"
          label="Reporting period"
          value={c?.period.first}
          options={notices.periods.map((p) => ({ value: p.first, label: span(p) }))}
        />
        <Button secondary>Show</Button>
      </form>
      {c ? <ComplianceFigures c={c} notices={notices} /> : <p class="govuk-body">The first reporting period began on 1 January 2026.</p>}
    </>
  );
}

function ComplianceFigures({ c, notices }: { c: NonNullable<Notices['paymentsCompliance']>; notices: Notices }) {
  const { bands } = c.paid;
  return (
    <>
      <SummaryList
        rows={[
          ['Reporting period', span(c.period)],
          ['Publish by', `${dayInWords(c.period.publishBy)}${c.ended ? '' : ' (the period has not ended)'}`],
          ['A notice is needed', c.required ? 'Yes: a payment was made or a sum became payable' : 'No: nothing was paid or became payable'],
          ['Contracting authority', `${notices.council.name} (${notices.council.identifier}), ${notices.council.contactEmail}`],
          ['Payments made', String(c.paid.count)],
          [
            'Average days to pay (day 1 is the day after the invoice day)',
            c.paid.averageDays === null ? 'none paid' : String(c.paid.averageDays),
          ],
          ['Paid within 30 days', share(bands.upTo30)],
          ['Paid in 31 to 60 days', share(bands.from31To60)],
          ['Paid in 61 days or more', share(bands.from61)],
          ['Sums that became payable (their 30 days ended in the period)', String(c.becamePayable.count)],
          ['Of those, not paid within the period', share(c.becamePayable.notPaidInPeriod)],
          ['Paid after the 30-day term (section 68)', String(c.paid.lateUnderSection68)],
        ]}
      />
      <p class="govuk-body">
        The regulations count days from the day after the invoice day, so a payment on the 30th day after it is within 30 days here but one
        day late under section 68, whose 30 days begin with the invoice day. They do not define when a sum "became payable": grantloop takes
        the last day of its 30-day term.
      </p>
      <LeftOut leftOut={c.leftOut} />
      <NotHeld items={c.notHeld} />
    </>
  );
}
