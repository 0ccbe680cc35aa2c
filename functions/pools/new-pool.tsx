import { actingOrg, loadConsortium, requireActive } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { poolsTable } from '../../shared/pools/aws';
import { createPool } from '../../shared/pools/pools';
import { lengthHint } from '../lib/web/form';
import { Textarea, TextInput } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import { consortiumCrumbs } from '../lib/web/navigation';
import type { PageRequest } from '../lib/web/page-route';
import { newPool } from './schemas';

/**
 * Creating a pool from the browser (issue 24): what it is for, then its lots one at a time
 * ("add another"), check your answers, and a confirmation that says what comes next. The input
 * is the JSON route's own (`newPool`); a lot's id is made from its name, as a person does not
 * type ids.
 */
type Ctx = Awaited<ReturnType<typeof loadConsortium>> & { caller: Caller };

/** `North Wyvern` → `north-wyvern`; unique within the pool (`north-wyvern-2`), and never empty. */
export function lotIds(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const base =
      name
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 36) || `lot-${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

const lotsOf = (input: Record<string, unknown>) => (input.lots as { name?: string }[] | undefined) ?? [];

export const newPoolJourney: Journey<typeof newPool, Ctx, Caller> = {
  ...journeyAt('new-pool', (p) => `/app/consortia/${p.consortiumId}/pools/new`),
  schema: newPool,
  title: 'Create a pool',
  load: async (req: PageRequest<Caller>) => {
    const caller = req.caller;
    const consortium = await loadConsortium(poolsTable, req.params.consortiumId ?? '');
    // Outsiders get the not-found a made-up id gets; a member without the role, the same page (forbidden is not said).
    actingOrg(caller, consortium, ['lead'], 'admin');
    requireActive(consortium);
    return Object.assign(consortium, { caller });
  },
  chrome: (c) => ({ section: 'pools', consortium: c, crumbs: consortiumCrumbs(c, 'pools') }),
  adapt: (input) => {
    const lots = lotsOf(input);
    const ids = lotIds(lots.map((l) => l.name ?? ''));
    return { ...input, lots: lots.map((l, i) => ({ ...l, id: ids[i] })) };
  },
  questions: [
    {
      id: 'about',
      heading: 'What is the pool for?',
      fields: {
        name: { label: 'Name of the pool', missing: 'Enter the name of the pool' },
        purpose: { label: 'What the pool pays for', missing: 'Enter what the pool pays for' },
      },
      body: ({ typed, errors }) => (
        <>
          <TextInput
            name="name"
            label="Name of the pool"
            value={String(typed.name ?? '')}
            errors={errors}
            hint={lengthHint(newPool.shape.name)}
          />
          <Textarea
            name="purpose"
            label="What the pool pays for"
            hint={`Funders and providers see this on every statement. ${lengthHint(newPool.shape.purpose)}`}
            value={String(typed.purpose ?? '')}
            errors={errors}
          />
        </>
      ),
    },
    {
      id: 'lots',
      heading: 'What lots does the pool have?',
      fields: {},
      list: {
        path: 'lots',
        item: { name: { label: 'Lot name', missing: 'Enter the name of the lot' } },
        max: 50,
        noun: 'lot',
        describe: (l) => String(l.name ?? ''),
      },
      body: ({ typed, errors, next }) => (
        <>
          <p class="govuk-body">
            Lots are the places or kinds of support a funder can restrict its money to. Add each one, or continue without any: money is then
            for the whole pool.
          </p>
          <TextInput
            name={`lots.${next}.name`}
            label="Lot name"
            hint={`For example, North Wyvern or Volunteering. ${lengthHint(newPool.shape.name)}`}
            value={String(typed[`lots.${next}.name`] ?? '')}
            errors={errors}
          />
        </>
      ),
    },
  ],
  check: {
    rows: (typed) => {
      const lots = Object.keys(typed)
        .map((k) => /^lots\.(\d+)\.name$/.exec(k))
        .filter((m): m is RegExpExecArray => m !== null)
        .sort((a, b) => Number(a[1]) - Number(b[1]))
        .map((m) => String(typed[m[0]]));
      return [
        { key: 'Name', value: String(typed.name ?? ''), question: 'about' },
        { key: 'What it pays for', value: String(typed.purpose ?? ''), question: 'about' },
        { key: 'Lots', value: lots.length ? lots.join(', ') : 'None: money is for the whole pool', question: 'lots' },
      ];
    },
    button: 'Create the pool',
  },
  submit: async (c, value) => (await createPool(poolsTable, c.caller, c.id, value)).id,
  done: (c, poolId) => ({
    panel: 'Pool created',
    body: (
      <>
        <p class="govuk-body">
          The pool is open in {c.name}. Next, record each funder's pledge, then the money as it is received: the pool shows what it holds
          and for whom.
        </p>
        <GoTo href={`/app/pools/${encodeURIComponent(poolId)}`}>Go to the pool</GoTo>
      </>
    ),
  }),
};

export const newPoolPage = journeyPage(newPoolJourney);
