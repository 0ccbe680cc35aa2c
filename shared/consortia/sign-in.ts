import { DomainError } from '../platform/errors';
import { type SessionDeps, startSession } from '../platform/sessions/sessions';
import type { OrganisationKind } from './organisation';
import type { ConsortiaStore } from './store';

/** Staff sign in as a user the table knows; anyone else is told so (and no session is made). */
export async function signIn(deps: SessionDeps & { consortia: ConsortiaStore }, email: string) {
  const trimmed = email.trim();
  if (!trimmed)
    throw new DomainError('validation', 'email: enter an email address', [
      { field: 'email', rule: 'required', message: 'Enter an email address' },
    ]);
  // No address is longer than 254 characters (RFC 5321): a longer one is refused before it becomes a table key (too long for one).
  if (trimmed.length > 254)
    throw new DomainError('validation', 'email: an email address is at most 254 characters', [
      { field: 'email', rule: 'max-length', message: 'An email address is at most 254 characters' },
    ]);
  const user = await deps.consortia.findUserByEmail(trimmed);
  if (!user) {
    throw new DomainError('validation', `email: ${trimmed} is not a grantloop user`, [
      { field: 'email', rule: 'known-user', message: `${trimmed} is not a grantloop user; ask an organisation admin to add you` },
    ]);
  }
  return startSession(deps, user.email);
}

/** The staff of every funder and council, for the local sign-in page's list. */
export async function staffDirectory(deps: { consortia: ConsortiaStore }) {
  const kinds: OrganisationKind[] = ['funder', 'council'];
  const orgs = (await Promise.all(kinds.map((k) => deps.consortia.listOrganisations(k)))).flat();
  return Promise.all(
    orgs.map(async (org) => {
      const members = await deps.consortia.listOrganisationMembers(org.id);
      const users = await Promise.all(members.map(async (m) => ({ role: m.role, user: await deps.consortia.getUser(m.userId) })));
      return {
        org: { id: org.id, name: org.name, kind: org.kind },
        people: users.flatMap((u) => (u.user ? [{ ...u.user, role: u.role }] : [])),
      };
    }),
  );
}
