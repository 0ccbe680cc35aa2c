import { type Caller, roleIn } from '../../shared/consortia/caller';
import { type MemberRole, roleAtLeast } from '../../shared/consortia/organisation';
import { contractsTable } from '../../shared/contracts/aws';
import { milestoneTypes } from '../../shared/contracts/contract';
import { loadCouncil } from '../../shared/contracts/contracts';
import { contractView } from '../../shared/contracts/views';
import { notFound } from '../../shared/platform/errors';
import type { PostedForm } from '../lib/web/form';
import type { Crumb } from '../lib/web/navigation';
import { contractHref, contractsHref } from './hrefs';

export { contractHref, contractsHref, policyHref } from './hrefs';

/** What the contract journeys share: who may take them, where they sit, and milestone types in words. */

/** `role` or more in the council (or a platform admin): the role the use case checks; anyone else gets not-found, never forbidden. */
function requireCouncilRole(caller: Caller, orgId: string, role: MemberRole, what: string, id: string): void {
  const held = roleIn(caller, orgId);
  if (caller.user.platformAdmin || (held && roleAtLeast(held, role))) return;
  throw notFound(what, id);
}

export type CouncilCtx = { caller: Caller; council: { id: string; name: string } };

/** The council, for its staff with `role` or more (registering needs an officer, the policy an admin). */
export async function councilFor(caller: Caller, orgId: string, role: MemberRole): Promise<CouncilCtx> {
  requireCouncilRole(caller, orgId, role, 'council', orgId);
  const council = await loadCouncil(contractsTable, orgId);
  return { caller, council: { id: council.id, name: council.name } };
}

/** The council's journeys sit under its contracts. */
export const councilChrome = (c: CouncilCtx) => ({
  section: 'contracts' as const,
  crumbs: [
    { href: '/app', label: 'What needs me' },
    { href: contractsHref(c.council.id), label: 'Contracts' },
  ] as Crumb[],
});

export type ContractCtx = Awaited<ReturnType<typeof contractView>> & { caller: Caller };

/** The contract, for the council's officers (the amendment and status use cases' role). */
export async function contractFor(caller: Caller, contractId: string): Promise<ContractCtx> {
  const view = await contractView(contractsTable, caller, contractId);
  requireCouncilRole(caller, view.councilOrgId, 'officer', 'contract', contractId);
  return { ...view, caller };
}

/** A contract's journeys sit under its page. */
export const contractChrome = (c: ContractCtx) => ({
  section: 'contracts' as const,
  crumbs: [
    { href: '/app', label: 'What needs me' },
    { href: contractsHref(c.councilOrgId), label: 'Contracts' },
    { href: contractHref(c.id), label: c.title },
  ] as Crumb[],
});

const milestoneTypeWords: Record<(typeof milestoneTypes)[number], string> = {
  delivery: 'Delivery: something the supplier provides',
  reporting: 'Reporting: a report the supplier sends',
  payment: 'Payment: a payment is made',
  engagement: 'Engagement: meeting or consulting people',
  assessment: 'Assessment: a review or inspection',
  approval: 'Approval: something signed off',
  financing: 'Financing: money arranged',
};
export const milestoneTypeOptions = milestoneTypes.map((t) => ({ value: t, label: milestoneTypeWords[t] }));
export const milestoneTypeName = (t: unknown) => (milestoneTypeWords[t as keyof typeof milestoneTypeWords] ?? '').split(':')[0] ?? '';

/** People count payments from 1; the schema's index counts from 0. */
export const fromOne = (n: unknown) => (typeof n === 'number' ? n - 1 : n);

export const pick = (typed: PostedForm, name: string) => String(typed[name] ?? '');
