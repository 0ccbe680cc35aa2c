import { consortiaTable } from '../../shared/consortia/aws';
import type { Caller } from '../../shared/consortia/caller';
import { type MemberRole, memberRoles, roleHints, roleNames } from '../../shared/consortia/organisation';
import { changeMemberRole, memberToManage, removeMember } from '../../shared/consortia/staff';
import { chosenForm, type FormAction, type PostedForm, refusal, submitForm } from '../lib/web/form';
import { ActionForm, formPage } from '../lib/web/form-page';
import { Button, type FieldError } from '../lib/web/govuk';
import { GoTo, inputsFor } from '../lib/web/inputs';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { organisationsCrumbs } from './organisations-page';
import { memberRole } from './schemas';

/**
 * Changing a member of staff's role, and removing them ("Are you sure…?" then the post), for the
 * organisation's admins and the platform admin. Each posts to the same use case as its JSON route
 * (PUT …/members/{userId}/role, DELETE …/members/{userId}); a refusal (the last admin) is shown
 * on the page, against the form, and nothing changes.
 */
type Member = Awaited<ReturnType<typeof memberToManage>>;

const orgPath = (m: Member) => `/app/organisations/${encodeURIComponent(m.org.id)}`;
const chrome = (m: Member) => ({
  section: 'organisations' as const,
  crumbs: [...organisationsCrumbs, { href: orgPath(m), label: m.org.name }],
});
const back = (m: Member) => <GoTo href={orgPath(m)}>No, go back to {m.org.name}</GoTo>;

const load = (req: PageRequest<Caller>) => memberToManage(consortiaTable, req.caller, req.params.orgId ?? '', req.params.userId ?? '');

export const roleForm: FormAction<typeof memberRole> = {
  schema: memberRole,
  fields: { role: { label: 'Role', as: 'choice', missing: 'Select a role' } },
  formId: 'role-form',
};

function roleView(m: Member, csrf: string, typed: PostedForm, errors: FieldError[]): PageResult {
  const field = inputsFor(typed, errors);
  return {
    ...chrome(m),
    ...formPage({
      heading: `What role should ${m.user.name} have?`,
      caption: m.org.name,
      errors,
      children: (
        <>
          <ActionForm action="role" id="role-form" csrf={csrf}>
            <field.Choice
              name="role"
              legend="Role"
              hint={`${m.user.name} (${m.user.email}) is ${roleNames[m.role].toLowerCase()} now.`}
              options={memberRoles.map((r) => ({ value: r, label: roleNames[r], hint: roleHints[r] }))}
              value={String(typed.role ?? m.role)}
            />
            <Button>Change the role</Button>
          </ActionForm>
          {back(m)}
        </>
      ),
    }),
  };
}

export async function rolePage(req: PageRequest<Caller>): Promise<PageResult> {
  const m = await load(req);
  if (req.method !== 'POST') return roleView(m, req.csrf, {}, []);
  const form = chosenForm(req.posted, { role: roleForm });
  const done = await submitForm(req.posted, form, (input) =>
    changeMemberRole(consortiaTable, req.caller, m.org.id, m.user.id, input as { role: MemberRole }),
  );
  if (done.errors) return roleView(m, req.csrf, req.posted, done.errors);
  return { redirect: `${orgPath(m)}?done=role&user=${encodeURIComponent(m.user.id)}` };
}

function removeView(m: Member, csrf: string, errors: FieldError[]): PageResult {
  return {
    ...chrome(m),
    ...formPage({
      heading: `Are you sure you want to remove ${m.user.name}?`,
      caption: m.org.name,
      errors,
      children: (
        <>
          <p class="govuk-body">
            {m.user.name} ({m.user.email}, {roleNames[m.role].toLowerCase()}) will no longer be able to act for {m.org.name}, from their
            next click. Anything they have already done stays recorded under their name.
          </p>
          <ActionForm action="remove" id="remove" csrf={csrf}>
            <Button warning>Yes, remove {m.user.name}</Button>
          </ActionForm>
          {back(m)}
        </>
      ),
    }),
  };
}

export async function removePage(req: PageRequest<Caller>): Promise<PageResult> {
  const m = await load(req);
  if (req.method !== 'POST') return removeView(m, req.csrf, []);
  chosenForm(req.posted, { remove: true });
  try {
    await removeMember(consortiaTable, req.caller, m.org.id, m.user.id);
  } catch (error) {
    return removeView(m, req.csrf, refusal(error, {}, 'remove'));
  }
  // Someone who removed themselves can no longer see the organisation: they go back to the list.
  if (m.user.id === req.caller.user.id) return { redirect: '/app/organisations' };
  return { redirect: `${orgPath(m)}?done=removed` };
}
