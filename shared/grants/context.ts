import { loadConsortium } from '../consortia/access';
import type { Consortium } from '../consortia/consortium';
import type { Organisation } from '../consortia/organisation';
import { loadGrant } from '../pools/awards';
import type { Grant } from './grant';
import type { GrantsDeps } from './store';

/** Who a grant's emails and link pages are from and to. */
export interface GrantContext {
  consortium: Consortium;
  lead: Organisation;
  recipient: Organisation;
  grant: Grant;
}

export async function grantContext(deps: Pick<GrantsDeps, 'consortia' | 'pools'>, grantId: string): Promise<GrantContext> {
  const { grant } = await loadGrant(deps, grantId);
  const consortium = await loadConsortium(deps, grant.consortiumId);
  const orgs = await deps.consortia.getOrganisations([grant.recipientOrgId, consortium.leadOrgId]);
  return {
    consortium,
    grant,
    recipient: orgs.get(grant.recipientOrgId) as Organisation,
    lead: orgs.get(consortium.leadOrgId) as Organisation,
  };
}

/** Whom a provider asks when a grant's emailed link no longer works: the consortium's lead. */
export async function leadContact(deps: Pick<GrantsDeps, 'consortia' | 'pools'>, scope: { grantId: string }) {
  const { lead } = await grantContext(deps, scope.grantId);
  return { name: lead.name, email: lead.contactEmail };
}
