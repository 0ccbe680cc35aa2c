import { consortiaTable } from '../../shared/consortia/aws';
import type { Caller } from '../../shared/consortia/caller';
import { createConsortium, getConsortium } from '../../shared/consortia/consortia';
import { DEFAULT_QUORUM_PERCENT } from '../../shared/consortia/consortium';
import { CONFIRMATION_WINDOW_DAYS, LEAD_REMINDER_AFTER_DAYS } from '../../shared/consortia/invitation';
import type { Organisation } from '../../shared/consortia/organisation';
import { proposalChoices } from '../../shared/consortia/proposing';
import { dayInWords, listInWords } from '../../shared/platform/format';
import { lengthHint, type PostedForm } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import { asOption, GoTo, type Inputs } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest } from '../lib/web/page-route';
import { newConsortium } from './schemas';

/**
 * Proposing a consortium from the browser (issue 24): its name and place and which of the
 * caller's funders leads it, the other funders one at a time with their roles ("add another"),
 * the quorum, check your answers, and a confirmation naming who is emailed. The input is the
 * JSON route's own (`newConsortium`): the lead is its first member (`members.0`), asked on the
 * first page, and the list adds the rest from `members.1`, so every error the schema or the
 * domain gives lands on the field that was typed.
 */
type Ctx = Awaited<ReturnType<typeof proposalChoices>> & {
  caller: Caller;
  /** On the confirmation: the consortium just proposed, with its members' names. */
  proposed?: Awaited<ReturnType<typeof getConsortium>>;
};

/** The roles a member other than the lead may have, in words, with what each may do. */
const roles = [
  { value: 'member', label: 'Member', hint: "Pledges money to the consortium's pools and votes on its rounds and tender awards." },
  { value: 'observer', label: 'Observer', hint: "Sees the consortium's pools, rounds and grants, but does not pledge or vote." },
];
const s = newConsortium.shape;
const roleWords: Record<string, string> = { lead: 'lead', member: 'member', observer: 'observer' };

const nameOf = (c: Ctx, orgId: unknown) => c.funders.find((o) => o.id === orgId)?.name ?? String(orgId ?? '');
/** The lead as typed, or the only organisation the caller may commit to leading. */
const leadOf = (typed: PostedForm, c: Ctx) => (c.leads.length === 1 ? c.leads[0]?.id : String(typed['members.0.orgId'] ?? ''));
const listed = (typed: PostedForm) =>
  Object.keys(typed)
    .map((k) => /^members\.(\d+)\.orgId$/.exec(k)?.[1])
    .filter((i): i is string => i !== undefined && i !== '0')
    .sort((a, b) => Number(a) - Number(b))
    .map((i) => ({ orgId: String(typed[`members.${i}.orgId`] ?? ''), role: String(typed[`members.${i}.role`] ?? '') }));

const describe = (item: PostedForm, c: Ctx) => `${nameOf(c, item.orgId)} (${roleWords[String(item.role)] ?? 'no role chosen'})`;

function LeadQuestion({ ctx, field }: { ctx: Ctx; field: Inputs }) {
  const only = ctx.leads.length === 1 ? ctx.leads[0] : undefined;
  if (only)
    return (
      <div class="govuk-inset-text">
        {only.name} will lead the consortium: you are its admin. The lead confirms the consortium once the invitations are out, and runs its
        pools and rounds.
      </div>
    );
  return (
    <field.Choice
      name="members.0.orgId"
      legend="Which organisation will lead it?"
      hint="The lead confirms the consortium once the invitations are out, and runs its pools and rounds. You can choose a funder you are an admin of."
      options={ctx.leads.map(asOption)}
    />
  );
}

function MemberQuestion({ ctx, typed, errors, item }: { ctx: Ctx; typed: PostedForm; errors: FieldError[]; item: Inputs }) {
  const taken = new Set([leadOf(typed, ctx), ...listed(typed).map((m) => m.orgId)]);
  const choices = ctx.funders.filter((o) => !taken.has(o.id));
  const error = errors.find((e) => e.field === 'members');
  return (
    <>
      <div id="members" class={error ? 'govuk-form-group govuk-form-group--error' : undefined}>
        <p class="govuk-body">
          Add each funder that will pool money with {nameOf(ctx, leadOf(typed, ctx)) || 'the lead'}, one at a time. Only funders can be
          members; each is emailed an invitation.
        </p>
        {error && (
          <p id="members-error" class="govuk-error-message">
            <span class="govuk-visually-hidden">Error:</span> {error.message}
          </p>
        )}
      </div>
      {choices.length === 0 ? (
        <p class="govuk-body">Every other funder in grantloop is already listed. A platform administrator adds new organisations.</p>
      ) : (
        <>
          <item.Choice name="orgId" legend="Organisation to add" options={choices.map(asOption)} />
          <item.Choice name="role" legend="Its role" options={roles} />
        </>
      )}
    </>
  );
}

