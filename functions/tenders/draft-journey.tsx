import type { Caller } from '../../shared/consortia/caller';
import { readPool } from '../../shared/pools/dynamodb-pool-reader';
import { tendersTable } from '../../shared/tenders/aws';
import { draftTender, editDraftTender } from '../../shared/tenders/drafting';
import { itemsOf } from '../grants/journey-parts';
import type { PostedForm } from '../lib/web/form';
import { Lines } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import type { Journey } from '../lib/web/journey';
import { consortiumCrumbs } from '../lib/web/navigation';
import { typedPounds } from '../lib/web/typed';
import { lotIds } from '../pools/new-pool';
import type { DraftCtx } from './draft-context';
import { fundingQuestion } from './draft-funding';
import { advertising, authorityTypes, criterionKinds, labelOf, procedures, serviceKinds, typedMoment } from './draft-parts';
import { aboutQuestion, documentsQuestion, lotsQuestion, panelQuestion, procedureQuestion } from './draft-questions';
import { criteriaQuestion, datesQuestion, keyDates } from './draft-rules';
import { newTender } from './schemas';

/**
 * Drafting a joint tender from the browser (issue 25), as GOV.UK's task list: title and
 * description, regime and procedure, lots one at a time, criteria and weights, key dates on the
 * London clock, documents as links, each member's contribution from the pool, the evaluation
 * panel; then check and create. The whole draft is decoded through the JSON route's schema
 * (`newTender`) and sent to its use case (`draftTender`); the same task list, filled in from the
 * tender, changes a draft (`editDraftTender`, PUT /tenders/{tenderId}) after a refused sign-off.
 */
const deps = { ...tendersTable, pools: { getPool: readPool } };

const choice = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : v);
const items = (input: Record<string, unknown>, key: string) => (input[key] as Record<string, unknown>[] | undefined) ?? [];

/**
 * What a person does not type: ids made from titles, yes/no as true/false, each contribution's
 * member from the box it was typed in, members left blank (or at nothing) as not funding.
 */
const adaptFor =
  (ctx: Pick<DraftCtx, 'funders'>) =>
  (input: Record<string, unknown>): Record<string, unknown> => {
    const lots = items(input, 'lots');
    const criteria = items(input, 'criteria');
    const lotId = lotIds(lots.map((l) => String(l.title ?? '')));
    const criterionId = lotIds(criteria.map((c) => String(c.title ?? '')));
    return {
      ...input,
      lightTouch: choice(input.lightTouch),
      advertised: choice(input.advertised),
      lots: lots.map((l, i) => ({ ...l, id: lotId[i] })),
      criteria: criteria.map((c, i) => ({ ...c, id: criterionId[i] })),
      funders: Array.from(items(input, 'funders'), (f, i) => ({ orgId: ctx.funders[i]?.orgId, amount: f?.amount })).filter(
        (f) => typeof f.amount === 'number' && f.amount > 0,
      ),
    };
  };

type Mode = 'new' | 'edit';

/** The journey for this consortium's voting members (one contribution box each). */
export function tenderJourney(ctx: DraftCtx, mode: Mode, clock: () => Date = () => tendersTable.clock.now()) {
  const adapt = adaptFor(ctx);
  const questions = [
    aboutQuestion,
    procedureQuestion,
    lotsQuestion,
    criteriaQuestion(adapt),
    datesQuestion(clock),
    documentsQuestion,
    fundingQuestion(ctx),
    panelQuestion,
  ];
  const journey: Journey<typeof newTender, DraftCtx, Caller> = {
    // A change is kept per version of the tender: if the tender changes meanwhile (the API), the task list starts again from it.
    key: (p) => (mode === 'new' ? `new-tender:${p.consortiumId}` : `edit-tender:${p.tenderId}:${ctx.tender?.version}`),
    path: (p) =>
      mode === 'new' ? `/app/consortia/${p.consortiumId}/tenders/new` : `/app/tenders/${encodeURIComponent(p.tenderId ?? '')}/edit`,
    schema: newTender,
    title: mode === 'new' ? 'Draft a tender' : 'Change the draft tender',
    load: async () => ctx,
    chrome: (c) => ({
      section: 'tenders',
      consortium: c.consortium,
      crumbs: [
        ...consortiumCrumbs(c.consortium, 'tenders'),
        ...(c.tender ? [{ href: `/app/tenders/${encodeURIComponent(c.tender.id)}`, label: c.tender.title }] : []),
      ],
    }),
    // A purpose the API set (restricted pool money the tender may use) is kept when the page changes the draft.
    fixed: (c) => (c.tender?.purpose ? { purpose: c.tender.purpose } : {}),
    adapt,
    questions,
    taskList: {
      check: mode === 'new' ? 'Check and create the draft' : 'Check and save the draft',
      intro: (c) => (
        <p class="govuk-body">
          {c.tender
            ? `Change what the funders asked about, then save. The draft is not sent again until you send it for sign-off from its page.`
            : `A joint tender of ${c.consortium.name}, funded from its pool. Do the tasks in any order. Nothing is sent to the funders until you create the draft and then send it for sign-off.`}
        </p>
      ),
    },
    check: {
      rows: (typed, c) => checkRows(typed, c),
      button: mode === 'new' ? 'Create the draft' : 'Save the draft',
      note:
        mode === 'new'
          ? 'The draft is saved for the consortium. Only the lead sees it change until it is sent for sign-off.'
          : 'Saving replaces the draft. Send it for sign-off again from its page when it is ready.',
    },
    submit: async (c, value) =>
      mode === 'new'
        ? (await draftTender(deps, c.caller, c.consortium.id, value)).id
        : (await editDraftTender(deps, c.caller, c.tender?.id ?? '', value)).id,
    done: (c, created) => ({
      panel: mode === 'new' ? 'Draft tender created' : 'Draft tender saved',
      body: <Drafted c={c} tenderId={created} />,
    }),
  };
  return journey;
}

