import * as records from '../../../shared/consortia/codecs';
import type { Consortium } from '../../../shared/consortia/consortium';
import { keys } from '../../../shared/consortia/keys';
import type { Organisation } from '../../../shared/consortia/organisation';
import { staffChanged } from '../../../shared/consortia/staff';
import { type ConsortiaStore, emailTaken, identifierTaken } from '../../../shared/consortia/store';
import { conflict, notFound } from '../../../shared/platform/errors';
import type { DomainEvent } from '../../../shared/platform/events';
import { change, eventOp, holds, type MemoryTable, mustExist, newOp, putOp, setAtOp } from './table';

/** The consortia store on the in-memory table (fast tests); same codecs, keys and conditions as shared/consortia/dynamodb-store.ts. */
export function memoryConsortia(table: MemoryTable): ConsortiaStore {
  const orgOf = (orgId: string) => table.read(records.organisationRecord, keys.organisation(orgId));
  const userOf = (userId: string) => table.read(records.userRecord, keys.user(userId));
  const moved = (consortiumId: string) => () => conflict(`consortium ${consortiumId} was changed by someone else; reload and try again`);
  const changeConsortium = (consortiumId: string, expectedVersion: number, fields: Partial<Consortium>, event: DomainEvent) =>
    table.transact([
      setAtOp(records.consortiumRecord, keys.consortium(consortiumId), fields, expectedVersion, moved(consortiumId)),
      eventOp(event),
    ]);
  const store: ConsortiaStore = {
    async createOrganisation(org, event) {
      table.transact([
        newOp(records.organisationRecord.toItem(org), () => conflict(`organisation ${org.id} already exists`)),
        newOp(records.organisationIdentifierRecord.toItem({ orgId: org.id }, org.identifier), () => identifierTaken(org.identifier)),
        eventOp(event),
      ]);
    },
    getOrganisation: async (orgId) => orgOf(orgId),
    async findOrganisationByIdentifier(identifier) {
      const guard = table.read(records.organisationIdentifierRecord, keys.organisationIdentifier(identifier));
      return guard ? orgOf(guard.orgId) : undefined;
    },
    async getOrganisations(orgIds) {
      const found = new Map<string, Organisation>();
      for (const id of new Set(orgIds)) {
        const org = orgOf(id);
        if (org) found.set(id, org);
      }
      return found;
    },
    listOrganisations: async (kind) => table.list(records.organisationRecord, keys.organisationIndex(kind, '', '').gsi1pk, '', 'gsi1'),
    async setGiving360Prefix(orgId, prefix, event) {
      table.transact([
        {
          key: keys.organisation(orgId),
          check: mustExist(() => notFound('organisation', orgId)),
          write: change(records.organisationRecord, (org) => ({ ...org, giving360Prefix: prefix })),
        },
        eventOp(event),
      ]);
    },
    async createUser(user, event) {
      const taken = () => emailTaken(user.email);
      table.transact([
        newOp(records.userRecord.toItem(user), taken),
        newOp(records.userEmailRecord.toItem({ userId: user.id }, user.email), taken),
        eventOp(event),
      ]);
    },
    getUser: async (userId) => userOf(userId),
    async findUserByEmail(email) {
      const guard = table.read(records.userEmailRecord, keys.userEmail(email));
      return guard ? userOf(guard.userId) : undefined;
    },
    async putMembership(m, event) {
      table.transact([putOp(records.membershipRecord.toItem(m)), eventOp(event)]);
    },
    async replaceMembership(current, next, keeps, event) {
      table.transact([
        {
          key: keys.membership(current.userId, current.orgId),
          check: holds(records.membershipRecord, (m) => m.role === current.role, staffChanged),
          write: () => (next ? records.membershipRecord.toItem(next) : undefined),
        },
        ...(keeps
          ? [
              {
                key: keys.membership(keeps.userId, keeps.orgId),
                check: holds(records.membershipRecord, (m) => m.role === 'admin', staffChanged),
              },
            ]
          : []),
        eventOp(event),
      ]);
    },
    listMemberships: async (userId) => table.list(records.membershipRecord, keys.user(userId).pk, keys.memberPrefix),
    listOrganisationMembers: async (orgId) => table.list(records.membershipRecord, keys.organisation(orgId).pk, keys.memberPrefix, 'gsi1'),
    async createConsortium(c, event) {
      const { members, ...header } = c;
      table.transact([
        newOp(records.consortiumRecord.toItem(header), () => conflict(`consortium ${c.id} already exists`)),
        ...members.map((m) => putOp(records.consortiumMemberRecord.toItem({ consortiumId: c.id, ...m }))),
        eventOp(event),
      ]);
    },
    async getConsortium(consortiumId) {
      return records.consortiumOf(table.query(keys.consortium(consortiumId).pk), consortiumId);
    },
    async listConsortiaOf(orgId) {
      return table
        .query(keys.organisation(orgId).pk, keys.consortiumPrefix, 'gsi1')
        .map((i) => records.consortiumMemberRecord.fromItem(i).consortiumId);
    },
    async saveConsortiumStatus(c, expectedVersion, event) {
      changeConsortium(c.id, expectedVersion, { status: c.status, version: c.version, activatedAt: c.activatedAt }, event);
    },
    async saveReportingPolicy(consortiumId, policy, expectedVersion, event) {
      changeConsortium(consortiumId, expectedVersion, { reportingPolicy: policy, version: expectedVersion + 1 }, event);
    },
  };
  return store;
}
