import { keys as consortiaKeys } from '../../../shared/consortia/keys';
import { contractRecord, policyRecord } from '../../../shared/contracts/codecs';
import type { Contract } from '../../../shared/contracts/contract';
import { keys } from '../../../shared/contracts/keys';
import type { ContractStore } from '../../../shared/contracts/store';
import { conflict, StaleWriteError } from '../../../shared/platform/errors';
import { consumeLinkOp } from './platform';
import { createOnce, eventOp, type MemoryTable, putAtOp, putOp, refuse } from './table';

const changed = (id: string) => new StaleWriteError('contract', id);

const saveOp = (c: Contract, expectedVersion: number, stale: () => Error = () => changed(c.id)) =>
  putAtOp(contractRecord, c, expectedVersion, stale);

/** Contracts on the in-memory table (fast tests): same codecs, keys and conditions as shared/contracts/dynamodb-store.ts. */
export function memoryContracts(table: MemoryTable): ContractStore {
  return {
    createContract: (c, event) =>
      createOnce(table, contractRecord.toItem(c), event, () => conflict(`contract ${c.id} already exists`, { rule: 'contract-exists' })),
    getContract: async (contractId) => table.read(contractRecord, keys.contract(contractId)),
    listCouncilContracts: async (councilOrgId) =>
      table.list(contractRecord, consortiaKeys.organisation(councilOrgId).pk, keys.prefix.contract, 'gsi1'),
    async saveContract(c, expectedVersion, event) {
      table.transact([saveOp(c, expectedVersion), eventOp(event)]);
    },
    async saveContractByLink(c, expectedVersion, linkHash, now, event) {
      // As on DynamoDB, a changed contract is a refusal (false) here, like a spent link.
      return table.attempt([consumeLinkOp(linkHash, now), saveOp(c, expectedVersion, () => refuse('contract changed')), eventOp(event)]);
    },
    getPolicy: async (councilOrgId) => table.read(policyRecord, keys.policy(councilOrgId))?.policy,
    async savePolicy(councilOrgId, policy, event) {
      table.transact([putOp(policyRecord.toItem({ policy }, councilOrgId)), eventOp(event)]);
    },
  };
}
