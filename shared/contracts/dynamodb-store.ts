import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys as consortiaKeys } from '../consortia/keys';
import { byPrefix, documentClient as db, queryAll } from '../platform/aws/dynamodb';
import { attempt, consumeLinkItem, eventItem, eventRecorded, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, StaleWriteError } from '../platform/errors';
import { contractRecord, policyRecord } from './codecs';
import type { Contract } from './contract';
import { keys } from './keys';
import type { ContractStore } from './store';

const table = () => config.tableName();
export const changed = (id: string) => new StaleWriteError('contract', id);

function saveItem(c: Contract, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: contractRecord.toItem(c),
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

export const dynamoContracts: ContractStore = {
  async createContract(c, event) {
    await transact(
      [{ Put: { TableName: table(), Item: contractRecord.toItem(c), ConditionExpression: 'attribute_not_exists(pk)' } }, eventItem(event)],
      () => conflict(`contract ${c.id} already exists`, { rule: 'contract-exists' }),
    );
  },

  async getContract(contractId) {
    return contractRecord.fromOptional((await db.send(new GetCommand({ TableName: table(), Key: keys.contract(contractId) }))).Item);
  },

  async listCouncilContracts(councilOrgId) {
    const items = await queryAll(byPrefix(table(), consortiaKeys.organisation(councilOrgId).pk, keys.prefix.contract, 'gsi1'));
    return items.map(contractRecord.fromItem);
  },

  async saveContract(c, expectedVersion, event) {
    await transact([saveItem(c, expectedVersion), eventItem(event)], (i) => (i === 0 ? changed(c.id) : eventRecorded(event)));
  },

  saveContractByLink: (c, expectedVersion, linkHash, now, event) =>
    attempt([consumeLinkItem(linkHash, now), saveItem(c, expectedVersion), eventItem(event)]),

  async getPolicy(councilOrgId) {
    return policyRecord.fromOptional((await db.send(new GetCommand({ TableName: table(), Key: keys.policy(councilOrgId) }))).Item)?.policy;
  },

  async savePolicy(councilOrgId, policy, event) {
    await transact([{ Put: { TableName: table(), Item: policyRecord.toItem({ policy }, councilOrgId) } }, eventItem(event)], () =>
      conflict('the policy could not be saved; try again'),
    );
  },
};
