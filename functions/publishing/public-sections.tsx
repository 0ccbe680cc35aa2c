import type { Child } from 'hono/jsx';
import { dayInWords, percent, plural, pounds, timeInWords } from '../../shared/platform/format';
import type { PublicView, RoundDecision, RoundOutcome, RoundRate, TenderDecision, TenderStage } from '../../shared/publishing/public-view';
import { figures, Table, TableOrNone } from '../lib/web/table';

/**
 * The public page's timetable, success rates and decisions. The view holds a part only where
 * the lead shows it; `view.pools` and `view.tenders` say whether grants and tenders are shown,
 * so a page without tenders never so much as mentions them.
 */

export const stageWords: Record<TenderStage, string> = {
  coming: 'Coming soon',
  open: 'Open for bids',
  closed: 'Closed for bids',
  evaluation: 'Bids being evaluated',
  'award-decision': 'Award being decided',
  standstill: 'Standstill period before the contract',
  awarded: 'Awarded',
  unsuccessful: 'Ended without an award',
  cancelled: 'Cancelled',
};

const roundOutcomeWords: Record<RoundOutcome, string> = {
  funded: 'Approved by the funders and funded',
  approved: 'Approved by the funders',
  rejected: 'Rejected by the funders',
  expired: 'Closed without a decision',
};

const tenderOutcomeWords: Record<TenderDecision['outcome'], string> = {
  awarded: 'Awarded',
  'partly-decided': 'Some lots awarded; the others are still being decided',
  unsuccessful: 'Ended without an award',
  cancelled: 'Cancelled',
};

/** A part of the page: its heading, and a landmark named by it. */
export function Section({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={id}>
      <h2 class="govuk-heading-l" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A heading over a list of records, or the sentence saying there are none. */
export function Part({ heading, none, items }: { heading: string; none: string; items: Child[] }) {
  return (
    <>
      <h3 class="govuk-heading-m">{heading}</h3>
      {items.length ? items : <p class="govuk-body">{none}</p>}
    </>
  );
}

const on = (iso: string | undefined) => (iso ? dayInWords(iso) : '');

export function Timetable({ view }: { view: PublicView }) {
  const t = view.timetable;
  const grants = view.pools !== undefined;
  const tenders = view.tenders !== undefined;
  if (!grants && !tenders) return null;
  return (
    <Section id="timetable" title="Timetable">
      {grants && (
        <>
          <TableOrNone
            caption="Funding rounds open for proposals"
            none="No funding round is open for proposals."
            columns={['Round', 'Pool', 'Opened']}
            rows={t.roundsOpen.map((r) => [r.name, r.pool, on(r.openedAt)])}
          />
          {t.roundsDeciding.length > 0 && (
            <Table
              caption="Funding rounds being decided"
              columns={['Round', 'Pool', 'Closed to proposals']}
              rows={t.roundsDeciding.map((r) => [r.name, r.pool, on(r.closedAt)])}
            />
          )}
        </>
      )}
      {tenders && (
        <>
          <TableOrNone
            caption="Tenders open for bids"
            none="No tender is open for bids."
            columns={['Tender', 'Questions by', 'Bids by']}
            rows={t.tendersOpen.map((x) => [x.title, timeInWords(x.dates.clarificationDeadline), timeInWords(x.dates.submissionDeadline)])}
          />
          {t.tendersComing.length > 0 && (
            <Table
              caption="Tenders coming soon"
              columns={['Tender', 'Bids expected by', 'Award expected']}
              rows={t.tendersComing.map((x) => [x.title, timeInWords(x.dates.submissionDeadline), on(x.dates.awardDecision)])}
            />
          )}
        </>
      )}
    </Section>
  );
}

/** Each decided round: proposals received and funded, and the share funded (none received is said, not 0%). */
const RoundRates = ({ rates }: { rates: RoundRate[] }) => (
  <TableOrNone
    caption="Funding rounds"
    none="No funding round has been decided yet."
    columns={['Round', 'Pool', ...figures('Proposals received', 'Proposals funded', 'Success rate', 'Amount funded')]}
    rows={rates.map((r) => [
      r.name,
      r.pool,
      String(r.received),
      String(r.funded),
      r.percentFunded === null ? 'None received' : percent(r.percentFunded),
      pounds(r.awarded),
    ])}
  />
);

export function SuccessRates({ view, rates }: { view: PublicView; rates: NonNullable<PublicView['successRates']> }) {
  return (
    <Section id="success-rates" title="Success rates">
      {view.pools && <RoundRates rates={rates.rounds} />}
      {view.tenders && (
        <>
          <p class="govuk-body">Bids are counted only once a tender's deadline for bids has passed.</p>
          <TableOrNone
            caption="Tenders"
            none="No tender has reached its deadline for bids yet."
            columns={['Tender', ...figures('Providers interested', 'Bids received', 'Lots', 'Lots awarded')]}
            rows={rates.tenders.map((x) => [x.title, String(x.interests), String(x.bids), String(x.lots.length), String(x.lotsAwarded)])}
          />
        </>
      )}
    </Section>
  );
}

function RoundDecisionView({ d }: { d: RoundDecision }) {
  return (
    <>
      <h4 class="govuk-heading-s">{d.name}</h4>
      <p class="govuk-body">
        {roundOutcomeWords[d.outcome]}
        {d.decidedAt ? ` on ${dayInWords(d.decidedAt)}` : ''}. {plural(d.funded.length, 'proposal')} funded
        {d.notFunded > 0 ? `, ${plural(d.notFunded, 'proposal')} not funded` : ''}.
      </p>
      {d.funded.length > 0 && (
        <Table
          caption={`Proposals funded in ${d.name}`}
          captionSize="s"
          columns={['Proposal', 'Recipient', ...figures('Amount')]}
          rows={d.funded.map((p) => [p.title, p.recipient, pounds(p.amount)])}
        />
      )}
    </>
  );
}

function TenderDecisionView({ d }: { d: TenderDecision }) {
  return (
    <>
      <h4 class="govuk-heading-s">{d.title}</h4>
      <p class="govuk-body">
        {tenderOutcomeWords[d.outcome]}
        {d.decidedAt ? ` on ${dayInWords(d.decidedAt)}` : ''}
        {d.reason ? `: ${d.reason.replace(/\.$/, '')}` : ''}.
      </p>
      <Table
        caption={`Outcome of each lot of ${d.title}`}
        captionSize="s"
        columns={['Lot', 'Outcome', 'Awarded to', ...figures('Contract value')]}
        rows={d.lots.map((l) => [
          l.title,
          l.outcome === 'awarded'
            ? `Awarded${l.awardedAt ? ` on ${dayInWords(l.awardedAt)}` : ''}`
            : `${l.outcome === 'pending' ? 'Being decided' : 'Not awarded'}${l.reason ? `: ${l.reason}` : ''}`,
          l.winner ?? '',
          l.value === undefined ? '' : pounds(l.value),
        ])}
      />
    </>
  );
}

export function Decisions({ view, decisions }: { view: PublicView; decisions: NonNullable<PublicView['decisions']> }) {
  return (
    <Section id="decisions" title="Decisions">
      {view.pools && (
        <Part
          heading="Funding rounds"
          none="No funding round has been decided yet."
          items={decisions.rounds.map((d) => <RoundDecisionView d={d} />)}
        />
      )}
      {view.tenders && (
        <Part heading="Tenders" none="No tender has been decided yet." items={decisions.tenders.map((d) => <TenderDecisionView d={d} />)} />
      )}
    </Section>
  );
}
