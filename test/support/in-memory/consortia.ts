import type { Consortium, ConsortiumMember } from '../../../shared/consortia/consortium';
import { keys } from '../../../shared/consortia/keys';
import type { Organisation } from '../../../shared/consortia/organisation';
import { staffChanged } from '../../../shared/consortia/staff';
import type { ConsortiaStore, Membership, User } from '../../../shared/consortia/store';
import { conflict, DomainError } from '../../../shared/platform/errors';
import { eventOp, type MemoryTable, mustNotExist, strip } from './table';

/** The consortia store on the in-memory table (fast tests); same keys, same conditions as shared/consortia/dynamodb-store.ts. */
export function memoryConsortia(table: MemoryTable): ConsortiaStore {
  const orgOf = (orgId: string) => strip<Organisation>(table.get(keys.organisation(orgId)));
  const store: ConsortiaStore = {
    async createOrganisation(org, event) {
      table.transact([
        {
          key: keys.organisation(org.id),
          check: mustNotExist(() => conflict(`organisation ${org.id} already exists`)),
          write: () => ({ ...keys.organisationIndex(org.kind, org.name, org.id), entity: 'organisation', ...org }),
        },
        {
          key: keys.organisationIdentifier(org.identifier),
          check: mustNotExist(
            () =>
              new DomainError('conflict', `an organisation with identifier ${org.identifier} already exists`, [
                { field: 'identifier', rule: 'unique-identifier', message: `${org.identifier} is already registered` },
              ]),
          ),
          write: () => ({ entity: 'organisation-identifier', orgId: org.id }),
        },
        eventOp(event),
      ]);
    },
    async getOrganisation(orgId) {
      return orgOf(orgId);
    },
    async findOrganisationByIdentifier(identifier) {
      const guard = table.get<{ orgId: string }>(keys.organisationIdentifier(identifier));
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
      return table.query(keys.organisationIndex(kind, '', '').gsi1pk, '', 'gsi1').map((i) => strip<Organisation>(i) as Organisation);
    },
    async createUser(user, event) {
      const taken = () =>
        new DomainError('conflict', `a user with email ${user.email} already exists`, [
          { field: 'email', rule: 'unique-email', message: `${user.email} is already registered` },
        ]);
      table.transact([
        { key: keys.user(user.id), check: mustNotExist(taken), write: () => ({ entity: 'user', ...user }) },
        { key: keys.userEmail(user.email), check: mustNotExist(taken), write: () => ({ entity: 'user-email', userId: user.id }) },
        eventOp(event),
      ]);
    },
    async getUser(userId) {
      return strip<User>(table.get(keys.user(userId)));
    },
    async findUserByEmail(email) {
      const userId = table.get(keys.userEmail(email))?.userId as string | undefined;
      return userId ? strip<User>(table.get(keys.user(userId))) : undefined;
    },
    async putMembership(m, event) {
      const k = keys.membership(m.userId, m.orgId);
      table.transact([{ key: k, write: () => ({ gsi1pk: k.gsi1pk, gsi1sk: k.gsi1sk, entity: 'membership', ...m }) }, eventOp(event)]);
    },
    async replaceMembership(current, next, keeps, event) {
      const k = keys.membership(current.userId, current.orgId);
      const unchanged = (cur: Record<string, unknown> | undefined) => (cur?.role === current.role ? undefined : staffChanged());
      table.transact([
        {
          key: k,
          check: unchanged,
          write: () => (next ? { gsi1pk: k.gsi1pk, gsi1sk: k.gsi1sk, entity: 'membership', ...next } : undefined),
        },
        ...(keeps
          ? [
              {
                key: keys.membership(keeps.userId, keeps.orgId),
                check: (cur: Record<string, unknown> | undefined) => (cur?.role === 'admin' ? undefined : staffChanged()),
              },
            ]
          : []),
        eventOp(event),
      ]);
    },
    async listMemberships(userId) {
      return table.query(keys.user(userId).pk, keys.memberPrefix).map((i) => strip<Membership>(i) as Membership);
    },
    async listOrganisationMembers(orgId) {
      return table.query(keys.organisation(orgId).pk, keys.memberPrefix, 'gsi1').map((i) => strip<Membership>(i) as Membership);
    },
    async createConsortium(c, event) {
      const { members, ...header } = c;
      table.transact([
        {
          key: keys.consortium(c.id),
          check: mustNotExist(() => conflict(`consortium ${c.id} already exists`)),
          write: () => ({ entity: 'consortium', ...header }),
        },
        ...members.map((m) => {
          const k = keys.consortiumMember(c.id, m.orgId);
          return { key: k, write: () => ({ gsi1pk: k.gsi1pk, gsi1sk: k.gsi1sk, entity: 'consortium-member', consortiumId: c.id, ...m }) };
        }),
        eventOp(event),
      ]);
    },
    async getConsortium(consortiumId) {
      const header = strip<Omit<Consortium, 'members'>>(table.get(keys.consortium(consortiumId)));
      if (!header) return undefined;
      const members = table
        .query(keys.consortium(consortiumId).pk, keys.memberPrefix)
        .map((i) => ({ orgId: i.orgId as string, role: i.role as ConsortiumMember['role'] }));
      return { ...header, members };
    },
    async listConsortiaOf(orgId) {
      return table.query(keys.organisation(orgId).pk, keys.consortiumPrefix, 'gsi1').map((i) => i.consortiumId as string);
    },
    async saveConsortiumStatus(c, expectedVersion, event) {
      table.transact([
        {
          key: keys.consortium(c.id),
          check: (cur) =>
            cur?.version === expectedVersion ? undefined : conflict(`consortium ${c.id} was changed by someone else; reload and try again`),
          write: (cur) => ({ ...cur, status: c.status, version: c.version, activatedAt: c.activatedAt ?? null }),
        },
        eventOp(event),
      ]);
    },
  };
  return store;
}
