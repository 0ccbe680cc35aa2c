import type { Consortium, ConsortiumRole } from '../domain/consortium';
import { DomainError, forbidden, notFound } from '../domain/errors';
import { type MemberRole, roleAtLeast } from '../domain/organisation';
import type { Caller } from './caller';
import type { Deps } from './deps';

export async function loadConsortium(deps: Pick<Deps, 'store'>, consortiumId: string): Promise<Consortium> {
  const c = await deps.store.getConsortium(consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  return c;
}

/**
 * The member organisation through which the caller acts in a consortium: one where the
 * organisation holds one of `roles` and the caller holds at least `memberRole`.
 */
export function actingOrg(caller: Caller, c: Consortium, roles: ConsortiumRole[], memberRole: MemberRole): string {
  for (const m of c.members) {
    if (!roles.includes(m.role)) continue;
    const mine = caller.memberships.find((x) => x.orgId === m.orgId);
    if (mine && roleAtLeast(mine.role, memberRole)) return m.orgId;
  }
  if (caller.user.platformAdmin) return c.leadOrgId;
  throw forbidden(`this needs the ${memberRole} role in a ${roles.join(' or ')} organisation of consortium ${c.name}`);
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
