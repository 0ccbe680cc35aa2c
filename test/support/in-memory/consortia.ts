import {
  consortiumMemberRecord,
  consortiumOf,
  consortiumRecord,
  membershipRecord,
  organisationIdentifierRecord,
  organisationRecord,
  userEmailRecord,
  userRecord,
} from '../../../shared/consortia/codecs';
import { keys } from '../../../shared/consortia/keys';
import type { Organisation } from '../../../shared/consortia/organisation';
import { staffChanged } from '../../../shared/consortia/staff';
import type { ConsortiaStore } from '../../../shared/consortia/store';
import { conflict, DomainError } from '../../../shared/platform/errors';
import { change, eventOp, holds, type MemoryTable, mustNotExist } from './table';

/** The consortia store on the in-memory table (fast tests); same codecs, keys and conditions as shared/consortia/dynamodb-store.ts. */
export function memoryConsortia(table: MemoryTable): ConsortiaStore {
  const orgOf = (orgId: string) => organisationRecord.fromOptional(table.get(keys.organisation(orgId)));
  const userOf = (userId: string) => userRecord.fromOptional(table.get(keys.user(userId)));
  const moved = (consortiumId: string) => () => conflict(`consortium ${consortiumId} was changed by someone else; reload and try again`);
  const store: ConsortiaStore = {
    async createOrganisation(org, event) {
      table.transact([
        {
          key: keys.organisation(org.id),
          check: mustNotExist(() => conflict(`organisation ${org.id} already exists`)),
          write: () => organisationRecord.toItem(org),
        },
        {
          key: keys.organisationIdentifier(org.identifier),
          check: mustNotExist(
            () =>
              new DomainError('conflict', `an organisation with identifier ${org.identifier} already exists`, [
                { field: 'identifier', rule: 'unique-identifier', message: `${org.identifier} is already registered` },
              ]),
          ),
          write: () => organisationIdentifierRecord.toItem({ orgId: org.id }, org.identifier),
        },
        eventOp(event),
      ]);
    },
    async getOrganisation(orgId) {
      return orgOf(orgId);
    },
    async findOrganisationByIdentifier(identifier) {
      const guard = organisationIdentifierRecord.fromOptional(table.get(keys.organisationIdentifier(identifier)));
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
    async listOrganisations(kind) {
      return table.query(keys.organisationIndex(kind, '', '').gsi1pk, '', 'gsi1').map(organisationRecord.fromItem);
    },
    async createUser(user, event) {
      const taken = () =>
        new DomainError('conflict', `a user with email ${user.email} already exists`, [
          { field: 'email', rule: 'unique-email', message: `${user.email} is already registered` },
        ]);
      table.transact([
        { key: keys.user(user.id), check: mustNotExist(taken), write: () => userRecord.toItem(user) },
        {
          key: keys.userEmail(user.email),
          check: mustNotExist(taken),
          write: () => userEmailRecord.toItem({ userId: user.id }, user.email),
        },
        eventOp(event),
      ]);
    },
    async getUser(userId) {
      return userOf(userId);
    },
    async findUserByEmail(email) {
      const guard = userEmailRecord.fromOptional(table.get(keys.userEmail(email)));
      return guard ? userOf(guard.userId) : undefined;
    },
    async putMembership(m, event) {
      table.transact([{ key: keys.membership(m.userId, m.orgId), write: () => membershipRecord.toItem(m) }, eventOp(event)]);
    },
    async replaceMembership(current, next, keeps, event) {
      table.transact([
        {
          key: keys.membership(current.userId, current.orgId),
          check: holds(membershipRecord, (m) => m.role === current.role, staffChanged),
          write: () => (next ? membershipRecord.toItem(next) : undefined),
        },
        ...(keeps
          ? [{ key: keys.membership(keeps.userId, keeps.orgId), check: holds(membershipRecord, (m) => m.role === 'admin', staffChanged) }]
          : []),
        eventOp(event),
      ]);
    },
    async listMemberships(userId) {
      return table.query(keys.user(userId).pk, keys.memberPrefix).map(membershipRecord.fromItem);
    },
    async listOrganisationMembers(orgId) {
      return table.query(keys.organisation(orgId).pk, keys.memberPrefix, 'gsi1').map(membershipRecord.fromItem);
    },
    async createConsortium(c, event) {
      const { members, ...header } = c;
      table.transact([
        {
          key: keys.consortium(c.id),
          check: mustNotExist(() => conflict(`consortium ${c.id} already exists`)),
          write: () => consortiumRecord.toItem(header),
        },
        ...members.map((m) => ({
          key: keys.consortiumMember(c.id, m.orgId),
          write: () => consortiumMemberRecord.toItem({ consortiumId: c.id, ...m }),
        })),
        eventOp(event),
      ]);
    },
    async getConsortium(consortiumId) {
      return consortiumOf(table.query(keys.consortium(consortiumId).pk), consortiumId);
    },
    async listConsortiaOf(orgId) {
      return table
        .query(keys.organisation(orgId).pk, keys.consortiumPrefix, 'gsi1')
        .map((i) => consortiumMemberRecord.fromItem(i).consortiumId);
    },
    async saveConsortiumStatus(c, expectedVersion, event) {
      table.transact([
        {
          key: keys.consortium(c.id),
          check: holds(consortiumRecord, (s) => s.version === expectedVersion, moved(c.id)),
          write: change(consortiumRecord, (s) => ({ ...s, status: c.status, version: c.version, activatedAt: c.activatedAt })),
        },
        eventOp(event),
      ]);
    },
    async saveReportingPolicy(consortiumId, policy, expectedVersion, event) {
      table.transact([
        {
          key: keys.consortium(consortiumId),
          check: holds(consortiumRecord, (s) => s.version === expectedVersion, moved(consortiumId)),
          write: change(consortiumRecord, (s) => ({ ...s, reportingPolicy: policy, version: expectedVersion + 1 })),
        },
        eventOp(event),
      ]);
    },
  };
  return store;
}
