import type { Child } from 'hono/jsx';
import { DomainError } from '../../../shared/platform/errors';
import type { DraftAnswers } from '../../../shared/platform/sessions/store';
import type * as z from '../zod';
import { answersAmong, control, decodeForm, type FormFields, fieldId, type PostedForm, postedNames, refusal } from './form';
import { Button, Csrf, ErrorSummary, type FieldError, SummaryList } from './govuk';
import { type Inputs, inputsFor } from './inputs';
import type { ConsortiumRef, Crumb, Section } from './navigation';
import type { PageRequest, PageResult } from './page-route';
import { type Task, TaskList } from './task-list';

/**
 * A journey of GOV.UK question pages for making something (a pool, a pledge, a round…): one
 * question a page, an "add another" list where a thing has several parts, "check your answers",
 * then a confirmation saying what happens next. What is typed is kept beside the session (a
 * draft) between pages, exactly as typed; it is decoded into the use case's own schema (the one
 * its JSON route parses with) by the shared decoder on every page, so a question page shows only
 * its own errors, and the check page sends nothing until every answer is right. POST-redirect-GET
 * throughout, and nothing needs JavaScript.
 *
 * Routes: GET and POST on the journey's path; `?page=<question id>`, `?page=check`,
 * `?page=done&created=<id>`.
 *
 * With `taskList`, the journey's path is GOV.UK's task list instead: each question is a task
 * with its status, done in any order, each returning to the list; "check your answers" is the
 * last task, open once every other is completed.
 */
export interface Question<Ctx> {
  id: string;
  /** The question, as the page's heading. */
  heading: string;
  /** Its name on the task list (`taskList` journeys). */
  task?: string;
  fields: FormFields;
  /**
   * An "add another" list: the array's path, one item's fields (relative), at most `max` items.
   * `first`: the index of the list's first item, where the items before it are asked by questions
   * of their own (a consortium's lead is its first member); 0 if not given.
   */
  list?: { path: string; item: FormFields; max: number; noun: string; describe: (item: PostedForm, ctx: Ctx) => string; first?: number };
  /**
   * The use case's own rules about this question's answers alone (weights adding up to 100, dates
   * in order), checked once they decode, so a refusal is shown where it is answered and not only
   * when the whole is sent. The use case checks them again.
   */
  verify?: (typed: PostedForm, ctx: Ctx) => FieldError[];
  /**
   * The inputs, given what was typed (with field names as posted) and the errors to show: `field`
   * are bound to them, `item` too, named as the list's next item's fields (`lots.2.`).
   */
  body: (p: { ctx: Ctx; typed: PostedForm; errors: FieldError[]; next: number; field: Inputs; item: Inputs }) => Child;
}

export interface Journey<S extends z.ZodMiniType, Ctx, C> {
  /** What the draft is kept under, for this journey and record (`new-pool:<consortiumId>`). */
  key: (params: Record<string, string>) => string;
  path: (params: Record<string, string>) => string;
  schema: S;
  title: string;
  /** Reads what the journey is about and checks the caller may make it: outsiders get not-found. */
  load: (req: PageRequest<C>) => Promise<Ctx>;
  chrome: (ctx: Ctx) => { section: Section; consortium?: ConsortiumRef; crumbs: Crumb[] };
  fixed?: (ctx: Ctx) => Record<string, unknown>;
  adapt?: (input: Record<string, unknown>) => Record<string, unknown>;
  questions: Question<Ctx>[];
  /** A task list at the journey's path: its heading is the title; `check` names the last task, sending the whole. */
  taskList?: { intro: (ctx: Ctx) => Child; check: string };
  check: { rows: (typed: PostedForm, ctx: Ctx) => { key: string; value: Child; question: string }[]; button: string; note?: string };
  /** Runs the use case; answers the created record's id. */
  submit: (ctx: Ctx, value: z.infer<S>) => Promise<string>;
  done: (ctx: Ctx, created: string) => { panel: string; body: Child };
}

/**
 * A journey's path, and the key its draft is kept under: the journey's name and the ids its path
 * names, in order (`new-pool:<consortiumId>`), so each record has a draft of its own and the two
 * cannot disagree about which record it is.
 */
export function journeyAt(name: string, path: (params: Record<string, string>) => string) {
  return {
    path,
    key: (params: Record<string, string>) => {
      const ids = new Set(Object.values(params));
      return [
        name,
        ...path(params)
          .split('/')
          .filter((segment) => ids.has(segment)),
      ].join(':');
    },
  };
}

/** How many items a list has, counting from its first (items before it belong to other questions). */
const countOf = (typed: PostedForm, path: string, first = 0) =>
  new Set(
    Object.keys(typed)
      .map((k) => new RegExp(`^${path}\\.(\\d+)\\.`).exec(k)?.[1])
      .filter((i) => i !== undefined && Number(i) >= first),
  ).size;

