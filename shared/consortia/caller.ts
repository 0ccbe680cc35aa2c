import { DomainError, forbidden } from '../platform/errors';
import { type MemberRole, roleAtLeast } from './organisation';
import type { ConsortiaStore, Membership, User } from './store';

export interface Caller {
  user: User;
  memberships: Membership[];
}

/**
 * The token proves who the caller is; what they may do is read from the table on every call,
 * so a revoked membership takes effect at once rather than when a token expires.
 */
export async function resolveCaller(deps: { consortia: ConsortiaStore }, email: string | undefined): Promise<Caller> {
  if (!email) throw new DomainError('unauthorised', 'the token has no email claim');
  const user = await deps.consortia.findUserByEmail(email);
  if (!user) throw new DomainError('forbidden', `${email} is not a grantloop user; ask an organisation admin to add you`);
  const memberships = await deps.consortia.listMemberships(user.id);
  return { user, memberships };
}

export function requirePlatformAdmin(caller: Caller): void {
  if (!caller.user.platformAdmin) throw forbidden('only a platform administrator can do this');
}

export function roleIn(caller: Caller, orgId: string): MemberRole | undefined {
  return caller.memberships.find((m) => m.orgId === orgId)?.role;
}

export function requireOrgRole(caller: Caller, orgId: string, needed: MemberRole): void {
  if (caller.user.platformAdmin) return;
  const role = roleIn(caller, orgId);
  if (!role || !roleAtLeast(role, needed)) {
    throw forbidden(`this needs the ${needed} role in organisation ${orgId}; you have ${role ?? 'no role'} there`);
  }
}
