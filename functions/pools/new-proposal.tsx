import { actingOrg } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { poolsTable } from '../../shared/pools/aws';
import { loadPool } from '../../shared/pools/pools';
import { addProposal, load as loadRound } from '../../shared/pools/rounds';
import { lengthHint } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import { GoTo, inputsFor, type Typed } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import { ListedOrNew } from '../lib/web/listed-or-new';
import { consortiumCrumbs } from '../lib/web/navigation';
import type { PageRequest } from '../lib/web/page-route';
import { grantQuestions, grantRows, withoutNoLot } from './grant-questions';
import { providers } from './journey-parts';
import { newRecipient, proposalRequest } from './schemas';

/**
 * Adding a proposal to an open round (issue 24), by the officers of the lead and member funders
 * (addProposal's rule): who would receive the grant (a provider on grantloop, or one added on
 * the way: its name, org-id and contact email), what it is for, how much, for how long and in
 * which lot; check your answers; confirmation offering another. The input is the JSON route's
 * own (`proposalRequest`); its optional purpose tag, planned start, beneficiaries and 360Giving
 * regrant type are left to the API.
 */
type Ctx = Awaited<ReturnType<typeof loadRound>> & {
  caller: Caller;
  pool: Awaited<ReturnType<typeof loadPool>>;
  providers: { id: string; name: string }[];
};

/** The radio for a recipient not on grantloop: its details are asked beside it. */
const NEW = 'new';

/**
 * A new recipient's details count only when "not listed" is chosen (without JavaScript they are
 * always on the page); chosen with nothing typed, each is asked for.
 */
function adapt(input: Record<string, unknown>): Record<string, unknown> {
  const out = withoutNoLot(input);
  if (out.recipientOrgId === NEW) return { ...out, recipientOrgId: undefined, newRecipient: out.newRecipient ?? {} };
  if (out.recipientOrgId) return { ...out, newRecipient: undefined };
  return out;
}

export const newProposalJourney: Journey<typeof proposalRequest, Ctx, Caller> = {
  ...journeyAt('new-proposal', (p) => `/app/rounds/${p.roundId}/proposals/new`),
  schema: proposalRequest,
  title: 'Add a proposal',
  load: async (req: PageRequest<Caller>) => {
    const roundId = req.params.roundId ?? '';
    const found = await loadRound(poolsTable, roundId);
    // The lead's and members' officers; anyone else gets the not-found page.
    actingOrg(req.caller, found.consortium, ['lead', 'member'], 'officer', { what: 'round', id: roundId });
    const [pool, listed] = await Promise.all([loadPool(poolsTable, found.round.poolId), providers()]);
    return { ...found, caller: req.caller, pool, providers: listed };
  },
  chrome: (c) => ({
    section: 'rounds',
    consortium: c.consortium,
    crumbs: [...consortiumCrumbs(c.consortium, 'rounds'), { href: `/app/rounds/${c.round.id}`, label: c.round.name }],
  }),
  fixed: () => ({ currency: 'GBP' }),
  adapt,
  questions: [
    {
      id: 'recipient',
      heading: 'Who would receive the grant?',
      fields: {
        recipientOrgId: { label: 'Recipient', as: 'choice', missing: 'Select the organisation that would receive the grant' },
        'newRecipient.name': { label: "Recipient's name", optional: true, missing: "Enter the recipient's name" },
        'newRecipient.identifier': { label: "Recipient's org-id", optional: true, missing: "Enter the recipient's org-id" },
        'newRecipient.contactEmail': { label: "Recipient's contact email", optional: true, missing: "Enter the recipient's contact email" },
      },
      body: ({ ctx, typed, errors }) => (
        <>
          {ctx.round.status !== 'open' && (
            <div class="govuk-inset-text" id="round-closed">
              {ctx.round.name} is closed: proposals can only be added while the round is open.
            </div>
          )}
          <RecipientRadios providers={ctx.providers} typed={typed} errors={errors} />
        </>
      ),
    },
    ...grantQuestions,
  ],
  check: {
    rows: (typed, ctx) => [
      {
        key: 'Recipient',
        value:
          typed.recipientOrgId === NEW
            ? `${typed['newRecipient.name'] ?? ''} (${typed['newRecipient.identifier'] ?? ''}, ${typed['newRecipient.contactEmail'] ?? ''}): added to grantloop as a provider`
            : (ctx.providers.find((p) => p.id === typed.recipientOrgId)?.name ?? ''),
        question: 'recipient',
      },
      ...grantRows(typed, ctx),
    ],
    button: 'Add the proposal',
  },
  submit: async (c, { currency: _gbp, ...request }) => (await addProposal(poolsTable, c.caller, c.round.id, request)).id,
  done: (c) => ({
    panel: 'Proposal added',
    body: (
      <>
        <p class="govuk-body">
          The proposal is in {c.round.name}. When the lead closes the round, every voting member of {c.consortium.name} is emailed and asked
          to approve or reject the proposals. No one is emailed yet.
        </p>
        <GoTo href={`/app/rounds/${encodeURIComponent(c.round.id)}/proposals/new`}>Add another proposal</GoTo>
        <GoTo href={`/app/rounds/${encodeURIComponent(c.round.id)}`}>Go to the round</GoTo>
      </>
    ),
  }),
};

export const newProposalPage = journeyPage(newProposalJourney);

/** The recipient: a provider on grantloop, or one added on the way (its name, org-id and contact email). */
function RecipientRadios(p: { providers: { id: string; name: string }[]; typed: Typed; errors: FieldError[] }) {
  const field = inputsFor(p.typed, p.errors);
  return (
    <ListedOrNew
      name="recipientOrgId"
      legend="Recipient"
      legendSize="m"
      hint="Providers on grantloop, or one to add."
      listed={p.providers}
      notListed={{ value: NEW, label: 'The recipient is not listed', revealId: 'conditional-recipient-new' }}
      chosen={String(p.typed.recipientOrgId ?? '')}
      errors={p.errors}
    >
      <field.Text name="newRecipient.name" label="Recipient's name" hint={lengthHint(newRecipient.shape.name)} />
      <field.Text
        name="newRecipient.identifier"
        label="Recipient's org-id"
        hint="Its charity, company or other register number with its org-id.guide prefix, for example GB-CHC-1066001 or GB-COH-09876543."
      />
      <field.Text
        name="newRecipient.contactEmail"
        label="Recipient's contact email"
        hint="Grantloop writes to the recipient here, for example to ask for its reports."
      />
    </ListedOrNew>
  );
}
