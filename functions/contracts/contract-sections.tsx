import { kpiRatings } from '../../shared/contracts/contract';
import { dayInWords, humanise, pounds, timeInWords } from '../../shared/platform/format';
import { lengthHint } from '../lib/web/form';
import { ActionForm } from '../lib/web/form-page';
import { Button } from '../lib/web/govuk';
import { GoTo, inputsFor } from '../lib/web/inputs';
import { Table, TableOrNone } from '../lib/web/table';
import type { ContractPart } from './contract-actions';
import { decisionFields, ratingFields } from './contract-actions';
import { CalendarFeed, RagTag } from './contract-parts';
import { contractHref } from './hrefs';
import type { ContractPageView, SectionProps } from './page-types';
import { decisionBody, ratingBody } from './schemas';

type Child = Parameters<typeof Button>[0]['children'];

/** A form on the contract page; its id is what a refusal that is no one field's links to (contract-actions.ts). */
function PartForm(p: { view: ContractPageView; part: ContractPart; csrf: string; action: string; id: string; children: Child }) {
  return <ActionForm {...p} to={contractHref(p.view.id, p.part)} />;
}

const statusWords = { scheduled: 'Scheduled', met: 'Met', partiallyMet: 'Partly met', notMet: 'Not met' } as const;

type MilestoneView = ContractPageView['milestones'][number];

/** Beside a milestone not yet decided: email the supplier a new evidence link now (contract-actions.ts). */
function RequestEvidence(p: SectionProps & { m: MilestoneView }) {
  if (p.m.status !== 'scheduled') return '';
  return (
    <PartForm view={p.view} part="milestones" csrf={p.csrf} action="request-evidence" id={`request-${p.m.id}`}>
      <input type="hidden" name="milestone" value={p.m.id} />
      <Button secondary>
        Request evidence now<span class="govuk-visually-hidden"> for {p.m.id}</span>
      </Button>
    </PartForm>
  );
}

export function Milestones(p: SectionProps) {
  const { view } = p;
  const mayRequest = p.mayAct && view.status !== 'cancelled' && view.status !== 'terminated';
  return (
    <>
      <h2 class="govuk-heading-m">Milestones</h2>
      <AddMore {...p} />
      {!view.milestones.length && <p class="govuk-body">None yet. The supplier is alerted before each milestone is due.</p>}
      <Table
        columns={['Milestone', 'Due', 'Status', 'RAG', 'Evidence', ...(mayRequest ? [{ label: 'Ask the supplier' }] : [])]}
        rows={view.milestones.map((m) => [
          `${m.id}: ${m.title} (${m.type})`,
          dayInWords(m.dueDate),
          `${statusWords[m.status]}${m.dateMet ? `, ${dayInWords(m.dateMet)}` : ''}`,
          <RagTag rag={m.rag} />,
          m.evidence ? (
            <>
              {m.evidence.text}{' '}
              {m.evidence.url && (
                <a class="govuk-link" href={m.evidence.url}>
                  (link)
                </a>
              )}{' '}
              <span class="govuk-body-s">sent {timeInWords(m.evidence.submittedAt)}</span>
            </>
          ) : (
            'None yet'
          ),
          ...(mayRequest ? [<RequestEvidence {...p} m={m} />] : []),
        ])}
      />
      {p.mayAct &&
        view.status !== 'cancelled' &&
        view.status !== 'terminated' &&
        view.milestones.filter((m) => m.status !== 'met').map((m) => <Decide {...p} m={m} />)}
    </>
  );
}

function Decide(p: SectionProps & { m: MilestoneView }) {
  const { m } = p;
  const f = decisionFields(m.id);
  const field = inputsFor(p.typed, p.errors);
  return (
    <PartForm view={p.view} part="milestones" csrf={p.csrf} action="decide" id={`decide-${m.id}`}>
      <input type="hidden" name="milestone" value={m.id} />
      <field.Choice
        name={`status-${m.id}`}
        legend={`Decide ${m.id}: ${m.title}`}
        hint={`Due ${dayInWords(m.dueDate)}. ${m.deliverable} Evidence asked for: ${m.evidenceRequested}`}
        options={[
          { value: 'met', label: 'Met' },
          { value: 'partiallyMet', label: 'Partly met' },
          { value: 'notMet', label: 'Not met' },
        ].filter((o) => o.value !== m.status)}
      />
      <field.Day
        name={f.dateMet.name}
        legend={`${f.dateMet.label} (optional)`}
        hint="For example, 5 12 2026. Left blank, it is the day the evidence was sent, or today."
      />
      <field.Area name={f.reason.name} label={f.reason.label} hint={lengthHint(decisionBody.shape.reason)} rows={2} />
      <Button>Record the decision</Button>
    </PartForm>
  );
}

