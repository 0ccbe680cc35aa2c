import { DomainError, forbidden, notFound } from '../platform/errors';
import type { Caller } from './caller';
import type { Consortium, ConsortiumRole } from './consortium';
import { type MemberRole, type Organisation, roleAtLeast } from './organisation';
import type { ConsortiaStore } from './store';

export async function loadConsortium(deps: { consortia: ConsortiaStore }, consortiumId: string): Promise<Consortium> {
  const c = await deps.consortia.getConsortium(consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  return c;
}

/** The consortium, its members' organisations and its lead's. */
export async function loadWithOrgs(deps: { consortia: ConsortiaStore }, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  const orgs = await deps.consortia.getOrganisations(consortium.members.map((m) => m.orgId));
  const lead = orgs.get(consortium.leadOrgId) as Organisation;
  return { consortium, orgs, lead };
}

/**
 * The member organisation through which the caller acts in a consortium: one where the
 * organisation holds one of `roles` and the caller holds at least `memberRole`. Someone in no
 * member organisation gets the not-found of what they asked for (`subject`, by default the
 * consortium), exactly as if it did not exist: a 403 would confirm it exists and name it. 403
 * is only for a member without the role.
 */
export function actingOrg(
  caller: Caller,
  c: Consortium,
  roles: ConsortiumRole[],
  memberRole: MemberRole,
  subject: { what: string; id: string } = { what: 'consortium', id: c.id },
): string {
  for (const m of c.members) {
    if (!roles.includes(m.role)) continue;
    const mine = caller.memberships.find((x) => x.orgId === m.orgId);
    if (mine && roleAtLeast(mine.role, memberRole)) return m.orgId;
  }
  if (caller.user.platformAdmin) return c.leadOrgId;
  requireReader(caller, c, subject.what, subject.id);
  throw forbidden(`this needs the ${memberRole} role in a ${roles.join(' or ')} organisation of consortium ${c.name}`);
}

/** Whether `actingOrg` would let the caller act: pages show a form only to those its use case accepts. */
export function mayAct(caller: Caller, c: Consortium, roles: ConsortiumRole[], memberRole: MemberRole): boolean {
  try {
    actingOrg(caller, c, roles, memberRole);
    return true;
  } catch {
    return false;
  }
}

/** Anyone in any member organisation may read; outsiders get not-found so nothing leaks. */
export function requireReader(caller: Caller, c: Consortium, what: string, id: string): void {
  if (caller.user.platformAdmin) return;
  if (!c.members.some((m) => caller.memberships.some((x) => x.orgId === m.orgId))) throw notFound(what, id);
}

export function requireActive(c: Consortium): void {
  if (c.status !== 'active')
    throw new DomainError('conflict', `consortium ${c.name} is ${c.status}; it must be active (confirmed by its lead) first`);
}
