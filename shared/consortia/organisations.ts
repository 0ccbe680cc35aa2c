import { notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { type Caller, requireOrgRole, requirePlatformAdmin } from './caller';
import { makeEvent, subject } from './events';
import { checkGiving360Prefix } from './giving360-prefix';
import { type MemberRole, type NewOrganisation, type OrganisationKind, prepareOrganisation } from './organisation';
import { setRole } from './staff';
import type { ConsortiaDeps, Membership, User } from './store';

type D = Pick<ConsortiaDeps, 'consortia' | 'clock'>;

export async function createOrganisation(deps: D, caller: Caller, input: NewOrganisation) {
  requirePlatformAdmin(caller);
  const now = deps.clock.now();
  const org = prepareOrganisation(input, newId(now), now);
  await deps.consortia.createOrganisation(
    org,
    makeEvent('organisation.created', subject.organisation(org.id), caller.user.id, { orgId: org.id, kind: org.kind }, now),
  );
  return org;
}

export async function getOrganisation(deps: D, caller: Caller, orgId: string) {
  requireOrgRole(caller, orgId, 'viewer');
  const org = await deps.consortia.getOrganisation(orgId);
  if (!org) throw notFound('organisation', orgId);
  const [members, consortia] = await Promise.all([deps.consortia.listOrganisationMembers(orgId), deps.consortia.listConsortiaOf(orgId)]);
  return { ...org, members, consortia };
}

/** Any signed-in user may list organisations by kind: names and identifiers are public data. */
export async function listOrganisations(deps: D, _caller: Caller, kind: OrganisationKind) {
  return deps.consortia.listOrganisations(kind);
}

/** Creates the user on first sight of the email, then grants (or changes) the role. */
export async function addMember(
  deps: D,
  caller: Caller,
  orgId: string,
  input: { email: string; name: string; role: MemberRole },
): Promise<{ user: User; membership: Membership }> {
  requireOrgRole(caller, orgId, 'admin');
  const org = await deps.consortia.getOrganisation(orgId);
  if (!org) throw notFound('organisation', orgId);
  const now = deps.clock.now();
  let user = await deps.consortia.findUserByEmail(input.email);
  if (!user) {
    user = await createUser(deps, caller.user.id, { email: input.email, name: input.name, platformAdmin: false });
  }
  // Someone already on the staff gets the new role as a change of role would give it: the organisation keeps an admin.
  const members = await deps.consortia.listOrganisationMembers(orgId);
  const existing = members.find((m) => m.userId === user.id);
  if (existing) return { user, membership: await setRole(deps, caller, { org, members, membership: existing, user }, input.role) };
  const membership: Membership = { userId: user.id, orgId, role: input.role, grantedAt: now.toISOString() };
  await deps.consortia.putMembership(
    membership,
    makeEvent('membership.granted', subject.organisation(orgId), caller.user.id, { userId: user.id, orgId, role: input.role }, now),
  );
  return { user, membership };
}

export async function createUser(deps: D, actor: string, input: { email: string; name: string; platformAdmin: boolean }): Promise<User> {
  const now = deps.clock.now();
  const user: User = {
    id: newId(now),
    email: input.email.toLowerCase(),
    name: input.name.trim(),
    platformAdmin: input.platformAdmin,
    createdAt: now.toISOString(),
  };
  await deps.consortia.createUser(user, makeEvent('user.created', subject.user(user.id), actor, { userId: user.id }, now));
  return user;
}

/**
 * Sets the organisation's registered 360Giving publisher prefix (issue 28): its admins, or a
 * platform admin. Its grants in a consortium's 360Giving feed are published under it.
 */
export async function setGiving360Prefix(deps: D, caller: Caller, orgId: string, input: { prefix: string }) {
  requireOrgRole(caller, orgId, 'admin');
  const org = await deps.consortia.getOrganisation(orgId);
  if (!org) throw notFound('organisation', orgId);
  const prefix = checkGiving360Prefix(input.prefix);
  if (prefix === org.giving360Prefix) return { orgId, giving360Prefix: prefix };
  const now = deps.clock.now();
  const previous = org.giving360Prefix ? { previous: org.giving360Prefix } : {};
  await deps.consortia.setGiving360Prefix(
    orgId,
    prefix,
    makeEvent('organisation.prefix-set', subject.organisation(orgId), caller.user.id, { orgId, prefix, ...previous }, now),
  );
  return { orgId, giving360Prefix: prefix };
}
