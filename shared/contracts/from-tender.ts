import type { ConsortiaStore } from '../consortia/store';
import { DomainError } from '../platform/errors';
import type { LotAwarded } from '../tenders/lot-awarded';
import { buildContract } from './contract';
import { registered } from './contracts';
import type { ContractStore } from './store';

interface Deps {
  consortia: Pick<ConsortiaStore, 'getOrganisation'>;
  contracts: Pick<ContractStore, 'createContract'>;
  clock: { now(): Date };
}

/**
 * tender.lot-awarded → the council that bought the lot manages it as a contract, built from the
 * event alone: the same id as the grant (and OCDS contract), the winning price, the grant's term,
 * funded by that grant from the pool. Its milestones are added by amendment. Once per grant.
 */
export async function contractFromAward(deps: Deps, award: Omit<LotAwarded, 'status'>) {
  const buyer = await deps.consortia.getOrganisation(award.buyerOrgId);
  if (!buyer || (buyer.kind !== 'council' && buyer.funderType !== 'local-authority'))
    return { created: false, reason: 'the buyer is not a council' };
  const now = deps.clock.now();
  const { winner } = award;
  const contract = buildContract(
    {
      title: award.title,
      description: award.description,
      supplier: { name: winner.name, email: winner.email, identifier: winner.identifier },
      value: award.price,
      period: { startDate: award.startDate, endDate: award.endDate },
      funding: { kind: 'pool', poolId: award.poolId, grantId: award.grantId },
      payments: [],
      milestones: [],
      kpis: [],
      regime: award.regime,
    },
    {
      id: award.grantId,
      councilOrgId: buyer.id,
      by: 'workflow',
      now,
      source: { kind: 'tender', tenderId: award.tenderId, lotId: award.lot.id },
      status: 'active',
    },
  );
  try {
    await deps.contracts.createContract(contract, registered(contract, 'workflow', now));
  } catch (error) {
    if (error instanceof DomainError && error.details.rule === 'contract-exists') return { created: false, reason: 'already registered' };
    throw error;
  }
  return { created: true, contractId: contract.id };
}
