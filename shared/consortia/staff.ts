import { conflict, notFound } from '../platform/errors';
import { type Caller, requireOrgRole } from './caller';
import { makeEvent, subject } from './events';
import type { MemberRole, Organisation } from './organisation';
import type { ConsortiaDeps, Membership, User } from './store';

type D = Pick<ConsortiaDeps, 'consortia' | 'clock'>;

/**
 * An organisation's staff: who may change whom. An organisation always keeps an admin, so that
 * its own people can manage it without asking the platform admin: removing or demoting the last
 * one is refused. The rule is checked on what was read and made to hold by the write itself
 * (`replaceMembership` checks that the admin who stays is still an admin, in the same
 * transaction), so two admins removing each other at once cannot leave none.
 */
function adminWhoStays(members: Membership[], change: { userId: string; role?: MemberRole }, names: { person: string; org: string }) {
  const current = members.find((m) => m.userId === change.userId);
  if (current?.role !== 'admin' || change.role === 'admin') return undefined;
  const other = members.find((m) => m.role === 'admin' && m.userId !== change.userId);
  if (other) return other;
  const what = change.role ? `make ${names.person} ${article(change.role)} ${change.role}` : `remove ${names.person}`;
  throw conflict(`${names.person} is the only admin of ${names.org}: make someone else an admin before you ${what}`, {
    rule: 'last-admin',
  });
}

/** Someone else changed the staff between the read and the write (the membership, or the admin who was to stay). */
export const staffChanged = () => conflict('the staff of this organisation changed while you were working; reload the page and try again');

const article = (role: MemberRole) => (role === 'admin' || role === 'officer' ? 'an' : 'a');

/** The organisation, its memberships and the one being changed; not-found for an id that is not on its staff. */
async function loadMember(deps: D, orgId: string, userId: string) {
  const org = await deps.consortia.getOrganisation(orgId);
  if (!org) throw notFound('organisation', orgId);
  const members = await deps.consortia.listOrganisationMembers(orgId);
  const membership = members.find((m) => m.userId === userId);
  const user = membership && (await deps.consortia.getUser(userId));
  if (!membership || !user) throw notFound('staff member', userId);
  return { org, members, membership, user };
}

/** Takes a person off an organisation's staff (its admins, or a platform admin). Their other organisations are untouched. */
export async function removeMember(deps: D, caller: Caller, orgId: string, userId: string) {
  requireOrgRole(caller, orgId, 'admin');
  const { org, members, membership, user } = await loadMember(deps, orgId, userId);
  const keeps = adminWhoStays(members, { userId }, { person: user.name, org: org.name });
  const now = deps.clock.now();
  await deps.consortia.replaceMembership(
    membership,
    undefined,
    keeps,
    makeEvent('membership.revoked', subject.organisation(orgId), caller.user.id, { userId, orgId, role: membership.role }, now),
  );
  return { orgId, userId, removed: true as const };
}

/** Gives a member of staff another role (its admins, or a platform admin). */
export async function changeMemberRole(deps: D, caller: Caller, orgId: string, userId: string, input: { role: MemberRole }) {
  requireOrgRole(caller, orgId, 'admin');
  const { org, members, membership, user } = await loadMember(deps, orgId, userId);
  return setRole(deps, caller, { org, members, membership, user }, input.role);
}

/** A role given to someone already on the staff, by changing their role or by adding them again. */
export async function setRole(
  deps: D,
  caller: Caller,
  at: { org: Organisation; members: Membership[]; membership: Membership; user: User },
  role: MemberRole,
): Promise<Membership> {
  const { org, members, membership, user } = at;
  if (membership.role === role) return membership;
  const keeps = adminWhoStays(members, { userId: user.id, role }, { person: user.name, org: org.name });
  const now = deps.clock.now();
  const next: Membership = { ...membership, role };
  await deps.consortia.replaceMembership(
    membership,
    next,
    keeps,
    makeEvent(
      'membership.role-changed',
      subject.organisation(org.id),
      caller.user.id,
      { userId: user.id, orgId: org.id, role, previousRole: membership.role },
      now,
    ),
  );
  return next;
}

/** An organisation with its staff by name (its staff, and the platform admin), and whether the caller may change them. */
export async function organisationStaff(deps: D, caller: Caller, orgId: string) {
  requireOrgRole(caller, orgId, 'viewer');
  const org = await deps.consortia.getOrganisation(orgId);
  if (!org) throw notFound('organisation', orgId);
  const members = await deps.consortia.listOrganisationMembers(orgId);
  const people = await Promise.all(members.map(async (m) => ({ ...m, user: await deps.consortia.getUser(m.userId) })));
  const staff = people
    .flatMap((p) => (p.user ? [{ userId: p.userId, name: p.user.name, email: p.user.email, role: p.role }] : []))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const manage = caller.user.platformAdmin || members.some((m) => m.userId === caller.user.id && m.role === 'admin');
  return { org, staff, manage };
}

/**
 * Organisations as the organisations page lists them: every one, for a platform admin; for
 * anyone else, their own. Each with the number of its staff (a Query per organisation).
 */
export async function organisationsList(deps: D, caller: Caller) {
  const orgs = caller.user.platformAdmin
    ? (await Promise.all((['funder', 'council', 'provider'] as const).map((k) => deps.consortia.listOrganisations(k)))).flat()
    : [...(await deps.consortia.getOrganisations(caller.memberships.map((m) => m.orgId))).values()];
  const rows = await Promise.all(orgs.map(async (org) => ({ org, staff: (await deps.consortia.listOrganisationMembers(org.id)).length })));
  rows.sort((a, b) => a.org.name.localeCompare(b.org.name, 'en-GB'));
  return { rows, mayAdd: caller.user.platformAdmin };
}

/** The organisation whose staff the caller is about to change: its admins and the platform admin only. */
export async function organisationToManage(deps: D, caller: Caller, orgId: string): Promise<Organisation> {
  requireOrgRole(caller, orgId, 'admin');
  const org = await deps.consortia.getOrganisation(orgId);
  if (!org) throw notFound('organisation', orgId);
  return org;
}

/** One member of staff, for the pages that change or remove them (the same people as may do it). */
export async function memberToManage(deps: D, caller: Caller, orgId: string, userId: string) {
  requireOrgRole(caller, orgId, 'admin');
  const { org, membership, user } = await loadMember(deps, orgId, userId);
  return { org, role: membership.role, user: { id: user.id, name: user.name, email: user.email } };
}
