import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient as db, entity, queryAll } from '../platform/aws/dynamodb';
import { eventItem, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, DomainError } from '../platform/errors';
import type { Consortium, ConsortiumMember } from './consortium';
import { keys } from './keys';
import type { Organisation } from './organisation';
import { staffChanged } from './staff';
import type { ConsortiaStore, Membership, User } from './store';

const primaryKey = (k: { pk: string; sk: string }) => ({ pk: k.pk, sk: k.sk });

const table = () => config.tableName();

export const dynamoConsortia: ConsortiaStore = {
  async createOrganisation(org, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.organisation(org.id), ...keys.organisationIndex(org.kind, org.name, org.id), entity: 'organisation', ...org },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: { ...keys.organisationIdentifier(org.identifier), entity: 'organisation-identifier', orgId: org.id },
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
    return entity<Organisation>(out.Item);
  },

  async findOrganisationByIdentifier(identifier) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.organisationIdentifier(identifier) }));
    return out.Item ? this.getOrganisation(String(out.Item.orgId)) : undefined;
  },

  async getOrganisations(orgIds) {
    const found = new Map<string, Organisation>();
    const unique = [...new Set(orgIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [table()]: { Keys: unique.slice(i, i + 100).map((id) => keys.organisation(id)) },
      };
      while (request && Object.keys(request).length > 0) {
        const out = await db.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[table()] ?? []) {
          const org = entity<Organisation>(item) as Organisation;
          found.set(org.id, org);
        }
        request = out.UnprocessedKeys as typeof request;
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
    return items.map((i) => entity<Organisation>(i) as Organisation);
  },

  async createUser(user, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.user(user.id), entity: 'user', ...user },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table(),
            Item: { ...keys.userEmail(user.email), entity: 'user-email', userId: user.id },
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
    return entity<User>(out.Item);
  },

  async findUserByEmail(email) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.userEmail(email) }));
    const userId = out.Item?.userId as string | undefined;
    return userId ? this.getUser(userId) : undefined;
  },

  async putMembership(m, event) {
    await transact(
      [{ Put: { TableName: table(), Item: { ...keys.membership(m.userId, m.orgId), entity: 'membership', ...m } } }, eventItem(event)],
      () => conflict('membership could not be recorded'),
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
      ? { Put: { TableName: table(), Item: { ...key, entity: 'membership', ...next }, ...unchanged } }
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
    return items.map((i) => entity<Membership>(i) as Membership);
  },

  async listOrganisationMembers(orgId) {
    const items = await queryAll({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':sk': keys.memberPrefix },
    });
    return items.map((i) => entity<Membership>(i) as Membership);
  },

  async createConsortium(c, event) {
    const { members, ...header } = c;
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.consortium(c.id), entity: 'consortium', ...header },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...members.map((m) => ({
          Put: {
            TableName: table(),
            Item: { ...keys.consortiumMember(c.id, m.orgId), entity: 'consortium-member', consortiumId: c.id, ...m },
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
      ExpressionAttributeValues: { ':pk': keys.consortium(consortiumId).pk, ':from': 'CONS', ':to': `${keys.memberPrefix}\uffff` },
    });
    const header = items.find((i) => i.sk === 'CONS');
    if (!header) return undefined;
    const members = items
      .filter((i) => String(i.sk).startsWith(keys.memberPrefix))
      .map((i) => ({ orgId: i.orgId as string, role: i.role as ConsortiumMember['role'] }));
    return { ...(entity<Omit<Consortium, 'members'>>(header) as Omit<Consortium, 'members'>), members };
  },

  async listConsortiaOf(orgId) {
    const items = await queryAll({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':sk': keys.consortiumPrefix },
    });
    return items.map((i) => i.consortiumId as string);
  },

  async saveConsortiumStatus(c, expectedVersion, event) {
    await transact(
      [
        {
          Update: {
            TableName: table(),
            Key: keys.consortium(c.id),
            UpdateExpression: 'SET #status = :status, version = :version, activatedAt = :activatedAt',
            ConditionExpression: 'version = :expected',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':status': c.status,
              ':version': c.version,
              ':expected': expectedVersion,
              ':activatedAt': c.activatedAt ?? null,
            },
          },
        },
        eventItem(event),
      ],
      () => conflict(`consortium ${c.id} was changed by someone else; reload and try again`),
    );
  },
};