/** Every field the journey asks for, a list's items expanded for each one there is (and the next to be added). */
function allFields<Ctx, C>(j: Journey<z.ZodMiniType, Ctx, C>, typed: PostedForm, adding = false): FormFields {
  const out: FormFields = {};
  for (const q of j.questions) {
    Object.assign(out, q.fields);
    if (!q.list) continue;
    const from = q.list.first ?? 0;
    const n = countOf(typed, q.list.path, from) + (adding ? 1 : 0);
    for (let i = from; i < from + n; i++) for (const [rel, spec] of Object.entries(q.list.item)) out[`${q.list.path}.${i}.${rel}`] = spec;
  }
  return out;
}

/** The whole draft through the use case's schema: its value, or the errors of every field. */
const decodeAll = <Ctx, C>(j: Journey<z.ZodMiniType, Ctx, C>, typed: PostedForm, ctx: Ctx, adding = false) =>
  decodeForm(j.schema, allFields(j, typed, adding), typed, j.fixed?.(ctx) ?? {}, j.adapt);

/** Only the errors of some fields (a question's), from decoding the whole draft. */
function errorsOf(errors: FieldError[] | undefined, fields: FormFields, paths: string[]): FieldError[] {
  const ids = new Set(paths.flatMap((p) => [fieldId(p, fields[p] ?? { label: p }), ...postedNames(p, fields[p] ?? { label: p })]));
  // A date's error may be against any of its boxes (the month alone missing): each is the question's.
  return (errors ?? []).filter((e) => ids.has(e.field) || paths.some((p) => e.field === p));
}

const withoutItem = (typed: PostedForm, path: string, index: number): PostedForm => {
  const out: PostedForm = {};
  for (const [k, v] of Object.entries(typed)) {
    const m = new RegExp(`^${path}\\.(\\d+)\\.(.+)$`).exec(k);
    if (!m) out[k] = v;
    else if (Number(m[1]) !== index) out[`${path}.${Number(m[1]) > index ? Number(m[1]) - 1 : m[1]}.${m[2]}`] = v;
  }
  return out;
};

/** The answers a question posts (for a list: the item being added), as typed. */
function answersTo<Ctx>(q: Question<Ctx>, sent: PostedForm, typed: PostedForm, adding: boolean): PostedForm {
  const names = new Set(Object.entries(q.fields).flatMap(([p, s]) => postedNames(p, s)));
  const n = q.list ? (q.list.first ?? 0) + countOf(typed, q.list.path, q.list.first) : 0;
  // The new item's box is an answer only when the person asked to add it.
  const out = answersAmong(sent, names, q.list && adding ? `${q.list.path}.${n}.` : undefined);
  // A checkbox group sends nothing when none is ticked: that is an answer too.
  for (const [p, s] of Object.entries(q.fields)) if (s.as === 'checkboxes' && !((s.name ?? p) in out)) out[s.name ?? p] = [];
  // Radios left unchosen send nothing either: the item being added still has them, empty, so they are checked.
  if (q.list && adding)
    for (const [rel, s] of Object.entries(q.list.item))
      if (s.as !== 'date' && s.as !== 'datetime') out[`${q.list.path}.${n}.${s.name ?? rel}`] ??= '';
  return out;
}

/** The draft's note that a task's question was answered and left with "Continue" (a list may rightly be left empty). */
export const visited = (questionId: string) => `task:${questionId}`;

/**
 * Each task's status from the draft: not yet started (nothing typed, never continued), completed
 * (continued, and its answers decode), otherwise in progress. Checking is open once all are completed.
 */
function tasks<S extends z.ZodMiniType, Ctx, C>(j: Journey<S, Ctx, C>, ctx: Ctx, typed: PostedForm, at: (p: string) => string): Task[] {
  const errors = decodeAll(j, typed, ctx).errors;
  const fields = allFields(j, typed);
  const out: Task[] = j.questions.map((q) => {
    const own = [
      ...Object.keys(q.fields),
      ...(q.list ? [q.list.path, ...Object.keys(fields).filter((p) => p.startsWith(`${q.list?.path}.`))] : []),
    ];
    const typedAny = Object.keys(typed).some(
      (k) => own.some((p) => k === p || k.startsWith(`${p}-`)) || Boolean(q.list && k.startsWith(`${q.list.path}.`)),
    );
    const started = typed[visited(q.id)] === 'yes';
    const status = !started && !typedAny ? 'not-started' : started && !errorsOf(errors, fields, own).length ? 'completed' : 'in-progress';
    return { name: q.task ?? q.heading, href: at(q.id), status };
  });
  const ready = out.every((t) => t.status === 'completed');
  return [
    ...out,
    {
      name: j.taskList?.check ?? 'Check your answers',
      href: ready ? at('check') : undefined,
      status: ready ? 'not-started' : 'cannot-start',
    },
  ];
}

