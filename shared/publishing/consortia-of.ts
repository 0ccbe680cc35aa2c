import type { ConsortiaStore } from '../consortia/store';
import type { ContractStore } from '../contracts/store';
import type { PoolStore, RoundStore } from '../pools/store';
import type { TenderStore } from '../tenders/store';

export interface SubjectReaders {
  consortia: Pick<ConsortiaStore, 'listConsortiaOf'>;
  pools: Pick<PoolStore, 'getPool' | 'getGrant'>;
  rounds: Pick<RoundStore, 'getRound'>;
  tenders: Pick<TenderStore, 'getTender'>;
  contracts: Pick<ContractStore, 'getContract'>;
}

/**
 * The consortia whose public documents an event may change, from its subject alone (every event
 * carries one, `grant#<id>`): the consumer then reads the records themselves, never the payload,
 * so it relies on no producer's schema. An organisation's change (its 360Giving prefix, its name)
 * reaches every consortium it belongs to; a council's own contract, no consortium's.
 */
export async function consortiaOf(deps: SubjectReaders, subject: string): Promise<string[]> {
  const at = subject.indexOf('#');
  const [kind, id] = [subject.slice(0, at), subject.slice(at + 1)];
  const one = (consortiumId: string | undefined) => (consortiumId ? [consortiumId] : []);
  switch (kind) {
    case 'consortium':
      return [id];
    case 'organisation':
      return deps.consortia.listConsortiaOf(id);
    case 'pool':
      return one((await deps.pools.getPool(id))?.consortiumId);
    case 'round':
      return one((await deps.rounds.getRound(id))?.round.consortiumId);
    case 'grant':
      return one((await deps.pools.getGrant(id))?.grant.consortiumId);
    case 'tender':
      return one((await deps.tenders.getTender(id))?.consortiumId);
    case 'contract': {
      const source = (await deps.contracts.getContract(id))?.source;
      return source?.kind === 'tender' ? one((await deps.tenders.getTender(source.tenderId))?.consortiumId) : [];
    }
    default:
      return [];
  }
}
