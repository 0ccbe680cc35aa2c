import { oneDecimal, plural, pounds, timeInWords } from '../../shared/platform/format';
import { Button, Select, Textarea, TextInput } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { figures, Link, Table } from '../lib/web/table';
import type { TenderPageView } from './tender-page-view';
import { ActionForm, type SectionProps } from './tender-parts';

type Panel = NonNullable<TenderPageView['panel']>;
type LotBids = Panel['lots'][number];

/**
 * The bids page: how many bids arrived for each lot (nothing before the deadline), then the
 * evaluation, for the panel and the lead only: each bid's answers with the scorer's own form (or
 * a conflict declared instead), the ranking so far, and the lead's moderation and completion forms.
 */
export function BidsSection(p: SectionProps) {
  const { view } = p;
  return (
    <>
      <h2 class="govuk-heading-m">Bids</h2>
      {view.bids.sealed ? (
        <p class="govuk-body">
          Sealed until {timeInWords(view.bids.opensAt)}. Nobody can see the bids, or how many there are, before then.
        </p>
      ) : (
        <Table
          caption={`${plural(view.bids.received, 'provider')} bid`}
          columns={['Lot', ...figures('Bids')]}
          rows={view.lots.map((l) => [l.title, String(view.bids.sealed ? 0 : (view.bids.byLot[l.id] ?? 0))])}
        />
      )}
      <EvaluationSection {...p} />
    </>
  );
}

function EvaluationSection(p: SectionProps) {
  const panel = p.view.panel;
  if (!panel) return null;
  const evaluating = p.view.may.evaluate;
  return (
    <>
      <h2 class="govuk-heading-m">Evaluation</h2>
      {panel.lots.map((l) => (
        <>
          <h3 class="govuk-heading-s">{l.lot.title}</h3>
          <Ranking lot={l} view={p.view} />
          {panel.onPanel && evaluating && l.bids.map((b) => <BidCard {...p} bid={b} />)}
        </>
      ))}
      {panel.moderator && evaluating && <Moderation {...p} panel={panel} />}
    </>
  );
}

function Ranking({ lot, view }: { lot: LotBids; view: TenderPageView }) {
  if (!lot.bids.length) return <p class="govuk-body">No bids for this lot.</p>;
  const quality = view.criteria.filter((c) => c.kind === 'quality');
  return (
    <Table
      caption="Ranking so far (quality averaged over scorers without a conflict; price scored against the lowest)"
      columns={[
        { label: 'Rank', numeric: true },
        { label: 'Provider' },
        { label: 'Price', numeric: true },
        ...quality.map((c) => ({ label: `${c.title} (${c.weight}%)`, numeric: true })),
        { label: 'Total', numeric: true },
      ]}
      rows={lot.ranking.map((r) => {
        const bid = lot.bids.find((b) => b.bidId === r.bidId);
        return [
          String(r.rank),
          bid?.orgName ?? r.bidId,
          pounds(bid?.price ?? 0),
          ...quality.map((c) => {
            const x = r.perCriterion[c.id];
            return x ? `${oneDecimal(x.score)}${x.moderated ? ' (moderated)' : ` (${plural(x.scorers, 'scorer')})`}` : '–';
          }),
          `${oneDecimal(r.total)}${r.tieBrokenBy ? ` (tie broken by ${r.tieBrokenBy})` : ''}`,
        ];
      })}
    />
  );
}

function BidCard(p: SectionProps & { bid: LotBids['bids'][number] }) {
  const { bid, view } = p;
  const quality = view.criteria.filter((c) => c.kind === 'quality');
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body">
        <strong>{bid.orgName}</strong>: {pounds(bid.price)}, sent {timeInWords(bid.submittedAt)}
      </p>
      <dl class="govuk-summary-list">
        {quality.map((c) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{c.title}</dt>
            <dd class="govuk-summary-list__value">{bid.answers[c.id] ?? ''}</dd>
          </div>
        ))}
      </dl>
      {bid.documents.map((d) => (
        <p class="govuk-body">
          <Link href={d.url}>{d.title}</Link>
        </p>
      ))}
      {bid.conflicted ? (
        <p class="govuk-body">You declared a conflict of interest in this bid: your scores for it do not count.</p>
      ) : (
        <>
          <ActionForm view={view} csrf={p.csrf} action="score" tab="bids" id={`score-${bid.bidId}`}>
            <input type="hidden" name="bid" value={bid.bidId} />
            {quality.map((c) => {
              const name = `score-${bid.bidId}-${c.id}`;
              const why = `reason-${bid.bidId}-${c.id}`;
              const mine = bid.myScores[c.id];
              return (
                <>
                  <TextInput
                    name={name}
                    label={`${c.title}: your score (0 to 100)`}
                    width="3"
                    inputmode="numeric"
                    value={p.typed[name] ?? (mine === undefined ? '' : String(mine.score))}
                    errors={p.errors}
                  />
                  <Textarea
                    name={why}
                    label={`${c.title}: why you gave this score`}
                    hint="The bidder is sent the panel's reasons in its assessment summary. At most 5,000 characters."
                    value={p.typed[why] ?? mine?.reason ?? ''}
                    rows={3}
                    errors={p.errors}
                  />
                </>
              );
            })}
            <Button secondary>Save my scores for {bid.orgName}</Button>
          </ActionForm>
          <ActionForm view={view} csrf={p.csrf} action="conflict" tab="bids" id={`conflict-${bid.bidId}`}>
            <input type="hidden" name="bid" value={bid.bidId} />
            <Button secondary>Declare a conflict of interest in this bid</Button>
          </ActionForm>
        </>
      )}
    </div>
  );
}

function Moderation(p: SectionProps & { panel: Panel }) {
  const { view, panel } = p;
  const field = inputsFor(p.typed, p.errors);
  const bids = panel.lots.flatMap((l) => l.bids.map((b) => ({ value: b.bidId, label: `${l.lot.title}: ${b.orgName}` })));
  const quality = view.criteria.filter((c) => c.kind === 'quality').map((c) => ({ value: c.id, label: c.title }));
  return (
    <>
      <h3 class="govuk-heading-s">Moderation</h3>
      <ActionForm view={view} csrf={p.csrf} action="moderate" tab="bids">
        <Select name="mod-bid" label="Bid" options={[{ value: '', label: 'Select a bid' }, ...bids]} value={p.typed['mod-bid']} />
        <Select name="mod-criterion" label="Criterion" options={quality} value={p.typed['mod-criterion']} />
        <field.Whole name="mod-score" label="Moderated score (0 to 100)" width="3" />
        <field.Area name="mod-reason" label="Why the panel moderated it" rows={3} />
        <Button secondary>Record the moderated score</Button>
      </ActionForm>
      <ActionForm view={view} csrf={p.csrf} action="complete-evaluation" tab="bids">
        <p class="govuk-body">
          Completing evaluation fixes each lot's ranking, recommends its best bid, and asks the funders to approve the award.
        </p>
        <Button>Complete evaluation</Button>
      </ActionForm>
    </>
  );
}