export const newConsortiumJourney: Journey<typeof newConsortium, Ctx, Caller> = {
  ...journeyAt('new-consortium', () => '/app/consortia/new'),
  schema: newConsortium,
  title: 'Propose a consortium',
  load: async (req: PageRequest<Caller>) => {
    const choices = await proposalChoices(consortiaTable, req.caller);
    const created = req.query.page === 'done' ? req.query.created : undefined;
    // The confirmation reads what was made, through the use case the API reads it with: someone else's is not found.
    const proposed = created ? await getConsortium(consortiaTable, req.caller, created) : undefined;
    return { ...choices, caller: req.caller, ...(proposed ? { proposed } : {}) };
  },
  chrome: () => ({ section: 'home', crumbs: [{ href: '/app', label: 'What needs me' }] }),
  // The lead is the first member; one the caller cannot choose (they lead for one funder only) is not asked.
  fixed: (c) => ({ 'members.0.role': 'lead', ...(c.leads.length === 1 ? { 'members.0.orgId': c.leads[0]?.id } : {}) }),
  questions: [
    {
      id: 'about',
      heading: 'About the consortium',
      fields: {
        name: { label: 'Name of the consortium', missing: 'Enter the name of the consortium' },
        place: { label: 'Place it serves', missing: 'Enter the place the consortium serves' },
        'members.0.orgId': { label: 'Lead organisation', as: 'choice', missing: 'Select the organisation that will lead it' },
      },
      body: ({ ctx, field }) => (
        <>
          <field.Text name="name" label="Name of the consortium" hint={`For example, Wyvernshire Community Fund. ${lengthHint(s.name)}`} />
          <field.Text
            name="place"
            label="Place it serves"
            hint={`The county, city or area, as members will recognise it. ${lengthHint(s.place)}`}
          />
          <LeadQuestion ctx={ctx} field={field} />
        </>
      ),
    },
    {
      id: 'members',
      heading: 'Which other funders are members?',
      fields: { members: { label: 'Members', as: 'list', missing: 'Add at least one other funder as a member or observer' } },
      list: {
        path: 'members',
        first: 1,
        item: {
          orgId: { label: 'Organisation to add', as: 'choice', missing: 'Select the organisation to add' },
          role: { label: 'Its role', as: 'choice', missing: 'Select its role' },
        },
        max: 49,
        noun: 'this organisation',
        describe,
      },
      body: (p) => <MemberQuestion {...p} />,
    },
    {
      id: 'quorum',
      heading: 'What quorum do votes need?',
      fields: { quorumPercent: { label: 'Quorum', as: 'whole', optional: true } },
      body: ({ field }) => (
        <field.Whole
          name="quorumPercent"
          label="Quorum"
          hint={`As a percentage: a round's grants, or a tender's award, are approved when the funders who vote yes hold this share of the money paid into the pool. A whole number from 1 to 100. Leave it blank for ${DEFAULT_QUORUM_PERCENT}%.`}
          width="3"
        />
      ),
    },
  ],
  check: {
    rows: (typed, c) => {
      const others = listed(typed);
      const quorum = String(typed.quorumPercent ?? '').trim();
      return [
        { key: 'Name', value: String(typed.name ?? ''), question: 'about' },
        { key: 'Place it serves', value: String(typed.place ?? ''), question: 'about' },
        { key: 'Lead', value: nameOf(c, leadOf(typed, c)), question: 'about' },
        {
          key: 'Other members',
          value: others.length ? (
            <ul class="govuk-list">
              {others.map((m) => (
                <li>{describe(m, c)}</li>
              ))}
            </ul>
          ) : (
            'None yet'
          ),
          question: 'members',
        },
        { key: 'Quorum', value: quorum ? `${quorum}%` : `${DEFAULT_QUORUM_PERCENT}% (the default)`, question: 'quorum' },
      ];
    },
    button: 'Propose the consortium',
    note: `When you propose it, each organisation is emailed an invitation. The consortium starts once its lead confirms it, within ${CONFIRMATION_WINDOW_DAYS} days.`,
  },
  submit: async (c, value) => (await createConsortium(consortiaTable, c.caller, value)).id,
  done: (c) => ({ panel: 'Consortium proposed', body: c.proposed ? <Proposed c={c} proposed={c.proposed} /> : null }),
};

/** What happens next, from the consortium as it was saved: who is emailed where, who confirms and by when. */
function Proposed({ c, proposed }: { c: Ctx; proposed: NonNullable<Ctx['proposed']> }) {
  const org = (id: string) => c.funders.find((o) => o.id === id) as Organisation | undefined;
  const lead = org(proposed.leadOrgId);
  const confirmBy = new Date(new Date(proposed.createdAt).getTime() + CONFIRMATION_WINDOW_DAYS * 86400_000);
  // The lead first, then the rest by name (the store keeps members in no particular order).
  const members = [...proposed.members].sort(
    (a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || (a.name ?? '').localeCompare(b.name ?? ''),
  );
  const others = members.filter((m) => m.role !== 'lead').map((m) => m.name ?? m.orgId);
  return (
    <>
      <p class="govuk-body">
        {proposed.name} ({proposed.place}) is proposed. An invitation is emailed to the contact address of each organisation:
      </p>
      <ul class="govuk-list govuk-list--bullet">
        {members.map((m) => (
          <li>
            {m.name} ({roleWords[m.role]}), at {org(m.orgId)?.contactEmail ?? 'its contact address'}
          </li>
        ))}
      </ul>
      <p class="govuk-body">
        {lead?.name}'s email asks it to confirm the consortium. Nothing can be funded until an admin of {lead?.name} confirms it on the
        consortium's page, by {dayInWords(confirmBy)}: it is reminded after {LEAD_REMINDER_AFTER_DAYS} days, and if nobody confirms it the
        proposal lapses. {listInWords(others)} {others.length === 1 ? 'has' : 'have'} nothing to do now, and everyone is emailed again when
        it starts.
      </p>
      <GoTo href={`/app/consortia/${encodeURIComponent(proposed.id)}`}>Go to the consortium</GoTo>
    </>
  );
}

export const newConsortiumPage = journeyPage(newConsortiumJourney);
