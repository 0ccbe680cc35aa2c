import { loadConsortium, mayAct } from '../../shared/consortia/access';
import { humanise, percent, pounds, timeInWords } from '../../shared/platform/format';
import { poolsTable } from '../../shared/pools/aws';
import { getRound, roundDeadline, VOTING_WINDOW_DAYS } from '../../shared/pools/rounds';
import type { Page } from '../consortia/web-sessions';
import { lengthHint } from '../lib/web/form';
import { ActionForm, PageHead, type RecordState, recordPage } from '../lib/web/form-page';
import { Button, type FieldError, SummaryList, Tag } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { Link, Table } from '../lib/web/table';
import { doneMessages, runRoundAction } from './round-actions';
import { CloseForm, ProposalsTable, RoundStarts } from './round-sections';
import type { View } from './round-view';
import { newVote } from './schemas';

/** The round with its voters' names (the use case gives organisation ids). */
async function roundView(
  deps: Parameters<typeof getRound>[0] & Parameters<typeof roundDeadline>[0],
  caller: Parameters<typeof getRound>[1],
  roundId: string,
): Promise<View> {
  const round = await getRound(deps, caller, roundId);
  const consortium = await loadConsortium(deps, round.consortiumId);
  const voting = consortium.members.filter((m) => m.role !== 'observer').map((m) => m.orgId);
  const [orgs, pool, deadline] = await Promise.all([
    deps.consortia.getOrganisations([
      ...new Set([...round.votes.map((v) => v.orgId), ...round.proposals.map((p) => p.recipientOrgId), ...voting]),
    ]),
    deps.pools.getPool(round.poolId),
    roundDeadline(deps, round),
  ]);
  const voted = round.votes.some((v) => caller.memberships.some((m) => m.orgId === v.orgId));
  const open = round.status === 'open';
  return {
    ...round,
    orgNames: new Map([...orgs].map(([id, o]) => [id, o.name])),
    consortium: { id: consortium.id, name: consortium.name },
    pool: { id: round.poolId, name: pool?.name ?? 'Pool', lots: pool?.lots ?? [] },
    mayVote: round.status === 'voting' && !voted && mayAct(caller, consortium, ['lead', 'member'], 'officer'),
    mayDecide: round.status === 'escalated' && mayAct(caller, consortium, ['lead'], 'admin'),
    mayPropose: open && mayAct(caller, consortium, ['lead', 'member'], 'officer'),
    mayClose: open && mayAct(caller, consortium, ['lead'], 'admin'),
    deadline,
    voters: voting.map((id) => orgs.get(id)?.name ?? 'A member'),
  };
}
const decisions = [
  { value: 'approve', label: 'Approve the proposals' },
  { value: 'reject', label: 'Reject the proposals' },
];

/** A round: proposals, the weighted votes so far, a vote form for members, and the lead's decision form after escalation. */
export const roundPage: Page = recordPage({
  param: 'roundId',
  read: (caller, roundId) => roundView(poolsTable, caller, roundId),
  act: runRoundAction,
  banner: (done) => doneMessages[done],
  show: (view, state) => ({ title: view.name, ...where(view), body: <RoundView view={view} {...state} /> }),
});

/** A round sits under its consortium's rounds. */
const where = (view: View) => ({
  section: 'rounds' as const,
  consortium: view.consortium,
  crumbs: consortiumCrumbs(view.consortium, 'rounds'),
});

function RoundView(p: { view: View } & RecordState) {
  const { view } = p;
  const t = view.tally;
  const share = (w: number) => percent(t.totalWeight ? (100 * w) / t.totalWeight : 0);
  return (
    <>
      <PageHead banner={p.banner} errors={p.errors} heading={view.name} />
      <SummaryList
        rows={[
          ['Status', <Tag>{humanise(view.status)}</Tag>],
          ['Pool', <Link href={`/app/pools/${view.pool.id}`}>{view.pool.name}</Link>],
          ['Opened', timeInWords(view.openedAt)],
          ...(view.deadline
            ? [[view.status === 'voting' ? 'Voting open until' : 'The lead decides by', timeInWords(view.deadline)] as [string, string]]
            : []),
          ['Approve (weighted by money paid in)', `${pounds(t.approveWeight)} (${share(t.approveWeight)})`],
          ['Reject', `${pounds(t.rejectWeight)} (${share(t.rejectWeight)})`],
          ['Needed to decide', `${t.quorumPercent}% of ${pounds(t.totalWeight)}`],
        ]}
      />
      <RoundStarts view={view} />
      <ProposalsTable view={view} />
      <Table
        caption="Votes"
        columns={['Organisation', 'Vote', 'When', 'Comment']}
        rows={view.votes.map((v) => [view.orgNames.get(v.orgId) ?? v.orgId, humanise(v.decision), timeInWords(v.at), v.comment ?? ''])}
      />
      {(view.mayVote || view.mayDecide) && <DecisionForm {...p} />}
      {view.mayClose && <CloseForm view={view} csrf={p.csrf} errors={p.errors} votingDays={VOTING_WINDOW_DAYS} />}
    </>
  );
}

function DecisionForm({ view, csrf, errors, typed }: { view: View; csrf: string; errors: FieldError[]; typed: Record<string, string> }) {
  const field = inputsFor(typed, errors);
  const lead = view.status === 'escalated';
  const action = lead ? 'lead-decision' : 'vote';
  return (
    <ActionForm action={action} id={action} to={`/app/rounds/${encodeURIComponent(view.id)}`} csrf={csrf}>
      <field.Choice
        name="decision"
        legend={lead ? 'Decide for the consortium (voting timed out)' : "Your organisation's vote"}
        options={decisions}
      />
      {!lead && <field.Area name="comment" label="Comment (optional)" hint={lengthHint(newVote.shape.comment)} rows={3} />}
      <Button>{lead ? 'Record decision' : 'Send vote'}</Button>
    </ActionForm>
  );
}