function checkRows(typed: PostedForm, c: DraftCtx) {
  const yesNo = (options: typeof serviceKinds, v: unknown) => labelOf(options, v);
  const total = itemsOf(typed, 'criteria').reduce((a, x) => a + (Number(x.weight) || 0), 0);
  const panel = (Array.isArray(typed.panel) ? typed.panel : typed.panel ? [typed.panel] : []) as string[];
  return [
    { key: 'Title', value: String(typed.title ?? ''), question: 'about' },
    { key: 'Description', value: String(typed.description ?? ''), question: 'about' },
    {
      key: 'Regime and procedure',
      value: (
        <Lines
          none=""
          items={[
            labelOf(procedures, typed.procedure),
            yesNo(serviceKinds, typed.lightTouch),
            `${labelOf(authorityTypes, typed.authorityType)} authority`,
            yesNo(advertising, typed.advertised),
            ...(typed.voluntaryStandstillDays ? [`Voluntary standstill of ${typed.voluntaryStandstillDays} working days`] : []),
            `Each contract runs ${typed.contractMonths || 36} months`,
          ]}
        />
      ),
      question: 'procedure',
    },
    {
      key: 'Lots',
      value: (
        <Lines
          items={itemsOf(typed, 'lots').map((l) => `${l.title ?? ''}: ${typedPounds(l.value)} (${l['scope.label'] ?? ''})`)}
          none="None yet"
        />
      ),
      question: 'lots',
    },
    {
      key: 'Criteria',
      value: (
        <Lines
          items={[
            ...itemsOf(typed, 'criteria').map(
              (x) => `${x.title ?? ''}: ${labelOf(criterionKinds, x.kind).toLowerCase()}, ${x.weight ?? ''}%`,
            ),
            `Total ${total}% for each lot`,
          ]}
          none="None yet"
        />
      ),
      question: 'criteria',
    },
    {
      key: 'Key dates',
      value: <Lines items={keyDates.map((d) => `${d.label}: ${typedMoment(typed, `dates.${d.key}`)}`)} none="" />,
      question: 'dates',
    },
    {
      key: 'Documents',
      value: <Lines items={itemsOf(typed, 'documents').map((d) => `${d.title ?? ''}: ${d.url ?? ''}`)} none="None" />,
      question: 'documents',
    },
    { key: 'Pool', value: c.pools.find((p) => p.id === typed.poolId)?.name ?? '', question: 'funding' },
    {
      key: 'Contributions',
      value: (
        <Lines
          items={c.funders.flatMap((f, i) => {
            const typedAmount = typed[`funders.${i}.amount`];
            return typedAmount ? [`${f.name}: ${typedPounds(typedAmount)}`] : [];
          })}
          none="None yet"
        />
      ),
      question: 'funding',
    },
    {
      key: 'Evaluation panel',
      value: <Lines items={c.staff.filter((s) => panel.includes(s.userId)).map((s) => `${s.name}, ${s.orgName}`)} none="None yet" />,
      question: 'panel',
    },
  ];
}

/** What happens next: nothing is sent until the lead sends the draft for sign-off from its page. */
function Drafted({ c, tenderId }: { c: DraftCtx; tenderId: string }) {
  return (
    <>
      <p class="govuk-body">
        Nothing has been sent yet. On the tender's page, check the draft and send it for sign-off: each funder is emailed and asked to
        approve the specification and its contribution within 10 days. A refusal brings it back to you as a draft to change.
      </p>
      <p class="govuk-body">
        The contributions are reserved in {c.consortium.name}'s pool only once every funder has signed off and the tender is published.
      </p>
      <GoTo href={`/app/tenders/${encodeURIComponent(tenderId)}`}>Go to the tender</GoTo>
    </>
  );
}

/** The task list's question ids (every task completed, when a draft is filled in from its tender). */
export const questionIds = (ctx: DraftCtx) => tenderJourney(ctx, 'new').questions.map((q) => q.id);
