import { keys as consortiaKeys } from '../consortia/keys';
import { listRecords, readRecord } from '../platform/aws/dynamodb';
import {
  attempt,
  consumeLinkItem,
  createWithEvent,
  eventItem,
  put,
  putAt,
  type TransactItem,
  transact,
  writeVersioned,
} from '../platform/aws/transact';
import { conflict, StaleWriteError } from '../platform/errors';
import { contractRecord, policyRecord } from './codecs';
import type { Contract } from './contract';
import { keys } from './keys';
import type { ContractStore } from './store';

export const changed = (id: string) => new StaleWriteError('contract', id);

const saveItem = (c: Contract, expectedVersion: number): TransactItem => putAt(contractRecord.toItem(c), expectedVersion);

export const dynamoContracts: ContractStore = {
  createContract: (c, event) =>
    createWithEvent(contractRecord.toItem(c), event, () => conflict(`contract ${c.id} already exists`, { rule: 'contract-exists' })),

  getContract: (contractId) => readRecord(contractRecord, keys.contract(contractId)),

  listCouncilContracts: (councilOrgId) =>
    listRecords(contractRecord, consortiaKeys.organisation(councilOrgId).pk, keys.prefix.contract, 'gsi1'),

  saveContract: (c, expectedVersion, event) => writeVersioned(saveItem(c, expectedVersion), event, () => changed(c.id)),

  saveContractByLink: (c, expectedVersion, linkHash, now, event) =>
    attempt([consumeLinkItem(linkHash, now), saveItem(c, expectedVersion), eventItem(event)]),

  getPolicy: async (councilOrgId) => (await readRecord(policyRecord, keys.policy(councilOrgId)))?.policy,

  async savePolicy(councilOrgId, policy, event) {
    await transact([put(policyRecord.toItem({ policy }, councilOrgId)), eventItem(event)], () =>
      conflict('the policy could not be saved; try again'),
    );
  },
};