const ratingWords: Record<(typeof kpiRatings)[number], string> = {
  good: 'Good',
  'approaching-target': 'Approaching target',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
  other: 'Other',
};

/** Where a contract gets more milestones and KPIs (by amendment), for those who may amend it while it is open. */
function AddMore(p: SectionProps) {
  if (!p.mayAct || p.view.status === 'cancelled' || p.view.status === 'terminated') return null;
  return <GoTo href={`${contractHref(p.view.id, 'milestones')}/new`}>Add milestones and KPIs</GoTo>;
}

export function Kpis(p: SectionProps) {
  return (
    <>
      <h2 class="govuk-heading-m">KPIs</h2>
      <AddMore {...p} />
      {!p.view.kpis.length && <p class="govuk-body">None yet. Each KPI is rated every quarter here.</p>}
      {p.view.kpis.map((k) => (
        <>
          <Table
            caption={`${k.name} (target: ${k.target})`}
            columns={['Period', 'Rating', 'Note']}
            rows={k.ratings.map((r) => [
              `${dayInWords(r.period.startDate)} to ${dayInWords(r.period.endDate)}`,
              ratingWords[r.rating],
              r.reason ?? '',
            ])}
          />
          {p.mayAct && <Rate {...p} k={k} />}
        </>
      ))}
    </>
  );
}

function Rate(p: SectionProps & { k: ContractPageView['kpis'][number] }) {
  const { k } = p;
  const f = ratingFields(k.id);
  const field = inputsFor(p.typed, p.errors);
  const start = f['period.startDate'];
  const end = f['period.endDate'];
  return (
    <PartForm view={p.view} part="kpis" csrf={p.csrf} action="rate" id={`rate-${k.id}`}>
      <input type="hidden" name="kpi" value={k.id} />
      <field.Day name={start.name} legend={start.label} hint="The first day of the period rated, for example 1 4 2026" />
      <field.Day name={end.name} legend={end.label} hint="Its last day, for example 30 6 2026: a period is rated once it has ended" />
      <field.Choice name={f.rating.name} legend={`Rate ${k.name}`} options={kpiRatings.map((r) => ({ value: r, label: ratingWords[r] }))} />
      <field.Area name={f.reason.name} label={f.reason.label} hint={lengthHint(ratingBody.shape.reason)} rows={2} />
      <Button>Record the rating</Button>
    </PartForm>
  );
}

/**
 * One change of an amendment in words: the record keeps the API's values (pence, ISO dates, field
 * paths, as the UK10 data does); people read pounds, dates in words and what the field is.
 */
function changeWords(c: { field: string; from: string; to: string }): string {
  const words = (v: string) => (c.field === 'value' && v ? pounds(Number(v)) : v.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => dayInWords(d)));
  const [, kind, id, rest] = /^(milestones|kpis)\.([MK]\d+)(?:\.(\w+))?$/.exec(c.field) ?? [];
  const what = kind
    ? rest === 'dueDate'
      ? `${id} due date`
      : `${kind === 'kpis' ? 'KPI' : 'Milestone'} ${id} added`
    : c.field === 'period.endDate'
      ? 'End date'
      : humanise(c.field);
  return c.from ? `${what}: ${words(c.from)} → ${words(c.to)}` : `${what}: ${words(c.to)}`;
}

export function Amendments({ view }: { view: ContractPageView }) {
  return (
    <>
      <h2 class="govuk-heading-m">Amendments</h2>
      <TableOrNone
        columns={['When', 'What changed', 'Why', 'Change notice (UK10)']}
        rows={view.amendments.map((a) => [
          timeInWords(a.at),
          a.changes.map(changeWords).join('; '),
          a.why,
          // s.75: above threshold, a change of more than 10% of the value or term as awarded is published first.
          a.notice ? `Published ${timeInWords(a.notice.publishedAt)}` : 'Not required',
        ])}
        none="None. Amendments to the contract are kept here as its history."
      />
    </>
  );
}

export function Feed(p: SectionProps & { feed: { exists: boolean; createdAt?: string }; feedUrl: string | undefined }) {
  return <CalendarFeed holds="This contract's milestones, for Outlook or Google Calendar." action={contractHref(p.view.id, '')} {...p} />;
}
