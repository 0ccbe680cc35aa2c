import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys as consortiaKeys } from '../consortia/keys';
import { byPrefix, documentClient as db, entity, queryAll } from '../platform/aws/dynamodb';
import { attempt, consumeLinkItem, eventItem, eventRecorded, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, StaleWriteError } from '../platform/errors';
import type { Contract } from './contract';
import { keys } from './keys';
import type { ContractPolicy } from './rag';
import type { ContractStore } from './store';

const table = () => config.tableName();
export const changed = (id: string) => new StaleWriteError('contract', id);

const contractItem = (c: Contract) => ({ ...keys.contract(c.id), ...keys.contractIndex(c.councilOrgId, c.id), entity: 'contract', ...c });

function saveItem(c: Contract, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: contractItem(c),
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

export const dynamoContracts: ContractStore = {
  async createContract(c, event) {
    await transact(
      [{ Put: { TableName: table(), Item: contractItem(c), ConditionExpression: 'attribute_not_exists(pk)' } }, eventItem(event)],
      () => conflict(`contract ${c.id} already exists`, { rule: 'contract-exists' }),
    );
  },

  async getContract(contractId) {
    return entity<Contract>((await db.send(new GetCommand({ TableName: table(), Key: keys.contract(contractId) }))).Item);
  },

  async listCouncilContracts(councilOrgId) {
    const items = await queryAll(byPrefix(table(), consortiaKeys.organisation(councilOrgId).pk, keys.prefix.contract, 'gsi1'));
    return items.map((i) => entity<Contract>(i) as Contract);
  },

  async saveContract(c, expectedVersion, event) {
    await transact([saveItem(c, expectedVersion), eventItem(event)], (i) => (i === 0 ? changed(c.id) : eventRecorded(event)));
  },

  saveContractByLink: (c, expectedVersion, linkHash, now, event) =>
    attempt([consumeLinkItem(linkHash, now), saveItem(c, expectedVersion), eventItem(event)]),

  async getPolicy(councilOrgId) {
    const item = (await db.send(new GetCommand({ TableName: table(), Key: keys.policy(councilOrgId) }))).Item;
    return item ? (item.policy as ContractPolicy) : undefined;
  },

  async savePolicy(councilOrgId, policy, event) {
    await transact(
      [{ Put: { TableName: table(), Item: { ...keys.policy(councilOrgId), entity: 'contract-policy', policy } } }, eventItem(event)],
      () => conflict('the policy could not be saved; try again'),
    );
  },
};
