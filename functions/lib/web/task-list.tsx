import type { Child } from 'hono/jsx';

/**
 * GOV.UK's task list (the markup of govuk-frontend's `govukTaskList`): each task a link with its
 * status beside it. A completed task's status is plain text; one to do is a tag; one that cannot
 * start yet has no link and grey text, as the design system's pattern says.
 */
export interface Task {
  name: string;
  /** Where the task is done; none while it cannot start. */
  href?: string | undefined;
  status: 'not-started' | 'in-progress' | 'completed' | 'cannot-start';
}

const words: Record<Task['status'], string> = {
  'not-started': 'Not yet started',
  'in-progress': 'In progress',
  completed: 'Completed',
  'cannot-start': 'Cannot start yet',
};

function Status({ task, id }: { task: Task; id: string }) {
  if (task.status === 'completed')
    return (
      <div class="govuk-task-list__status" id={id}>
        {words.completed}
      </div>
    );
  if (task.status === 'cannot-start')
    return (
      <div class="govuk-task-list__status govuk-task-list__status--cannot-start-yet" id={id}>
        {words['cannot-start']}
      </div>
    );
  return (
    <div class="govuk-task-list__status" id={id}>
      <strong class="govuk-tag govuk-tag--blue">{words[task.status]}</strong>
    </div>
  );
}

export function TaskList(p: { title: string; intro: Child; tasks: Task[] }) {
  const done = p.tasks.filter((t) => t.status === 'completed').length;
  return (
    <>
      <h1 class="govuk-heading-l">{p.title}</h1>
      {p.intro}
      <p class="govuk-body">
        You have completed {done} of {p.tasks.length - 1} tasks.
      </p>
      <ul class="govuk-task-list">
        {p.tasks.map((t, i) => {
          const statusId = `task-list-${i + 1}-status`;
          return (
            <li class={`govuk-task-list__item${t.href ? ' govuk-task-list__item--with-link' : ''}`}>
              <div class="govuk-task-list__name-and-hint">
                {t.href ? (
                  <a class="govuk-link govuk-task-list__link" href={t.href} aria-describedby={statusId}>
                    {t.name}
                  </a>
                ) : (
                  <div>{t.name}</div>
                )}
              </div>
              <Status task={t} id={statusId} />
            </li>
          );
        })}
      </ul>
    </>
  );
}
