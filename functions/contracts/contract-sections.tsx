import { kpiRatings } from '../../shared/contracts/contract';
import { dateTime, dayMonthYear, humanise } from '../lib/web/format';
import { Button, Csrf, type FieldError, Radios, Table, Textarea, TextInput } from '../lib/web/govuk';
import type { ContractPageView } from './contract-page';
import { FeedAddress, RagTag } from './contract-parts';

export interface SectionProps {
  view: ContractPageView;
  csrf: string;
  errors: FieldError[];
  typed: Record<string, string>;
  mayAct: boolean;
}

type Child = Parameters<typeof Button>[0]['children'];

function ActionForm(p: { view: ContractPageView; csrf: string; action: string; children: Child }) {
  return (
    <form method="post" action={`/app/contracts/${encodeURIComponent(p.view.id)}`} novalidate>
      <Csrf token={p.csrf} />
      <input type="hidden" name="action" value={p.action} />
      {p.children}
    </form>
  );
}

const statusWords = { scheduled: 'Scheduled', met: 'Met', partiallyMet: 'Partly met', notMet: 'Not met' } as const;

export function Milestones(p: SectionProps) {
  const { view } = p;
  return (
    <>
      <h2 class="govuk-heading-m">Milestones</h2>
      <Table
        columns={[{ label: 'Milestone' }, { label: 'Due' }, { label: 'Status' }, { label: 'RAG' }, { label: 'Evidence' }]}
        rows={view.milestones.map((m) => [
          `${m.id}: ${m.title} (${m.type})`,
          dayMonthYear(m.dueDate),
          `${statusWords[m.status]}${m.dateMet ? `, ${dayMonthYear(m.dateMet)}` : ''}`,
          <RagTag rag={m.rag} />,
          m.evidence ? (
            <>
              {m.evidence.text}{' '}
              {m.evidence.url && (
                <a class="govuk-link" href={m.evidence.url}>
                  (link)
                </a>
              )}{' '}
              <span class="govuk-body-s">sent {dateTime(m.evidence.submittedAt)}</span>
            </>
          ) : (
            'None yet'
          ),
        ])}
      />
      {p.mayAct &&
        view.status !== 'cancelled' &&
        view.status !== 'terminated' &&
        view.milestones.filter((m) => m.status !== 'met').map((m) => <Decide {...p} m={m} />)}
    </>
  );
}

function Decide(p: SectionProps & { m: ContractPageView['milestones'][number] }) {
  const { m } = p;
  return (
    <ActionForm view={p.view} csrf={p.csrf} action="decide">
      <input type="hidden" name="milestone" value={m.id} />
      <Radios
        name={`status-${m.id}`}
        legend={`Decide ${m.id}: ${m.title}`}
        hint={`Due ${dayMonthYear(m.dueDate)}. ${m.deliverable} Evidence asked for: ${m.evidenceRequested}`}
        value={p.typed[`status-${m.id}`]}
        errors={p.errors}
        options={[
          { value: 'met', label: 'Met' },
          { value: 'partiallyMet', label: 'Partly met' },
          { value: 'notMet', label: 'Not met' },
        ].filter((o) => o.value !== m.status)}
      />
      <TextInput
        name={`dateMet-${m.id}`}
        label="Date met (YYYY-MM-DD; blank: the evidence's date)"
        value={p.typed[`dateMet-${m.id}`]}
        width="10"
        errors={p.errors}
      />
      <Textarea name={`reason-${m.id}`} label="Why (needed unless met)" value={p.typed[`reason-${m.id}`]} rows={2} errors={p.errors} />
      <Button>Record the decision</Button>
    </ActionForm>
  );
}

const ratingWords: Record<(typeof kpiRatings)[number], string> = {
  good: 'Good',
  'approaching-target': 'Approaching target',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
  other: 'Other',
};

export function Kpis(p: SectionProps) {
  if (!p.view.kpis.length) return null;
  return (
    <>
      <h2 class="govuk-heading-m">KPIs</h2>
      {p.view.kpis.map((k) => (
        <>
          <Table
            caption={`${k.name} (target: ${k.target})`}
            columns={[{ label: 'Period' }, { label: 'Rating' }, { label: 'Note' }]}
            rows={k.ratings.map((r) => [
              `${dayMonthYear(r.period.startDate)} to ${dayMonthYear(r.period.endDate)}`,
              ratingWords[r.rating],
              r.reason ?? '',
            ])}
          />
          {p.mayAct && (
            <ActionForm view={p.view} csrf={p.csrf} action="rate">
              <input type="hidden" name="kpi" value={k.id} />
              <TextInput
                name={`start-${k.id}`}
                label="Period from (YYYY-MM-DD)"
                value={p.typed[`start-${k.id}`]}
                width="10"
                errors={p.errors}
              />
              <TextInput name={`end-${k.id}`} label="Period to (YYYY-MM-DD)" value={p.typed[`end-${k.id}`]} width="10" errors={p.errors} />
              <Radios
                name={`rating-${k.id}`}
                legend={`Rate ${k.name}`}
                value={p.typed[`rating-${k.id}`]}
                errors={p.errors}
                options={kpiRatings.map((r) => ({ value: r, label: ratingWords[r] }))}
              />
              <Textarea
                name={`reason-${k.id}`}
                label="Note (needed for Other)"
                value={p.typed[`reason-${k.id}`]}
                rows={2}
                errors={p.errors}
              />
              <Button>Record the rating</Button>
            </ActionForm>
          )}
        </>
      ))}
    </>
  );
}

export function Amendments({ view }: { view: ContractPageView }) {
  return (
    <>
      <h2 class="govuk-heading-m">Amendments</h2>
      {view.amendments.length ? (
        <Table
          columns={[{ label: 'When' }, { label: 'What changed' }, { label: 'Why' }, { label: 'Change notice (UK10)' }]}
          rows={view.amendments.map((a) => [
            dateTime(a.at),
            a.changes.map((c) => `${humanise(c.field)}: ${c.from || '(none)'} → ${c.to}`).join('; '),
            a.why,
            // s.75: above threshold, a change of more than 10% of the value or term as awarded is published first.
            a.notice ? `Published ${dateTime(a.notice.publishedAt)}` : 'Not required',
          ])}
        />
      ) : (
        <p class="govuk-body">None. Amendments are made through the API (POST /contracts/{view.id}/amendments) and kept here as history.</p>
      )}
    </>
  );
}

export function Feed(p: SectionProps & { feed: { exists: boolean; createdAt?: string }; feedUrl: string | undefined }) {
  return (
    <>
      <h2 class="govuk-heading-m">Calendar feed</h2>
      <p class="govuk-body">This contract's milestones, for Outlook or Google Calendar.</p>
      <FeedAddress
        action={`/app/contracts/${encodeURIComponent(p.view.id)}`}
        csrf={p.csrf}
        feed={p.feed}
        feedUrl={p.feedUrl}
        mayAct={p.mayAct}
      />
    </>
  );
}
