import { byPrefix, documentClient as db, listRecords, op, partition, queryAll, readRecord } from '../platform/aws/dynamodb';
import { eventItem, put, putNew, setAt, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, notFound } from '../platform/errors';
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
import { type ConsortiaStore, emailTaken, identifierTaken } from './store';

const primaryKey = (k: { pk: string; sk: string }) => ({ pk: k.pk, sk: k.sk });

const table = () => config.tableName();

/**
 * Sets attributes of the consortium item, with the event, only if its version is still the one
 * read: a status and the reporting policy are guarded by the same version.
 */
const changeConsortium = (consortiumId: string, expectedVersion: number, fields: Record<string, unknown>, event: DomainEvent) =>
  transact([setAt(keys.consortium(consortiumId), fields, expectedVersion), eventItem(event)], () =>
    conflict(`consortium ${consortiumId} was changed by someone else; reload and try again`),
  );

export const dynamoConsortia: ConsortiaStore = {
  async createOrganisation(org, event) {
    await transact(
      [
        putNew(organisationRecord.toItem(org)),
        putNew(organisationIdentifierRecord.toItem({ orgId: org.id }, org.identifier)),
        eventItem(event),
      ],
      (failed) => (failed === 1 ? identifierTaken(org.identifier) : conflict(`organisation ${org.id} already exists`)),
    );
  },

  getOrganisation: (orgId) => readRecord(organisationRecord, keys.organisation(orgId)),

  async findOrganisationByIdentifier(identifier) {
    const guard = await readRecord(organisationIdentifierRecord, keys.organisationIdentifier(identifier));
    return guard ? this.getOrganisation(guard.orgId) : undefined;
  },

  async getOrganisations(orgIds) {
    const found = new Map<string, Organisation>();
    const unique = [...new Set(orgIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let pending: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => keys.organisation(id));
      while (pending.length > 0) {
        const out = await db.send(op.batchGet({ RequestItems: { [table()]: { Keys: pending } } }));
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
    const items = await queryAll(partition(table(), keys.organisationIndex(kind, '', '').gsi1pk, 'gsi1'));
    return items.map(organisationRecord.fromItem);
  },

  async setGiving360Prefix(orgId, prefix, event) {
    const set: TransactItem = {
      Update: {
        TableName: table(),
        Key: primaryKey(keys.organisation(orgId)),
        UpdateExpression: 'SET giving360Prefix = :prefix',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':prefix': prefix },
      },
    };
    await transact([set, eventItem(event)], () => notFound('organisation', orgId));
  },

  async createUser(user, event) {
    await transact(
      [putNew(userRecord.toItem(user)), putNew(userEmailRecord.toItem({ userId: user.id }, user.email)), eventItem(event)],
      () => emailTaken(user.email),
    );
  },

  getUser: (userId) => readRecord(userRecord, keys.user(userId)),

  async findUserByEmail(email) {
    const guard = await readRecord(userEmailRecord, keys.userEmail(email));
    return guard ? this.getUser(guard.userId) : undefined;
  },

  async putMembership(m, event) {
    await transact([put(membershipRecord.toItem(m)), eventItem(event)], () => conflict('membership could not be recorded'));
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

  listMemberships: (userId) => listRecords(membershipRecord, keys.user(userId).pk, keys.memberPrefix),

  listOrganisationMembers: (orgId) => listRecords(membershipRecord, keys.organisation(orgId).pk, keys.memberPrefix, 'gsi1'),

  async createConsortium(c, event) {
    const { members, ...header } = c;
    await transact(
      [
        putNew(consortiumRecord.toItem(header)),
        ...members.map((m) => put(consortiumMemberRecord.toItem({ consortiumId: c.id, ...m }))),
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
    const items = await queryAll(byPrefix(table(), keys.organisation(orgId).pk, keys.consortiumPrefix, 'gsi1'));
    return items.map((i) => consortiumMemberRecord.fromItem(i).consortiumId);
  },

  saveConsortiumStatus: (c, expectedVersion, event) =>
    changeConsortium(c.id, expectedVersion, { status: c.status, version: c.version, activatedAt: c.activatedAt ?? null }, event),

  saveReportingPolicy: (consortiumId, policy, expectedVersion, event) =>
    changeConsortium(consortiumId, expectedVersion, { reportingPolicy: policy, version: expectedVersion + 1 }, event),
};