export function journeyPage<S extends z.ZodMiniType, Ctx, C>(j: Journey<S, Ctx, C>) {
  return async (req: PageRequest<C>): Promise<PageResult> => {
    const ctx = await j.load(req);
    const base = j.path(req.params);
    const draft = req.draft(j.key(req.params));
    const typed: DraftAnswers = (await draft.get()) ?? {};
    const page = req.method === 'POST' ? control(req.posted, 'page') : (req.query.page ?? '');
    const render = (title: string, body: Child, status = 200): PageResult => ({ title, body, status, ...j.chrome(ctx) });
    const at = (p: string) => `${base}?page=${encodeURIComponent(p)}`;
    if (page === 'done') return render(j.title, <Done {...j.done(ctx, req.query.created ?? '')} />);
    if (j.taskList && !page) {
      // The task list is links, not a form: a post to it is a form the page does not have.
      if (req.method === 'POST') throw new DomainError('validation', 'this page has no such form');
      return render(j.title, <TaskList title={j.title} intro={j.taskList.intro(ctx)} tasks={tasks(j, ctx, typed, at)} />);
    }
    if (page === 'check') {
      if (req.method !== 'POST') return checkPage(j, ctx, typed, req.csrf, render, at);
      const decoded = decodeAll(j, typed, ctx);
      if (decoded.errors) return checkPage(j, ctx, typed, req.csrf, render, at, decoded.errors);
      try {
        const created = await j.submit(ctx, decoded.value as z.infer<S>);
        await draft.clear();
        return { redirect: `${at('done')}&created=${encodeURIComponent(created)}` };
      } catch (error) {
        return checkPage(j, ctx, typed, req.csrf, render, at, refusal(error, allFields(j, typed), 'send'));
      }
    }
    // Every question's form names its page: a post naming none of them is a form the journey does not have.
    if (req.method === 'POST' && !j.questions.some((q) => q.id === page)) throw new DomainError('validation', 'this page has no such form');
    // No page named (the start link): the first question.
    const index = Math.max(
      0,
      j.questions.findIndex((q) => q.id === page),
    );
    const q = j.questions[index] as Question<Ctx>;
    const show = (shown: PostedForm, errors: FieldError[] = [], status = 200, listed?: number) =>
      render(
        `${errors.length ? 'Error: ' : ''}${q.heading}`,
        <QuestionView
          j={j}
          q={q}
          ctx={ctx}
          typed={shown}
          errors={errors}
          csrf={req.csrf}
          toCheck={req.query.return === 'check'}
          params={req.params}
          listed={listed}
        />,
        status,
      );
    if (req.method !== 'POST') return show(typed);
    return answer(j, q, ctx, req, typed, draft, show, at, index);
  };
}

async function answer<S extends z.ZodMiniType, Ctx, C>(
  j: Journey<S, Ctx, C>,
  q: Question<Ctx>,
  ctx: Ctx,
  req: PageRequest<C>,
  typed: DraftAnswers,
  draft: ReturnType<PageRequest<C>['draft']>,
  show: (t: PostedForm, e?: FieldError[], s?: number, listed?: number) => PageResult,
  at: (p: string) => string,
  index: number,
): Promise<PageResult> {
  const act = control(req.posted, 'do') || 'continue';
  if (q.list && act.startsWith('remove-')) {
    const removed = Number(act.slice('remove-'.length));
    // Items before the list's first are other questions' answers: not removable here.
    if (removed >= (q.list.first ?? 0)) await draft.put(withoutItem(typed, q.list.path, removed));
    return { redirect: at(q.id) };
  }
  const adding = Boolean(q.list && act === 'add');
  const next: DraftAnswers = { ...typed, ...answersTo(q, req.posted, typed, adding) };
  const n = q.list ? (q.list.first ?? 0) + countOf(typed, q.list.path, q.list.first) : 0;
  const paths = adding && q.list ? Object.keys(q.list.item).map((rel) => `${q.list?.path}.${n}.${rel}`) : Object.keys(q.fields);
  if (q.list && !adding) paths.push(q.list.path);
  const fields = allFields(j, next, false);
  const errors = errorsOf(decodeAll(j, next, ctx).errors, fields, paths);
  // An item that could not be added stays in its boxes, as typed, and not in the list so far.
  if (errors.length) return show(next, errors, 400, adding ? countOf(typed, q.list?.path ?? '', q.list?.first) : undefined);
  const broken = adding ? [] : (q.verify?.(next, ctx) ?? []);
  if (broken.length) return show(next, broken, 400);
  if (j.taskList && !adding) next[visited(q.id)] = 'yes';
  await draft.put(next);
  if (adding) return { redirect: at(q.id) };
  if (j.taskList && control(req.posted, 'return') !== 'check') return { redirect: j.path(req.params) };
  const following = j.questions[index + 1];
  return { redirect: control(req.posted, 'return') === 'check' || !following ? at('check') : at(following.id) };
}

