import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient as db, queryAll } from '../platform/aws/dynamodb';
import { eventItem, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, DomainError } from '../platform/errors';
import type { DomainEvent } from '../platform/events';
import {
  consortiumMemberRecord,
  consortiumOf,
  consortiumRecord,
  membershipRecord,
  organisationIdentifierRecord,
  organisationRecord,
  userEmailRecord,
  userRecord,
} from './codecs';
import { keys } from './keys';
import type { Organisation } from './organisation';
import { staffChanged } from './staff';
import type { ConsortiaStore } from './store';

const primaryKey = (k: { pk: string; sk: string }) => ({ pk: k.pk, sk: k.sk });

const table = () => config.tableName();

/**
 * Sets attributes of the consortium item (`#name` → `:name`), with the event, only if its version
 * is still the one read: a status and the reporting policy are guarded by the same version.
 */
async function changeConsortium(
  consortiumId: string,
  expectedVersion: number,
  names: Record<string, string>,
  values: Record<string, unknown>,
  event: DomainEvent,
): Promise<void> {
  const sets = Object.keys(names).map((n) => `${n} = :${n.slice(1)}`);
  await transact(
    [
      {
        Update: {
          TableName: table(),
          Key: keys.consortium(consortiumId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':expected': expectedVersion },
        },
      },
      eventItem(event),
    ],
    () => conflict(`consortium ${consortiumId} was changed by someone else; reload and try again`),
  );
}

export const dynamoConsortia: ConsortiaStore = {
  async createOrganisation(org, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: organisationRecord.toItem(org),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: organisationIdentifierRecord.toItem({ orgId: org.id }, org.identifier),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      (failed) =>
        failed === 1
          ? new DomainError('conflict', `an organisation with identifier ${org.identifier} already exists`, [
              { field: 'identifier', rule: 'unique-identifier', message: `${org.identifier} is already registered` },
            ])
          : conflict(`organisation ${org.id} already exists`),
    );
  },

  async getOrganisation(orgId) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.organisation(orgId) }));
    return organisationRecord.fromOptional(out.Item);
  },

  async findOrganisationByIdentifier(identifier) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.organisationIdentifier(identifier) }));
    const guard = organisationIdentifierRecord.fromOptional(out.Item);
    return guard ? this.getOrganisation(guard.orgId) : undefined;
  },

  async getOrganisations(orgIds) {
    const found = new Map<string, Organisation>();
    const unique = [...new Set(orgIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let pending: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => keys.organisation(id));
      while (pending.length > 0) {
        const out = await db.send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending } } }));
        for (const item of out.Responses?.[table()] ?? []) {
          const org = organisationRecord.fromItem(item);
          found.set(org.id, org);
        }
        pending = out.UnprocessedKeys?.[table()]?.Keys ?? [];
      }
    }
    return found;
  },

  async listOrganisations(kind) {
    const items = await queryAll({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.organisationIndex(kind, '', '').gsi1pk },
    });
    return items.map(organisationRecord.fromItem);
  },

  async createUser(user, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: userRecord.toItem(user),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: userEmailRecord.toItem({ userId: user.id }, user.email),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      () =>
        new DomainError('conflict', `a user with email ${user.email} already exists`, [
          { field: 'email', rule: 'unique-email', message: `${user.email} is already registered` },
        ]),
    );
  },

  async getUser(userId) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.user(userId) }));
    return userRecord.fromOptional(out.Item);
  },

  async findUserByEmail(email) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.userEmail(email) }));
    const guard = userEmailRecord.fromOptional(out.Item);
    return guard ? this.getUser(guard.userId) : undefined;
  },

  async putMembership(m, event) {
    await transact([{ Put: { TableName: table(), Item: membershipRecord.toItem(m) } }, eventItem(event)], () =>
      conflict('membership could not be recorded'),
    );
  },

  async replaceMembership(current, next, keeps, event) {
    const key = keys.membership(current.userId, current.orgId);
    const unchanged = {
      ConditionExpression: '#role = :was',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':was': current.role },
    };
    const change: TransactItem = next
      ? { Put: { TableName: table(), Item: membershipRecord.toItem(next), ...unchanged } }
      : { Delete: { TableName: table(), Key: primaryKey(key), ...unchanged } };
    const stays: TransactItem[] = keeps
      ? [
          {
            ConditionCheck: {
              TableName: table(),
              Key: primaryKey(keys.membership(keeps.userId, keeps.orgId)),
              ConditionExpression: '#role = :admin',
              ExpressionAttributeNames: { '#role': 'role' },
              ExpressionAttributeValues: { ':admin': 'admin' },
            },
          },
        ]
      : [];
    await transact([change, ...stays, eventItem(event)], () => staffChanged());
  },

  async listMemberships(userId) {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.user(userId).pk, ':sk': keys.memberPrefix },
    });
    return items.map(membershipRecord.fromItem);
  },

  async listOrganisationMembers(orgId) {
    const items = await queryAll({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':sk': keys.memberPrefix },
    });
    return items.map(membershipRecord.fromItem);
  },

  async createConsortium(c, event) {
    const { members, ...header } = c;
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: consortiumRecord.toItem(header),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...members.map((m) => ({
          Put: {
            TableName: table(),
            Item: consortiumMemberRecord.toItem({ consortiumId: c.id, ...m }),
          },
        })),
        eventItem(event),
      ],
      () => conflict(`consortium ${c.id} already exists`),
    );
  },

  async getConsortium(consortiumId) {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.consortium(consortiumId).pk,
        ':from': keys.consortium(consortiumId).sk,
        ':to': `${keys.memberPrefix}\uffff`,
      },
    });
    return consortiumOf(items, consortiumId);
  },

  async listConsortiaOf(orgId) {
    const items = await queryAll({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':sk': keys.consortiumPrefix },
    });
    return items.map((i) => consortiumMemberRecord.fromItem(i).consortiumId);
  },

  async saveConsortiumStatus(c, expectedVersion, event) {
    await changeConsortium(
      c.id,
      expectedVersion,
      { '#status': 'status', '#version': 'version', '#activatedAt': 'activatedAt' },
      { ':status': c.status, ':version': c.version, ':activatedAt': c.activatedAt ?? null },
      event,
    );
  },

  async saveReportingPolicy(consortiumId, policy, expectedVersion, event) {
    await changeConsortium(
      consortiumId,
      expectedVersion,
      { '#reportingPolicy': 'reportingPolicy', '#version': 'version' },
      { ':reportingPolicy': policy, ':version': expectedVersion + 1 },
      event,
    );
  },
};
