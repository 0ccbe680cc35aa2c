import { DomainError } from '../platform/errors';
import type { DomainEvent } from '../platform/events';
import type { Mailer, PlatformStore, Scheduler, Workflows } from '../platform/ports';
import type { Consortium } from './consortium';
import type { MemberRole, Organisation, OrganisationKind } from './organisation';

export interface User {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  createdAt: string;
}

export interface Membership {
  userId: string;
  orgId: string;
  role: MemberRole;
  grantedAt: string;
}

/** What both adapters refuse a second organisation with an identifier, or a second user with an email, with. */
const taken = (field: 'identifier' | 'email', what: string, value: string) =>
  new DomainError('conflict', `${what} with ${field} ${value} already exists`, [
    { field, rule: `unique-${field}`, message: `${value} is already registered` },
  ]);
export const identifierTaken = (identifier: string) => taken('identifier', 'an organisation', identifier);
export const emailTaken = (email: string) => taken('email', 'a user', email);

/** Organisations, their people, and consortia. */
export interface ConsortiaStore {
  createOrganisation(org: Organisation, event: DomainEvent): Promise<void>;
  getOrganisation(orgId: string): Promise<Organisation | undefined>;
  getOrganisations(orgIds: string[]): Promise<Map<string, Organisation>>;
  /** The organisation registered under an org-id identifier (e.g. GB-CHC-1234567), if any. */
  findOrganisationByIdentifier(identifier: string): Promise<Organisation | undefined>;
  listOrganisations(kind: OrganisationKind): Promise<Organisation[]>;
  /** Sets an organisation's 360Giving prefix, with its event; not-found if the organisation is not there. */
  setGiving360Prefix(orgId: string, prefix: string, event: DomainEvent): Promise<void>;

  createUser(user: User, event: DomainEvent): Promise<void>;
  getUser(userId: string): Promise<User | undefined>;
  findUserByEmail(email: string): Promise<User | undefined>;
  putMembership(membership: Membership, event: DomainEvent): Promise<void>;
  /**
   * Changes a membership's role (`next`) or ends it (`next` undefined), only if it still has the
   * role read (`current`), and only if `keeps` (the admin who stays, when an admin leaves or is
   * demoted) is still an admin: one transaction with the event, so the organisation never loses
   * its last admin to two changes at once. Otherwise a conflict.
   */
  replaceMembership(current: Membership, next: Membership | undefined, keeps: Membership | undefined, event: DomainEvent): Promise<void>;
  listMemberships(userId: string): Promise<Membership[]>;
  listOrganisationMembers(orgId: string): Promise<Membership[]>;

  createConsortium(consortium: Consortium, event: DomainEvent): Promise<void>;
  getConsortium(consortiumId: string): Promise<Consortium | undefined>;
  listConsortiaOf(orgId: string): Promise<string[]>;
  /** Optimistic: fails with a conflict if the stored version is not `expectedVersion`. */
  saveConsortiumStatus(consortium: Consortium, expectedVersion: number, event: DomainEvent): Promise<void>;
  /**
   * The grants feature's reporting policy, kept on the consortium so one version guards both
   * (grants checks and reads it with its own schema); a conflict if the version moved.
   */
  saveReportingPolicy(consortiumId: string, policy: unknown, expectedVersion: number, event: DomainEvent): Promise<void>;
}

/** Everything the consortia use cases may use; each use case takes only what it picks. */
export interface ConsortiaDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  clock: { now(): Date };
  mailer: Mailer;
  workflows: Workflows;
  scheduler: Scheduler;
}
