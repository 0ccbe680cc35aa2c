import { grantsTable } from '../../shared/grants/aws';
import { grantContext } from '../../shared/grants/context';
import { type GrantStatus, nextStatuses } from '../../shared/grants/grant-plan';
import { grantPageView } from '../../shared/grants/views';
import { dayInWords, humanise, plural, pounds, timeInWords } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { lengthHint } from '../lib/web/form';
import { PageHead, type RecordState, recordPage } from '../lib/web/form-page';
import { Button, Csrf, type FieldError, SummaryList, Tag, WarningText } from '../lib/web/govuk';
import { inputsFor, StartLink } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { statusColour } from '../lib/web/status-colour';
import { figures, Link, Table } from '../lib/web/table';
import { runConditionForm } from './grant-actions';
import { conditionDecision } from './schemas';

type View = Awaited<ReturnType<typeof grantPageView>>;
type Outcome = 'met' | 'waived' | 'not-met';
const outcomes: Outcome[] = ['met', 'waived', 'not-met'];

/** A grant: plan, conditions (with the lead's decide forms), tranches, reports, amendments and its audit trail. */
export const grantPage: Page = recordPage({
  param: 'grantId',
  read: (caller, grantId) => grantPageView(grantsTable, caller, grantId),
  act: runConditionForm,
  banner: bannerOf,
  show: (view, state) => ({ title: view.title, ...where(view), body: <GrantView view={view} {...state} /> }),
});

async function bannerOf(done: string, grantId: string) {
  if (outcomes.includes(done as Outcome))
    return `Condition decided: ${humanise(done)}. The provider is emailed the outcome, with your reason if you gave one.`;
  return done === 'new-link' ? await newLinkBanner(grantId) : undefined;
}

/** Where the new link went: the recipient's contact, read again as the email was addressed. */
async function newLinkBanner(grantId: string) {
  const { recipient } = await grantContext(grantsTable, grantId);
  return `A new link is being emailed to ${recipient.name} at ${recipient.contactEmail}. The old link no longer works.`;
}

/** A grant sits under its consortium's grants. */
const where = (view: View) => ({
  section: 'grants' as const,
  consortium: view.consortium,
  crumbs: consortiumCrumbs(view.consortium, 'grants'),
});

/** What was typed into the form that was sent, by field name: each condition's fields carry its id, so only its form shows them. */
type Typed = Record<string, string>;

function GrantView({ view, csrf, errors, typed, banner }: { view: View } & RecordState) {
  return (
    <>
      <PageHead banner={banner} errors={errors} caption={view.recipient.name} heading={view.title} />
      <SummaryList
        rows={[
          ['Amount', pounds(view.amount)],
          ['Funding', humanise(view.fundingType)],
          ['Dates', `${dayInWords(view.plannedStart)} to ${dayInWords(view.plannedEnd)} (${plural(view.durationMonths, 'month')})`],
          ['Status', humanise(view.status)],
          ['Funded by', view.funders.map((f) => `${f.name}: ${pounds(f.amount)}`).join('; ')],
        ]}
      />
      {view.canSetPlan && (
        <>
          <p class="govuk-body">This grant has no plan yet: set its conditions, tranches and reporting schedule to start paying it.</p>
          <StartLink href={`/app/grants/${encodeURIComponent(view.id)}/plan`}>Set the plan</StartLink>
        </>
      )}
      <Manage view={view} />
      <h2 class="govuk-heading-m">Tranches</h2>
      <Table
        columns={['Tranche', 'Due', ...figures('Amount'), 'Status']}
        rows={view.tranches.map((t) => [
          String(t.seq),
          dayInWords(t.dueDate),
          pounds(t.amount),
          <>
            <Tag colour={statusColour[t.status]}>{humanise(t.status)}</Tag>
            {t.releasedAt ? ` ${dayInWords(t.releasedAt)}` : ''}
          </>,
        ])}
      />
      <h2 class="govuk-heading-m">Conditions</h2>
      {view.conditions.length === 0 && <p class="govuk-body">This grant has no conditions.</p>}
      {view.conditions.map((c) => (
        <ConditionBlock view={view} condition={c} csrf={csrf} errors={errors} typed={typed} />
      ))}
      <h2 class="govuk-heading-m">Reports</h2>
      <Table
        columns={['Report', 'Due', 'Status']}
        rows={view.reports.map((r) => [
          <Link href={`/app/reports/${r.id}`}>{r.label}</Link>,
          dayInWords(r.dueDate),
          <Tag colour={statusColour[r.status]}>{humanise(r.status)}</Tag>,
        ])}
      />
      <h2 class="govuk-heading-m">Amendments</h2>
      {view.amendments.length === 0 ? (
        <p class="govuk-body">No amendments.</p>
      ) : (
        <Table columns={['When', 'What', 'Reason']} rows={view.amendments.map((a) => [timeInWords(a.at), humanise(a.kind), a.reason])} />
      )}
      <h2 class="govuk-heading-m">Publishing</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={`/app/grants/${encodeURIComponent(view.id)}/publishing`}>
          Where the grant benefits and what it pays for
        </a>
        , as its consortium publishes them.
      </p>
      <h2 class="govuk-heading-m">Audit trail</h2>
      <Table id="audit-trail" columns={['When', 'What happened']} rows={view.events.map((e) => [timeInWords(e.occurredAt), e.what])} />
    </>
  );
}

