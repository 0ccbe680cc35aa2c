import type { ConsortiaStore } from '../consortia/store';
import { DomainError } from '../platform/errors';
import { londonDate } from '../platform/london-time';
import { plannedEnd } from '../pools/grant';
import type { RegimeFacts } from '../tenders/regime';
import type { TenderStore } from '../tenders/store';
import { buildContract } from './contract';
import { registered } from './contracts';
import type { ContractStore } from './store';

interface Deps {
  consortia: Pick<ConsortiaStore, 'getOrganisation'>;
  contracts: Pick<ContractStore, 'createContract'>;
  tenders: Pick<TenderStore, 'getTender' | 'getInterest'>;
  clock: { now(): Date };
}

/**
 * grant.awarded from a tender's lot → the council that bought it manages it as a contract: the
 * same id as the grant (and OCDS contract), the winning bid's price, the tender's term, funded by
 * that grant from the pool. Its milestones are added by amendment. Once per grant.
 */
export async function contractFromAward(deps: Deps, input: { grantId: string; tenderId?: string | undefined }) {
  if (!input.tenderId) return { created: false, reason: 'not from a tender' };
  const tender = await deps.tenders.getTender(input.tenderId);
  const outcome = tender?.outcomes.find((o) => o.grantId === input.grantId);
  if (!tender || !outcome?.winner || !outcome.awardedAt) return { created: false, reason: 'no lot was awarded as this grant' };
  const buyer = await deps.consortia.getOrganisation(tender.buyerOrgId);
  if (!buyer || (buyer.kind !== 'council' && buyer.funderType !== 'local-authority'))
    return { created: false, reason: 'the buyer is not a council' };
  const interest = await deps.tenders.getInterest(tender.id, outcome.winner.interestId);
  if (!interest) throw new Error(`interest ${outcome.winner.interestId} of tender ${tender.id} is missing`);
  const lot = tender.lots.find((l) => l.id === outcome.lotId);
  const start = londonDate(new Date(outcome.awardedAt));
  const now = deps.clock.now();
  const contract = buildContract(
    {
      title: `${tender.title}: ${lot?.title ?? outcome.lotId}`,
      description: tender.description,
      supplier: { name: interest.orgName, email: interest.email, identifier: interest.identifier },
      value: outcome.winner.price,
      period: { startDate: start, endDate: plannedEnd(start, tender.contractMonths ?? 36) },
      funding: { kind: 'pool', poolId: tender.poolId, grantId: input.grantId },
      payments: [],
      milestones: [],
      kpis: [],
      // Tenders stored before they carried their regime have none: the contract's stays unknown.
      regime: (tender as { regime?: RegimeFacts }).regime?.regime,
    },
    {
      id: input.grantId,
      councilOrgId: buyer.id,
      by: 'workflow',
      now,
      source: { kind: 'tender', tenderId: tender.id, lotId: outcome.lotId },
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