function checkPage<S extends z.ZodMiniType, Ctx, C>(
  j: Journey<S, Ctx, C>,
  ctx: Ctx,
  typed: PostedForm,
  csrf: string,
  render: (t: string, b: Child, s?: number) => PageResult,
  at: (p: string) => string,
  refused: FieldError[] = [],
): PageResult {
  const unanswered = decodeAll(j, typed, ctx).errors ?? [];
  // Anything not yet answered (or now wrong) links back to the question that asks it.
  const questionOf = (field: string) =>
    j.questions.find(
      (q) => Object.entries(q.fields).some(([p, s]) => fieldId(p, s) === field) || (q.list && field.startsWith(q.list.path)),
    );
  const errors = [...unanswered, ...refused].map((e) => {
    const q = questionOf(e.field);
    return q ? { ...e, href: `${at(q.id)}&return=check#${e.field}` } : e;
  });
  const rows = j.check.rows(typed, ctx);
  const body = (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Check your answers before you {j.check.button.toLowerCase()}</h1>
      <SummaryList rows={rows.map((r) => [r.key, r.value, { href: `${at(r.question)}&return=check`, label: 'Change' }])} />
      {j.check.note && <p class="govuk-body">{j.check.note}</p>}
      <form method="post" id="send" novalidate>
        <Csrf token={csrf} />
        <input type="hidden" name="page" value="check" />
        <Button>{j.check.button}</Button>
      </form>
    </>
  );
  return render(`${errors.length ? 'Error: ' : ''}Check your answers`, body, errors.length ? 400 : 200);
}

function QuestionView<S extends z.ZodMiniType, Ctx, C>(p: {
  j: Journey<S, Ctx, C>;
  q: Question<Ctx>;
  ctx: Ctx;
  typed: PostedForm;
  errors: FieldError[];
  csrf: string;
  /** Came from "check your answers": going on returns there. */
  toCheck: boolean;
  params: Record<string, string>;
  /** How many items the list has, when what was typed also holds one that could not be added. */
  listed?: number | undefined;
}) {
  const { q } = p;
  const first = q.list?.first ?? 0;
  const count = q.list ? (p.listed ?? countOf(p.typed, q.list.path, first)) : 0;
  const next = first + count;
  const item = inputsFor(p.typed, p.errors, q.list ? `${q.list.path}.${next}.` : '');
  return (
    <>
      {p.j.taskList && (
        <a class="govuk-back-link" href={p.j.path(p.params)}>
          Back to the task list
        </a>
      )}
      <ErrorSummary errors={p.errors} />
      <span class="govuk-caption-l">{p.j.title}</span>
      <h1 class="govuk-heading-l">{q.heading}</h1>
      {q.list && count > 0 && <ListSoFar q={q} ctx={p.ctx} typed={p.typed} count={count} csrf={p.csrf} />}
      <form method="post" id={`${q.id}-form`} novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="page" value={q.id} />
        {p.toCheck && <input type="hidden" name="return" value="check" />}
        {q.body({ ctx: p.ctx, typed: p.typed, errors: p.errors, next, field: inputsFor(p.typed, p.errors), item })}
        <div class="govuk-button-group">
          {q.list && count < q.list.max && (
            <Button secondary name="do" value="add">
              Add {q.list.noun}
            </Button>
          )}
          <Button name="do" value="continue">
            Continue
          </Button>
        </div>
      </form>
    </>
  );
}

function ListSoFar<Ctx>(p: { q: Question<Ctx>; ctx: Ctx; typed: PostedForm; count: number; csrf: string }) {
  const list = p.q.list as NonNullable<Question<Ctx>['list']>;
  const item = (i: number) =>
    Object.fromEntries(Object.keys(list.item).map((rel) => [rel, p.typed[`${list.path}.${i}.${rel}`] ?? ''])) as PostedForm;
  return (
    <form method="post" novalidate>
      <Csrf token={p.csrf} />
      <input type="hidden" name="page" value={p.q.id} />
      <dl class="govuk-summary-list">
        {Array.from({ length: p.count }, (_, k) => (list.first ?? 0) + k).map((i) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{list.describe(item(i), p.ctx)}</dt>
            <dd class="govuk-summary-list__actions">
              <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" name="do" value={`remove-${i}`}>
                Remove<span class="govuk-visually-hidden"> {list.describe(item(i), p.ctx)}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </form>
  );
}

function Done(p: { panel: string; body: Child }) {
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">{p.panel}</h1>
      </div>
      <h2 class="govuk-heading-m">What happens next</h2>
      {p.body}
    </>
  );
}
