import type { SeededFunder } from '../../infra/local/scenario';
import type { Consortium } from '../../shared/consortia/consortium';
import type { MemberRole, NewOrganisation, Organisation } from '../../shared/consortia/organisation';
import type { User } from '../../shared/consortia/store';
import type { TestStack } from './stack';

/** The providers most tests fund or invite: [name, org-id, contact email]. */
export const WVA = ['Wyvern Voluntary Action', 'GB-CHC-1077001', 'hello@wva.example.org'] as const;
export const EASTBROOK = ['Eastbrook CVS', 'GB-CHC-1066001', 'office@eastbrook-cvs.example.org'] as const;

/** An organisation, added by the platform admin through the API. */
export const addOrganisation = (stack: TestStack, org: NewOrganisation) =>
  stack.api.call<Organisation>(stack.admin, 'POST', '/organisations', org);

/** A provider (a grant's recipient, a bidder), added by the platform admin. */
export const addProvider = (stack: TestStack, [name, identifier, contactEmail]: readonly [string, string, string]) =>
  addOrganisation(stack, { name, kind: 'provider', identifier, contactEmail });

/** Someone on an organisation's staff, added by the platform admin; answers the user. */
export async function addStaff(stack: TestStack, orgId: string, person: { email: string; name: string; role: MemberRole }): Promise<User> {
  return (await stack.api.call<{ user: User }>(stack.admin, 'POST', `/organisations/${orgId}/members`, person)).user;
}

/** A consortium proposed by `lead` with `members`, in Wyvernshire; its invitations sent (settled), not yet confirmed. */
export async function proposeConsortium(stack: TestStack, name: string, lead: SeededFunder, members: SeededFunder[]): Promise<Consortium> {
  const consortium = await stack.api.call<Consortium>(lead.admin, 'POST', '/consortia', {
    name,
    place: 'Wyvernshire',
    members: [{ orgId: lead.org.id, role: 'lead' }, ...members.map((m) => ({ orgId: m.org.id, role: 'member' }))],
  });
  await stack.runtime.settle();
  return consortium;
}
