import { grantsTable } from '../../shared/grants/aws';
import { decide } from '../../shared/grants/conditions';
import { grantPageView } from '../../shared/grants/views';
import { workflows } from '../../shared/platform/aws/workflows';
import { DomainError } from '../../shared/platform/errors';
import type { Page } from '../consortia/web-sessions';
import { dateTime, dayMonthYear, humanise, pounds, statusColour } from '../lib/web/format';
import {
  Breadcrumbs,
  Button,
  Csrf,
  ErrorSummary,
  type FieldError,
  Radios,
  SuccessBanner,
  SummaryList,
  Table,
  Tag,
  Textarea,
} from '../lib/web/govuk';

type View = Awaited<ReturnType<typeof grantPageView>>;
type Outcome = 'met' | 'waived' | 'not-met';
const outcomes: Outcome[] = ['met', 'waived', 'not-met'];

/** A grant: plan, conditions (with the lead's decide forms), tranches, reports, amendments and its audit trail. */
export const grantPage: Page = async ({ caller, params, method, form, query, csrf }) => {
  const grantId = params.grantId ?? '';
  if (method === 'POST') {
    const conditionId = form.condition ?? '';
    const outcome = form[`outcome-${conditionId}`] as Outcome;
    const reason = form[`reason-${conditionId}`];
    const errors: FieldError[] = outcomes.includes(outcome)
      ? []
      : [{ field: `outcome-${conditionId}`, message: 'Select met, waived or not met' }];
    if (!errors.length) {
      try {
        await decide({ ...grantsTable, workflows }, caller, grantId, conditionId, { outcome, reason });
        return { redirect: `/app/grants/${encodeURIComponent(grantId)}?done=${outcome}` };
      } catch (error) {
        if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
        errors.push(
          ...(error.issues ?? []).map((i) => ({
            field: `${i.field}-${conditionId}`,
            message: `Give a reason: ${i.message.replace(/^\w+: /, '')}`,
          })),
        );
      }
    }
    const view = await grantPageView(grantsTable, caller, grantId);
    const typed = { conditionId, outcome, reason };
    return { title: `Error: ${view.title}`, status: 400, body: <GrantView view={view} csrf={csrf} errors={errors} typed={typed} /> };
  }
  const view = await grantPageView(grantsTable, caller, grantId);
  const banner = outcomes.includes(query.done as Outcome) ? `Condition decided: ${humanise(query.done as string)}.` : undefined;
  return { title: view.title, body: <GrantView view={view} csrf={csrf} errors={[]} banner={banner} /> };
};

interface Typed {
  conditionId: string;
  outcome?: string | undefined;
  reason?: string | undefined;
}

function GrantView({
  view,
  csrf,
  errors,
  typed,
  banner,
}: {
  view: View;
  csrf: string;
  errors: FieldError[];
  typed?: Typed;
  banner?: string | undefined;
}) {
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/app', label: 'What needs me' },
          { href: `/app/consortia/${view.consortium.id}`, label: view.consortium.name },
        ]}
      />
      {banner && <SuccessBanner heading={banner} />}
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{view.recipient.name}</span>
      <h1 class="govuk-heading-l">{view.title}</h1>
      <SummaryList
        rows={[
          ['Amount', pounds(view.amount)],
          ['Funding', humanise(view.fundingType)],
          ['Dates', `${dayMonthYear(view.plannedStart)} to ${dayMonthYear(view.plannedEnd)} (${view.durationMonths} months)`],
          ['Status', humanise(view.status)],
          ['Funded by', view.funders.map((f) => `${f.name}: ${pounds(f.amount)}`).join('; ')],
        ]}
      />
      <h2 class="govuk-heading-m">Tranches</h2>
      <Table
        columns={[{ label: 'Tranche' }, { label: 'Due' }, { label: 'Amount', numeric: true }, { label: 'Status' }]}
        rows={view.tranches.map((t) => [
          String(t.seq),
          dayMonthYear(t.dueDate),
          pounds(t.amount),
          <>
            <Tag colour={statusColour[t.status]}>{humanise(t.status)}</Tag>
            {t.releasedAt ? ` ${dayMonthYear(t.releasedAt)}` : ''}
          </>,
        ])}
      />
      <h2 class="govuk-heading-m">Conditions</h2>
      {view.conditions.length === 0 && <p class="govuk-body">This grant has no conditions.</p>}
      {view.conditions.map((c) => (
        <ConditionBlock view={view} condition={c} csrf={csrf} errors={errors} typed={typed?.conditionId === c.id ? typed : undefined} />
      ))}
      <h2 class="govuk-heading-m">Reports</h2>
      <Table
        columns={[{ label: 'Report' }, { label: 'Due' }, { label: 'Status' }]}
        rows={view.reports.map((r) => [
          <a class="govuk-link" href={`/app/reports/${r.id}`}>
            {r.label}
          </a>,
          dayMonthYear(r.dueDate),
          <Tag colour={statusColour[r.status]}>{humanise(r.status)}</Tag>,
        ])}
      />
      <h2 class="govuk-heading-m">Amendments</h2>
      {view.amendments.length === 0 ? (
        <p class="govuk-body">No amendments.</p>
      ) : (
        <Table
          columns={[{ label: 'When' }, { label: 'What' }, { label: 'Reason' }]}
          rows={view.amendments.map((a) => [dateTime(a.at), humanise(a.kind), a.reason])}
        />
      )}
      <h2 class="govuk-heading-m">Audit trail</h2>
      <Table
        columns={[{ label: 'When' }, { label: 'Event' }, { label: 'By' }]}
        rows={view.events.map((e) => [dateTime(e.occurredAt), e.type, e.by])}
      />
    </>
  );
}

function ConditionBlock({
  view,
  condition: c,
  csrf,
  errors,
  typed,
}: {
  view: View;
  condition: View['conditions'][number];
  csrf: string;
  errors: FieldError[];
  typed?: Typed | undefined;
}) {
  const open = c.status !== 'met' && c.status !== 'waived';
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">{c.description}</h3>
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList
          rows={[
            ['Status', <Tag colour={statusColour[c.status]}>{humanise(c.status)}</Tag>],
            [
              'Evidence',
              c.evidence
                ? `${c.evidence.text ?? ''}${c.evidence.url ? ` ${c.evidence.url}` : ''} (${dateTime(c.evidence.submittedAt)})`
                : 'None yet',
            ],
            [
              'Decision',
              c.decision ? `${humanise(c.decision.outcome)}${c.decision.reason ? `: ${c.decision.reason}` : ''}` : 'Not decided',
            ],
          ]}
        />
        {view.canDecide && open && (
          <form method="post" action={`/app/grants/${encodeURIComponent(view.id)}`} novalidate>
            <Csrf token={csrf} />
            <input type="hidden" name="condition" value={c.id} />
            <Radios
              name={`outcome-${c.id}`}
              legend="Decide this condition"
              value={typed?.outcome}
              errors={errors}
              options={[
                { value: 'met', label: 'Met' },
                { value: 'waived', label: 'Waived', hint: 'Give a reason.' },
                { value: 'not-met', label: 'Not met', hint: 'Give a reason; payments it guards stay held.' },
              ]}
            />
            <Textarea name={`reason-${c.id}`} label="Reason" value={typed?.reason} errors={errors} rows={3} />
            <Button>Record decision</Button>
          </form>
        )}
      </div>
    </div>
  );
}
