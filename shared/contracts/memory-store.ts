import { keys as consortiaKeys } from '../consortia/keys';
import { conflict, StaleWriteError } from '../platform/errors';
import { consumeLinkOp } from '../platform/memory/platform-store';
import { eventOp, type MemoryTable, mustNotExist, refuse, strip } from '../platform/memory/table';
import type { Contract } from './contract';
import { keys } from './keys';
import type { ContractPolicy } from './rag';
import type { ContractStore } from './store';

const changed = (id: string) => new StaleWriteError('contract', id);

const saveOp = (c: Contract, expectedVersion: number, stale: () => Error = () => changed(c.id)) => ({
  key: keys.contract(c.id),
  check: (cur: Record<string, unknown> | undefined) => (cur?.version === expectedVersion ? undefined : stale()),
  write: () => ({ ...keys.contractIndex(c.councilOrgId, c.id), entity: 'contract', ...c }),
});

/** Contracts on the in-memory table (fast tests): same keys and conditions as the DynamoDB adapter. */
export function memoryContracts(table: MemoryTable): ContractStore {
  return {
    async createContract(c, event) {
      table.transact([
        {
          key: keys.contract(c.id),
          check: mustNotExist(() => conflict(`contract ${c.id} already exists`, { rule: 'contract-exists' })),
          write: () => ({ ...keys.contractIndex(c.councilOrgId, c.id), entity: 'contract', ...c }),
        },
        eventOp(event),
      ]);
    },
    async getContract(contractId) {
      return strip<Contract>(table.get(keys.contract(contractId)));
    },
    async listCouncilContracts(councilOrgId) {
      return table
        .query(consortiaKeys.organisation(councilOrgId).pk, keys.prefix.contract, 'gsi1')
        .map((i) => strip<Contract>(i) as Contract);
    },
    async saveContract(c, expectedVersion, event) {
      table.transact([saveOp(c, expectedVersion), eventOp(event)]);
    },
    async saveContractByLink(c, expectedVersion, linkHash, now, event) {
      // As on DynamoDB, a changed contract is a refusal (false) here, like a spent link.
      return table.attempt([consumeLinkOp(linkHash, now), saveOp(c, expectedVersion, () => refuse('contract changed')), eventOp(event)]);
    },
    async getPolicy(councilOrgId) {
      return table.get<{ policy: ContractPolicy }>(keys.policy(councilOrgId))?.policy;
    },
    async savePolicy(councilOrgId, policy, event) {
      table.transact([{ key: keys.policy(councilOrgId), write: () => ({ entity: 'contract-policy', policy }) }, eventOp(event)]);
    },
  };
}
