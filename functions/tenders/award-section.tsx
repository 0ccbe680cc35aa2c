import { dayInWords, humanise, percent, pounds, timeInWords } from '../../shared/platform/format';
import { lengthHint } from '../lib/web/form';
import { Button, SummaryList } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { Table, TableOrNone } from '../lib/web/table';
import { challengeBody, resolutionBody } from './schemas';
import type { TenderPageView } from './tender-page-view';
import { ActionForm, lotOutcome, type SectionProps } from './tender-parts';

type Challenge = TenderPageView['challenges'][number];

/**
 * The award page: each lot's outcome, the funders' vote on the panel's recommendation (with the
 * caller's vote form), the standstill, and the challenges received in it: the lead records one
 * against a lot, which pauses that lot's award, and resolves it (dismissed or upheld).
 */
export function AwardSection(p: SectionProps) {
  const { view } = p;
  const lotTitle = (lotId: string) => view.lots.find((l) => l.id === lotId)?.title ?? lotId;
  return (
    <>
      <h2 class="govuk-heading-m">Award</h2>
      <Table caption="Outcome of each lot" columns={['Lot', 'Outcome']} rows={view.lots.map((l) => [l.title, lotOutcome(view, l.id)])} />
      <Vote {...p} />
      {view.standstill ? (
        <p class="govuk-body">
          Standstill ({view.standstill.kind}, {view.standstill.workingDays} working days): from {dayInWords(view.standstill.startsOn)} to
          the end of {dayInWords(view.standstill.endsOn)}. No lot is awarded before it ends; a challenge received during it pauses that
          lot's award until it is resolved.
        </p>
      ) : (
        <p class="govuk-body">No standstill period has started.</p>
      )}
      <h2 class="govuk-heading-m">Challenges</h2>
      <TableOrNone
        columns={['Lot', 'Received', 'Grounds', 'Status']}
        rows={view.challenges.map((c) => [
          lotTitle(c.lotId),
          timeInWords(c.receivedAt),
          c.grounds,
          c.status === 'open' ? 'Open' : `${humanise(c.status)}${c.resolution ? `: ${c.resolution}` : ''}`,
        ])}
        none="No challenge has been received."
      />
      {view.may.resolve &&
        view.challenges.filter((c) => c.status === 'open').map((c) => <Resolve {...p} challenge={c} lot={lotTitle(c.lotId)} />)}
      {view.may.challenge && <RecordChallenge {...p} />}
    </>
  );
}

function Vote(p: SectionProps) {
  const field = inputsFor(p.typed, p.errors);
  const { view } = p;
  const t = view.awardTally;
  if (!t) return null;
  const share = (w: number) => percent(t.totalWeight ? (100 * w) / t.totalWeight : 0);
  return (
    <>
      <h3 class="govuk-heading-s">The funders' vote on the award</h3>
      <SummaryList
        rows={[
          ['Approve (weighted by contribution)', `${pounds(t.approveWeight)} (${share(t.approveWeight)})`],
          ['Reject', `${pounds(t.rejectWeight)} (${share(t.rejectWeight)})`],
          ['Needed to decide', `${t.quorumPercent}% of ${pounds(t.totalWeight)}`],
        ]}
      />
      {view.may.vote && (
        <ActionForm view={view} csrf={p.csrf} action="award-vote" tab="award">
          <field.Choice
            name="vote"
            legend="Your organisation's vote on the recommended award"
            options={[
              { value: 'approve', label: 'Approve the award' },
              { value: 'reject', label: 'Reject the award' },
            ]}
          />
          <Button>Send vote</Button>
        </ActionForm>
      )}
    </>
  );
}

/** Recording a challenge: only lots still waiting for their award, during the standstill. */
function RecordChallenge(p: SectionProps) {
  const field = inputsFor(p.typed, p.errors);
  const { view } = p;
  const waiting = view.outcomes.filter(
    (o) => o.status === 'recommended' && !view.challenges.some((c) => c.lotId === o.lotId && c.status === 'open'),
  );
  if (!waiting.length) return null;
  return (
    <>
      <h3 class="govuk-heading-s">Record a challenge</h3>
      <ActionForm view={view} csrf={p.csrf} action="challenge" tab="award">
        <field.Choice
          name="challenge-lot"
          legend="Lot challenged"
          options={waiting.map((o) => ({ value: o.lotId, label: view.lots.find((l) => l.id === o.lotId)?.title ?? o.lotId }))}
        />
        <field.Area
          name="challenge-grounds"
          label="Grounds of the challenge"
          hint={`What the provider says was wrong, as it put it. ${lengthHint(challengeBody.shape.grounds)}`}
          rows={4}
        />
        <Button secondary>Record the challenge</Button>
      </ActionForm>
    </>
  );
}

function Resolve(p: SectionProps & { challenge: Challenge; lot: string }) {
  const field = inputsFor(p.typed, p.errors);
  const c = p.challenge.id;
  return (
    <>
      <h3 class="govuk-heading-s">Resolve the challenge to {p.lot}</h3>
      <ActionForm view={p.view} csrf={p.csrf} action="resolve" tab="award" id={`resolve-${c}`}>
        <input type="hidden" name="challenge" value={c} />
        <field.Choice
          name={`outcome-${c}`}
          legend="Outcome"
          options={[
            { value: 'dismissed', label: 'Dismissed', hint: 'The award of the lot goes ahead once the standstill has ended.' },
            { value: 'upheld', label: 'Upheld', hint: 'The lot is not awarded from this tender.' },
          ]}
        />
        <field.Area name={`resolution-${c}`} label="How it was resolved" hint={lengthHint(resolutionBody.shape.resolution)} rows={3} />
        <Button>Resolve the challenge</Button>
      </ActionForm>
    </>
  );
}