/** Where the lead's officers start each change to the grant, each offered only to those its use case accepts. */
function Manage({ view }: { view: View }) {
  const at = (rest: string) => `/app/grants/${encodeURIComponent(view.id)}/${rest}`;
  const mayChangeStatus = view.canAmend && nextStatuses(view.status as GrantStatus).length > 0;
  if (!view.canMoveMoney && !view.canAmend) return null;
  return (
    <div class="govuk-button-group">
      {view.canMoveMoney && (
        <>
          <StartLink href={at('payments/new')} kind="secondary">
            Record a payment
          </StartLink>
          <StartLink href={at('returns/new')} kind="secondary">
            Record money returned
          </StartLink>
        </>
      )}
      {view.canAmend && (
        <StartLink href={at('amendments/new')} kind="secondary">
          Amend the grant
        </StartLink>
      )}
      {mayChangeStatus && (
        <StartLink href={at('status')} kind="secondary">
          Change the status
        </StartLink>
      )}
    </div>
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
  const field = inputsFor(typed ?? {}, errors);
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
                ? `${c.evidence.text ?? ''}${c.evidence.url ? ` ${c.evidence.url}` : ''} (${timeInWords(c.evidence.submittedAt)})`
                : 'None yet',
            ],
            [
              'Decision',
              c.decision ? `${humanise(c.decision.outcome)}${c.decision.reason ? `: ${c.decision.reason}` : ''}` : 'Not decided',
            ],
          ]}
        />
        {view.canDecide && open && (
          <form method="post" action={`/app/grants/${encodeURIComponent(view.id)}`} id={`decide-${c.id}`} novalidate>
            <Csrf token={csrf} />
            <input type="hidden" name="condition" value={c.id} />
            <field.Choice
              name={`outcome-${c.id}`}
              legend="Decide this condition"
              options={[
                { value: 'met', label: 'Met' },
                { value: 'waived', label: 'Waived', hint: 'Give a reason.' },
                {
                  value: 'not-met',
                  label: 'Not met',
                  hint: 'Give a reason; payments it guards stay held. The provider is emailed a new link to send evidence again.',
                },
              ]}
            />
            <field.Area name={`reason-${c.id}`} label="Reason" hint={lengthHint(conditionDecision.shape.reason)} rows={3} />
            <Button>Record decision</Button>
          </form>
        )}
        {view.canDecide && (c.status === 'pending' || c.status === 'not-met') && c.kind !== 'ongoing' && (
          <NewLinkForm grantId={view.id} conditionId={c.id} csrf={csrf} />
        )}
      </div>
    </div>
  );
}

/** For a provider whose evidence link expired or was lost: one button, and what it does to the old link. */
function NewLinkForm({ grantId, conditionId, csrf }: { grantId: string; conditionId: string; csrf: string }) {
  return (
    <form method="post" action={`/app/grants/${encodeURIComponent(grantId)}`} id={`new-link-${conditionId}`} novalidate>
      <Csrf token={csrf} />
      <input type="hidden" name="condition" value={conditionId} />
      <input type="hidden" name="action" value="new-link" />
      <WarningText>The provider is emailed a new link to send evidence; the link they have now stops working.</WarningText>
      <Button secondary>Send a new link</Button>
    </form>
  );
}
