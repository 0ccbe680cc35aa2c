import { consortiaTable } from '../../shared/consortia/aws';
import type { Caller } from '../../shared/consortia/caller';
import { type MemberRole, memberRoles, type Organisation, roleHints, roleNames } from '../../shared/consortia/organisation';
import { addMember } from '../../shared/consortia/organisations';
import { organisationToManage } from '../../shared/consortia/staff';
import { lengthHint } from '../lib/web/form';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest } from '../lib/web/page-route';
import { organisationsCrumbs } from './organisations-page';
import { newMember } from './schemas';

/**
 * Adding a member of staff (issue 24), for an organisation's admins and the platform admin: who
 * they are and their role on one question page, check your answers, confirmation. The input is
 * the JSON route's own (`newMember`), sent through the same use case as POST
 * /organisations/{orgId}/members: someone already on the staff is given the new role, and the
 * organisation's last admin cannot be demoted this way either.
 */
type Ctx = { caller: Caller; org: Organisation };

const roleOptions = memberRoles.map((r) => ({ value: r, label: roleNames[r], hint: roleHints[r] }));

export const newMemberJourney: Journey<typeof newMember, Ctx, Caller> = {
  ...journeyAt('new-member', (p) => `/app/organisations/${p.orgId}/members/new`),
  schema: newMember,
  title: 'Add a member of staff',
  load: async (req: PageRequest<Caller>) => ({
    caller: req.caller,
    // Anyone but its admins and the platform admin gets the not-found page (pages never say forbidden).
    org: await organisationToManage(consortiaTable, req.caller, req.params.orgId ?? ''),
  }),
  chrome: (c) => ({
    section: 'organisations',
    crumbs: [...organisationsCrumbs, { href: `/app/organisations/${c.org.id}`, label: c.org.name }],
  }),
  questions: [
    {
      id: 'person',
      heading: 'Who is joining the staff?',
      fields: {
        name: { label: 'Full name', missing: 'Enter their full name' },
        email: { label: 'Email address', missing: 'Enter their email address' },
        role: { label: 'Role', as: 'choice', missing: 'Select their role' },
      },
      body: ({ ctx, field }) => (
        <>
          <field.Text name="name" label="Full name" autocomplete="off" hint={lengthHint(newMember.shape.name)} />
          <field.Text
            name="email"
            label="Email address"
            hint={`They sign in with it. ${lengthHint(newMember.shape.email)}`}
            type="email"
            autocomplete="off"
          />
          <field.Choice name="role" legend={`Role at ${ctx.org.name}`} options={roleOptions} />
        </>
      ),
    },
  ],
  check: {
    rows: (typed) => [
      { key: 'Full name', value: String(typed.name ?? ''), question: 'person' },
      { key: 'Email address', value: String(typed.email ?? ''), question: 'person' },
      { key: 'Role', value: roleNames[typed.role as MemberRole] ?? '', question: 'person' },
    ],
    button: 'Add them to the staff',
  },
  submit: async (c, value) => (await addMember(consortiaTable, c.caller, c.org.id, value)).user.id,
  done: (c, userId) => ({
    panel: 'Member of staff added',
    body: (
      <>
        <p class="govuk-body">
          They can now sign in with their email address and act for {c.org.name} with their role. Nobody has been emailed: tell them they
          have been added.
        </p>
        <GoTo href={`/app/organisations/${encodeURIComponent(c.org.id)}?done=added&user=${encodeURIComponent(userId)}`}>
          Go to {c.org.name}'s staff
        </GoTo>
      </>
    ),
  }),
};

export const newMemberPage = journeyPage(newMemberJourney);
