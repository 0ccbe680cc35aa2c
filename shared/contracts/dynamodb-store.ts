import { keys as consortiaKeys } from '../consortia/keys';
import { byPrefix, getItem, queryAll } from '../platform/aws/dynamodb';
import {
  attempt,
  consumeLinkItem,
  createWithEvent,
  eventItem,
  eventRecorded,
  put,
  putAt,
  type TransactItem,
  transact,
} from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, StaleWriteError } from '../platform/errors';
import { contractRecord, policyRecord } from './codecs';
import type { Contract } from './contract';
import { keys } from './keys';
import type { ContractStore } from './store';

const table = () => config.tableName();
export const changed = (id: string) => new StaleWriteError('contract', id);

const saveItem = (c: Contract, expectedVersion: number): TransactItem => putAt(contractRecord.toItem(c), expectedVersion);

export const dynamoContracts: ContractStore = {
  createContract: (c, event) =>
    createWithEvent(contractRecord.toItem(c), event, () => conflict(`contract ${c.id} already exists`, { rule: 'contract-exists' })),

  getContract: async (contractId) => contractRecord.fromOptional(await getItem(table(), keys.contract(contractId))),

  async listCouncilContracts(councilOrgId) {
    const items = await queryAll(byPrefix(table(), consortiaKeys.organisation(councilOrgId).pk, keys.prefix.contract, 'gsi1'));
    return items.map(contractRecord.fromItem);
  },

  async saveContract(c, expectedVersion, event) {
    await transact([saveItem(c, expectedVersion), eventItem(event)], (i) => (i === 0 ? changed(c.id) : eventRecorded(event)));
  },

  saveContractByLink: (c, expectedVersion, linkHash, now, event) =>
    attempt([consumeLinkItem(linkHash, now), saveItem(c, expectedVersion), eventItem(event)]),

  getPolicy: async (councilOrgId) => policyRecord.fromOptional(await getItem(table(), keys.policy(councilOrgId)))?.policy,

  async savePolicy(councilOrgId, policy, event) {
    await transact([put(policyRecord.toItem({ policy }, councilOrgId)), eventItem(event)], () =>
      conflict('the policy could not be saved; try again'),
    );
  },
};
