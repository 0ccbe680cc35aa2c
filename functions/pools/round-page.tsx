import { loadConsortium, mayAct } from '../../shared/consortia/access';
import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { getRound, leadDecision, vote } from '../../shared/pools/rounds';
import type { Page } from '../consortia/web-sessions';
import { dateTime, humanise, pounds } from '../lib/web/format';
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

type View = Awaited<ReturnType<typeof getRound>> & { orgNames: Map<string, string>; mayVote: boolean; mayDecide: boolean };

/** The round with its voters' names (the use case gives organisation ids). */
async function roundView(deps: Parameters<typeof getRound>[0], caller: Parameters<typeof getRound>[1], roundId: string): Promise<View> {
  const round = await getRound(deps, caller, roundId);
  const [orgs, consortium] = await Promise.all([
    deps.consortia.getOrganisations(round.votes.map((v) => v.orgId)),
    loadConsortium(deps, round.consortiumId),
  ]);
  const voted = round.votes.some((v) => caller.memberships.some((m) => m.orgId === v.orgId));
  return {
    ...round,
    orgNames: new Map([...orgs].map(([id, o]) => [id, o.name])),
    mayVote: round.status === 'voting' && !voted && mayAct(caller, consortium, ['lead', 'member'], 'officer'),
    mayDecide: round.status === 'escalated' && mayAct(caller, consortium, ['lead'], 'admin'),
  };
}
const decisions = [
  { value: 'approve', label: 'Approve the proposals' },
  { value: 'reject', label: 'Reject the proposals' },
];

/** A round: proposals, the weighted votes so far, a vote form for members, and the lead's decision form after escalation. */
export const roundPage: Page = async ({ caller, params, method, form, query, csrf }) => {
  const roundId = params.roundId ?? '';
  const deps = { ...poolsTable, workflows };
  if (method === 'POST') {
    const decision = form.decision;
    const errors: FieldError[] =
      decision === 'approve' || decision === 'reject' ? [] : [{ field: 'decision', message: 'Select approve or reject' }];
    if (!errors.length) {
      if (form.action === 'lead-decision') await leadDecision(deps, caller, roundId, { decision: decision as 'approve' });
      else await vote(deps, caller, roundId, { decision: decision as 'approve', comment: form.comment?.trim() || undefined });
      return { redirect: `/app/rounds/${encodeURIComponent(roundId)}?done=${form.action === 'lead-decision' ? 'decided' : 'voted'}` };
    }
    const view = await roundView(deps, caller, roundId);
    return { title: `Error: ${view.name}`, status: 400, body: <RoundView view={view} csrf={csrf} errors={errors} typed={form} /> };
  }
  const view = await roundView(deps, caller, roundId);
  const banner =
    query.done === 'voted' ? 'Your vote has been recorded.' : query.done === 'decided' ? 'Your decision has been recorded.' : undefined;
  return { title: view.name, body: <RoundView view={view} csrf={csrf} errors={[]} typed={{}} banner={banner} /> };
};

function RoundView(p: { view: View; csrf: string; errors: FieldError[]; typed: Record<string, string>; banner?: string | undefined }) {
  const { view } = p;
  const t = view.tally;
  const share = (w: number) => (t.totalWeight ? `${((100 * w) / t.totalWeight).toFixed(1)}%` : '0%');
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/app', label: 'What needs me' },
          { href: `/app/pools/${view.poolId}`, label: 'Pool' },
        ]}
      />
      {p.banner && <SuccessBanner heading={p.banner} />}
      <ErrorSummary errors={p.errors} />
      <h1 class="govuk-heading-l">{view.name}</h1>
      <SummaryList
        rows={[
          ['Status', <Tag>{humanise(view.status)}</Tag>],
          ['Opened', dateTime(view.openedAt)],
          ['Approve (weighted by money paid in)', `${pounds(t.approveWeight)} (${share(t.approveWeight)})`],
          ['Reject', `${pounds(t.rejectWeight)} (${share(t.rejectWeight)})`],
          ['Needed to decide', `${t.quorumPercent}% of ${pounds(t.totalWeight)}`],
        ]}
      />
      <Table
        caption="Proposals"
        columns={[{ label: 'Proposal' }, { label: 'Amount', numeric: true }, { label: 'Months', numeric: true }, { label: 'Status' }]}
        rows={view.proposals.map((x) => [x.title, pounds(x.amount), String(x.durationMonths), humanise(x.status)])}
      />
      <Table
        caption="Votes"
        columns={[{ label: 'Organisation' }, { label: 'Vote' }, { label: 'When' }, { label: 'Comment' }]}
        rows={view.votes.map((v) => [view.orgNames.get(v.orgId) ?? v.orgId, humanise(v.decision), dateTime(v.at), v.comment ?? ''])}
      />
      {(view.mayVote || view.mayDecide) && <DecisionForm {...p} />}
    </>
  );
}

function DecisionForm({ view, csrf, errors, typed }: { view: View; csrf: string; errors: FieldError[]; typed: Record<string, string> }) {
  const lead = view.status === 'escalated';
  return (
    <form method="post" action={`/app/rounds/${encodeURIComponent(view.id)}`} novalidate>
      <Csrf token={csrf} />
      <input type="hidden" name="action" value={lead ? 'lead-decision' : 'vote'} />
      <Radios
        name="decision"
        legend={lead ? 'Decide for the consortium (voting timed out)' : "Your organisation's vote"}
        options={decisions}
        value={typed.decision}
        errors={errors}
      />
      {!lead && <Textarea name="comment" label="Comment (optional)" value={typed.comment} rows={3} />}
      <Button>{lead ? 'Record decision' : 'Send vote'}</Button>
    </form>
  );
}
