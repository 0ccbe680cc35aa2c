import { dayInWords, humanise, oneDecimal, percent, pounds, timeInWords } from '../../shared/platform/format';
import type { DutyState } from '../../shared/tenders/duty-status';
import { NOTIFIABLE_FROM, regimeNames } from '../../shared/tenders/regime';
import { Button, ErrorSummary, Radios, SuccessBanner, SummaryList, Table, Tag, Textarea } from '../lib/web/govuk';
import { DraftSection } from './draft-section';
import { EvaluationSection } from './evaluation-section';
import type { TenderPageView } from './tender-page';
import { ActionForm, type SectionProps, stageColour } from './tender-parts';

export function TenderView(p: SectionProps & { banner?: string | undefined }) {
  const { view } = p;
  return (
    <>
      {p.banner && <SuccessBanner heading={p.banner} />}
      <ErrorSummary errors={p.errors} />
      <span class="govuk-caption-l">Joint tender</span>
      <h1 class="govuk-heading-l">{view.title}</h1>
      <p class="govuk-body">{view.description}</p>
      <Summary view={view} />
      <Duties view={view} />
      <Lots view={view} />
      <SignOffs {...p} />
      <DraftSection {...p} />
      <Clarifications {...p} />
      <Bids view={view} />
      <EvaluationSection {...p} />
      <Award {...p} />
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
      columns={[{ label: 'What' }, { label: 'Required' }, { label: 'When' }, { label: 'Status' }]}
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
      columns={[{ label: 'Lot' }, { label: 'Scope' }, { label: 'Value', numeric: true }, { label: 'Outcome' }]}
      rows={view.lots.map((l) => {
        const o = view.outcomes.find((x) => x.lotId === l.id);
        const outcome = !o
          ? 'Not evaluated yet'
          : o.winner
            ? `${humanise(o.status)}: ${o.winner.orgName}, ${pounds(o.winner.price)}${o.winner.total === undefined ? '' : ` (score ${oneDecimal(o.winner.total)})`}`
            : `${humanise(o.status)}${o.reason ? `: ${o.reason}` : ''}`;
        return [l.title, `${humanise(l.scope.kind)}: ${l.scope.label}`, pounds(l.value), outcome];
      })}
    />
  );
}

function SignOffs(p: SectionProps) {
  const { view } = p;
  return (
    <>
      <h2 class="govuk-heading-m">Funders and sign-off</h2>
      <Table
        columns={[{ label: 'Funder' }, { label: 'Contribution', numeric: true }, { label: 'Sign-off' }, { label: 'Reason' }]}
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
        <ActionForm view={view} csrf={p.csrf} action="sign-off">
          <Radios
            name="decision"
            legend="Does your organisation approve the specification and its contribution?"
            options={[
              { value: 'approve', label: 'Approve' },
              { value: 'refuse', label: 'Refuse', hint: 'The tender goes back to draft for the lead to change.' },
            ]}
            value={p.typed.decision}
            errors={p.errors}
          />
          <Textarea name="reason" label="Reason (needed to refuse)" value={p.typed.reason} rows={3} errors={p.errors} />
          <Button>Send sign-off</Button>
        </ActionForm>
      )}
    </>
  );
}

function Clarifications(p: SectionProps) {
  const { view } = p;
  return (
    <>
      <h2 class="govuk-heading-m">Clarifications</h2>
      <p class="govuk-body">
        {view.questions.asked} asked, {view.questions.answered} answered. Each answer goes to every registered provider and is shown on
        their bid form; the asker is never named.
      </p>
      {view.questionList.map((q) => (
        <div class="govuk-inset-text">
          <p class="govuk-body">
            <strong>Q:</strong> {q.question}
          </p>
          {q.answer ? (
            <p class="govuk-body">
              <strong>A:</strong> {q.answer}
            </p>
          ) : view.may.answer ? (
            <AnswerForm {...p} questionId={q.id} />
          ) : (
            <p class="govuk-body">Not answered yet.</p>
          )}
        </div>
      ))}
    </>
  );
}

function AnswerForm(p: SectionProps & { questionId: string }) {
  const field = `answer-${p.questionId}`;
  return (
    <ActionForm view={p.view} csrf={p.csrf} action="answer">
      <input type="hidden" name="question" value={p.questionId} />
      <Textarea
        name={field}
        label="Your answer"
        hint="Sent to every provider who registered interest. Answers cannot be changed once sent."
        value={p.typed[field]}
        rows={3}
        errors={p.errors}
      />
      <Button>Send the answer</Button>
    </ActionForm>
  );
}

function Bids({ view }: { view: TenderPageView }) {
  return (
    <>
      <h2 class="govuk-heading-m">Bids</h2>
      {view.bids.sealed ? (
        <p class="govuk-body">
          Sealed until {timeInWords(view.bids.opensAt)}. Nobody can see the bids, or how many there are, before then.
        </p>
      ) : (
        <Table
          caption={`${view.bids.received} provider${view.bids.received === 1 ? '' : 's'} bid`}
          columns={[{ label: 'Lot' }, { label: 'Bids', numeric: true }]}
          rows={view.lots.map((l) => [l.title, String(view.bids.sealed ? 0 : (view.bids.byLot[l.id] ?? 0))])}
        />
      )}
    </>
  );
}

function Award(p: SectionProps) {
  const { view } = p;
  const t = view.awardTally;
  if (!t) return null;
  const share = (w: number) => percent(t.totalWeight ? (100 * w) / t.totalWeight : 0);
  return (
    <>
      <h2 class="govuk-heading-m">Award decision</h2>
      <SummaryList
        rows={[
          ['Approve (weighted by contribution)', `${pounds(t.approveWeight)} (${share(t.approveWeight)})`],
          ['Reject', `${pounds(t.rejectWeight)} (${share(t.rejectWeight)})`],
          ['Needed to decide', `${t.quorumPercent}% of ${pounds(t.totalWeight)}`],
        ]}
      />
      {view.may.vote && (
        <ActionForm view={view} csrf={p.csrf} action="award-vote">
          <Radios
            name="vote"
            legend="Your organisation's vote on the recommended award"
            options={[
              { value: 'approve', label: 'Approve the award' },
              { value: 'reject', label: 'Reject the award' },
            ]}
            value={p.typed.vote}
            errors={p.errors}
          />
          <Button>Send vote</Button>
        </ActionForm>
      )}
    </>
  );
}
