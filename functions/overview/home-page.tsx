import { overviewTable } from '../../shared/overview/aws';
import { type Task, whatNeedsMe } from '../../shared/overview/what-needs-me';
import type { Page } from '../consortia/web-sessions';
import { dayMonthYear, humanise } from '../lib/web/format';

const sections: { kind: Task['kind']; heading: string }[] = [
  { kind: 'review-report', heading: 'Reports awaiting your review' },
  { kind: 'decide-condition', heading: 'Conditions awaiting your decision' },
  { kind: 'vote', heading: 'Votes asked of your organisation' },
  { kind: 'overdue-report', heading: 'Overdue reports' },
  { kind: 'confirm-consortium', heading: 'Consortia awaiting your confirmation' },
];

/** What needs me: everything waiting on the signed-in person, each a link to where they act. */
export const homePage: Page = async ({ caller }) => {
  const { consortia, tasks, councils } = await whatNeedsMe(overviewTable, caller);
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
        {sections.map((s) => {
          const mine = tasks.filter((t) => t.kind === s.kind).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
          if (!mine.length) return null;
          return (
            <>
              <h2 class="govuk-heading-m">
                {s.heading} ({mine.length})
              </h2>
              <ul class="govuk-task-list">
                {mine.map((t) => (
                  <li class="govuk-task-list__item govuk-task-list__item--with-link">
                    <div class="govuk-task-list__name-and-hint">
                      <a class="govuk-link govuk-task-list__link" href={t.href}>
                        {t.label}
                      </a>
                      <div class="govuk-task-list__hint">
                        {t.consortium}. {t.detail}
                        {t.date ? ` ${t.kind === 'vote' ? 'Opened' : 'Due'} ${dayMonthYear(t.date)}.` : ''}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          );
        })}
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
                ({c.place}, {humanise(c.status)}) ·{' '}
                <a class="govuk-link" href={`/app/consortia/${c.id}/reports`}>
                  reports
                </a>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  };
};
