import { type Task, type TaskKind, whatNeedsMe } from '../../shared/overview/what-needs-me';
import { whatNeedsMeTable } from '../../shared/overview/what-needs-me-aws';
import { dayInWords } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { StartLink } from '../lib/web/inputs';

/** A heading per kind of work, in the order the page shows them (the order of `taskKinds`). */
const headings: Record<TaskKind, string> = {
  'confirm-consortium': 'Consortia awaiting your confirmation',
  'sign-off-tender': 'Tenders to sign off',
  'award-vote': 'Tender awards to vote on',
  vote: 'Votes asked of your organisation',
  'review-report': 'Reports awaiting your review',
  'decide-condition': 'Conditions awaiting your decision',
  'answer-question': 'Clarification questions to answer',
  'score-bids': 'Bids to score',
  'resolve-challenge': 'Challenges to resolve',
  'decide-milestone': 'Milestone evidence to decide',
  'milestone-overdue': 'Overdue milestones',
  'rate-kpi': 'KPI ratings due',
  'overdue-report': 'Overdue reports',
};

/** A consortium's state as its members read it: a proposed one waits for its lead. */
const statusWords: Record<string, string> = {
  inviting: 'proposed, waiting for its lead to confirm',
  active: 'active',
  lapsed: 'lapsed: its lead did not confirm it in time',
};

/** What, for whom, by when: the hint under each task's link. */
const hint = (t: Task) => `For ${t.forWhom}. ${t.detail}${t.when ? ` ${t.when.label} ${dayInWords(t.when.date)}.` : ''}`;

function TaskSection({ kind, tasks }: { kind: TaskKind; tasks: Task[] }) {
  return (
    <>
      <h2 class="govuk-heading-m">
        {headings[kind]} ({tasks.length})
      </h2>
      <ul class="govuk-task-list">
        {tasks.map((t) => (
          <li class="govuk-task-list__item govuk-task-list__item--with-link">
            <div class="govuk-task-list__name-and-hint">
              <a class="govuk-link govuk-task-list__link" href={t.href}>
                {t.label}
              </a>
              <div class="govuk-task-list__hint">{hint(t)}</div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What needs me: everything waiting on the signed-in person, each a link to where they act. */
export const homePage: Page = async ({ caller }) => {
  const { consortia, tasks, councils, mayPropose } = await whatNeedsMe(whatNeedsMeTable, caller);
  const kinds = (Object.keys(headings) as TaskKind[]).filter((k) => tasks.some((t) => t.kind === k));
  return {
    title: 'What needs me',
    section: 'home',
    body: (
      <>
        <h1 class="govuk-heading-l">What needs me</h1>
        <p class="govuk-body">
          {tasks.length === 0
            ? 'Nothing is waiting for you.'
            : `${tasks.length} ${tasks.length === 1 ? 'thing is' : 'things are'} waiting for you.`}
        </p>
        {kinds.map((k) => (
          <TaskSection kind={k} tasks={tasks.filter((t) => t.kind === k)} />
        ))}
        {councils.length > 0 && (
          <>
            <h2 class="govuk-heading-m">Contracts you manage</h2>
            <ul class="govuk-list">
              {councils.map((o) => (
                <li>
                  <a class="govuk-link" href={`/app/councils/${o.id}/contracts`}>
                    {o.name}: contracts and milestones
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 class="govuk-heading-m">Your consortia</h2>
        {consortia.length === 0 ? (
          <p class="govuk-body">Your organisations are not in any consortium yet.</p>
        ) : (
          <ul class="govuk-list">
            {consortia.map((c) => (
              <li>
                <a class="govuk-link" href={`/app/consortia/${c.id}`}>
                  {c.name}
                </a>{' '}
                ({c.place}, {statusWords[c.status]}) ·{' '}
                <a class="govuk-link" href={`/app/consortia/${c.id}/reports`}>
                  reports
                </a>
              </li>
            ))}
          </ul>
        )}
        {mayPropose && (
          <StartLink href="/app/consortia/new" kind="secondary">
            Propose a consortium
          </StartLink>
        )}
        <h2 class="govuk-heading-m">Organisations</h2>
        <p class="govuk-body">
          <a class="govuk-link" href="/app/organisations">
            {caller.user.platformAdmin ? 'Every organisation and its staff' : 'Your organisations and their staff'}
          </a>
          {caller.user.platformAdmin && ': add an organisation, and its staff.'}
        </p>
      </>
    ),
  };
};
