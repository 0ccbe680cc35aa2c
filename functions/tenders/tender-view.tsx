import { dayInWords, humanise, pounds, timeInWords } from '../../shared/platform/format';
import type { DutyState } from '../../shared/tenders/duty-status';
import { NOTIFIABLE_FROM, regimeNames } from '../../shared/tenders/regime';
import { Button, SummaryList, Tag } from '../lib/web/govuk';
import { inputsFor, StartLink } from '../lib/web/inputs';
import { figures, Link, Table } from '../lib/web/table';
import { DraftSection } from './draft-section';
import { InviteProvider } from './invite-form';
import type { TenderPageView } from './tender-page-view';
import { ActionForm, lotOutcome, type SectionProps, stageColour, tabPath } from './tender-parts';

/**
 * A tender's overview: what it is (summary, the Act's notices and periods, lots, documents), its
 * funders and their sign-offs, and what its stage asks of the caller: signing off, inviting
 * providers, cancelling. Clarifications, bids and the award have pages of their own.
 */
export function TenderOverview(p: SectionProps) {
  const { view } = p;
  return (
    <>
      <p class="govuk-body">{view.description}</p>
      <Summary view={view} />
      <Duties view={view} />
      <Lots view={view} />
      <Documents view={view} />
      <SignOffs {...p} />
      <DraftSection {...p} />
      {view.may.invite && <InviteProvider {...p} />}
      {view.may.cancel && (
        <>
          <h2 class="govuk-heading-m">Cancel the tender</h2>
          <p class="govuk-body">
            Cancelling ends the tender for good, with a reason that funders and providers are told. Any money reserved for it goes back to
            the pool.
          </p>
          <StartLink href={`${tabPath('overview', view.id)}/cancel`} kind="warning">
            Cancel this tender
          </StartLink>
        </>
      )}
    </>
  );
}

function Documents({ view }: { view: TenderPageView }) {
  if (!view.documents.length) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Documents</h2>
      <ul class="govuk-list">
        {view.documents.map((d) => (
          <li>
            <Link href={d.url}>{d.title}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function Summary({ view }: { view: TenderPageView }) {
  return (
    <SummaryList
      rows={[
        ['Stage', <Tag colour={stageColour[view.status]}>{humanise(view.status)}</Tag>],
        ['Buyer', view.orgName(view.buyerOrgId)],
        [
          'Budget',
          `${pounds(view.budget)}, reserved in the pool${view.status === 'draft' || view.status === 'sign-off' ? ' once published' : ''}`,
        ],
        ['Procedure', `${humanise(view.procedure)}${view.advertised ? ', advertised' : ', by invitation'}`],
        ['Regime', regimeLine(view)],
        ['Clarification questions by', timeInWords(view.dates.clarificationDeadline)],
        ['Bids by', timeInWords(view.dates.submissionDeadline)],
        ['Evaluation ends', timeInWords(view.dates.evaluationEnd)],
        ['Award decision', timeInWords(view.dates.awardDecision)],
        ...(view.standstill
          ? [
              [
                'Standstill',
                `${dayInWords(view.standstill.startsOn)} to the end of ${dayInWords(view.standstill.endsOn)} (${view.standstill.workingDays} working days, ${view.standstill.kind})`,
              ] as [string, string],
            ]
          : []),
        ...(view.cancellation
          ? [['Cancelled', `${timeInWords(view.cancellation.at)}: ${view.cancellation.reason}`] as [string, string]]
          : []),
      ]}
    />
  );
}

function regimeLine(view: TenderPageView): string {
  const r = view.regime;
  const against = `${pounds(r.estimatedValue)} against the ${pounds(r.threshold)} ${view.lightTouch ? 'light-touch' : `${r.authorityType} goods and services`} threshold in force from ${dayInWords(r.thresholdsFrom)}, VAT included`;
  const from = pounds(NOTIFIABLE_FROM[r.authorityType]);
  const notifiable =
    r.regime === 'below-threshold' ? (r.notifiable ? ` (notifiable: ${from} or more)` : ` (not notifiable: under ${from})`) : '';
  return `${regimeNames[r.regime]}${notifiable}: ${against}`;
}

const dutyStatus = (d: DutyState, view: TenderPageView): string => {
  if (d.status === 'not-required') return 'Not required';
  if (d.status === 'after-award') return 'During the contract';
  if (d.id === 'standstill' && view.standstill) return `Runs to the end of ${dayInWords(view.standstill.endsOn)}`;
  if (d.status === 'done' && d.doneAt) return `${d.id === 'assessment-summaries' ? 'Sent' : 'Published'} ${timeInWords(d.doneAt)}`;
  return d.dueBy ? `Due by ${dayInWords(d.dueBy)}` : 'Not yet';
};

/** What the Procurement Act 2023 asks of this tender in its regime, with the section, when, and where it stands. */
function Duties({ view }: { view: TenderPageView }) {
  return (
    <Table
      caption="Notices and periods (Procurement Act 2023)"
      columns={['What', 'Required', 'When', 'Status']}
      rows={view.duties.map((d) => [
        d.title,
        d.required === 'voluntary' ? 'Chosen by the consortium' : humanise(d.required),
        `${d.when.charAt(0).toUpperCase()}${d.when.slice(1)} (${d.section})`,
        dutyStatus(d, view),
      ])}
    />
  );
}

function Lots({ view }: { view: TenderPageView }) {
  return (
    <Table
      caption="Lots"
      columns={['Lot', 'Scope', ...figures('Value'), 'Outcome']}
      rows={view.lots.map((l) => {
        const outcome = lotOutcome(view, l.id);
        return [l.title, `${humanise(l.scope.kind)}: ${l.scope.label}`, pounds(l.value), outcome];
      })}
    />
  );
}

function SignOffs(p: SectionProps) {
  const field = inputsFor(p.typed, p.errors);
  const { view } = p;
  return (
    <>
      <h2 class="govuk-heading-m">Funders and sign-off</h2>
      <Table
        columns={['Funder', ...figures('Contribution'), 'Sign-off', 'Reason']}
        rows={view.funders.map((f) => {
          const s = view.signOffs.find((x) => x.orgId === f.orgId);
          return [
            view.orgName(f.orgId),
            pounds(f.amount),
            s ? `${humanise(s.decision)}d ${timeInWords(s.at)}` : view.status === 'sign-off' ? 'Waiting' : '',
            s?.reason ?? '',
          ];
        })}
      />
      {view.may.signOff && (
        <ActionForm view={view} csrf={p.csrf} action="sign-off" tab="overview">
          <field.Choice
            name="decision"
            legend="Does your organisation approve the specification and its contribution?"
            options={[
              { value: 'approve', label: 'Approve' },
              { value: 'refuse', label: 'Refuse', hint: 'The tender goes back to draft for the lead to change.' },
            ]}
          />
          <field.Area name="reason" label="Reason (needed to refuse)" rows={3} />
          <Button>Send sign-off</Button>
        </ActionForm>
      )}
    </>
  );
}
