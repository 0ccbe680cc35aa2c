import type { Consortium } from '../domain/consortium';
import type { DomainEvent } from '../domain/events';
import type { MemberRole, Organisation, OrganisationKind } from '../domain/organisation';
import type { ReportingPolicy } from '../domain/reporting';

/** Ports: what use cases need from the outside world. Adapters implement them per target. */

export interface Clock {
  now(): Date;
}

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

export interface WaitingTask {
  subject: string;
  purpose: string;
  taskToken: string;
  executionName: string;
  deadline: string;
}

export interface Store {
  createOrganisation(org: Organisation, event: DomainEvent): Promise<void>;
  getOrganisation(orgId: string): Promise<Organisation | undefined>;
  getOrganisations(orgIds: string[]): Promise<Map<string, Organisation>>;
  listOrganisations(kind: OrganisationKind): Promise<Organisation[]>;

  createUser(user: User, event: DomainEvent): Promise<void>;
  getUser(userId: string): Promise<User | undefined>;
  findUserByEmail(email: string): Promise<User | undefined>;
  putMembership(membership: Membership, event: DomainEvent): Promise<void>;
  getMembership(userId: string, orgId: string): Promise<Membership | undefined>;
  listMemberships(userId: string): Promise<Membership[]>;
  listOrganisationMembers(orgId: string): Promise<Membership[]>;

  createConsortium(consortium: Consortium, event: DomainEvent): Promise<void>;
  getConsortium(consortiumId: string): Promise<Consortium | undefined>;
  listConsortiaOf(orgId: string): Promise<string[]>;
  /** Optimistic: fails with a conflict if the stored version is not `expectedVersion`. */
  saveConsortiumStatus(consortium: Consortium, expectedVersion: number, event: DomainEvent): Promise<void>;
  saveReportingPolicy(consortiumId: string, policy: ReportingPolicy, expectedVersion: number, event: DomainEvent): Promise<void>;

  putWaitingTask(task: WaitingTask): Promise<void>;
  getWaitingTask(subject: string, purpose: string): Promise<WaitingTask | undefined>;
  /** Removes the record and returns it, or undefined if another caller took it first. */
  takeWaitingTask(subject: string, purpose: string): Promise<WaitingTask | undefined>;

  /** True the first time a scope is claimed; false for every repeat (idempotent side effects). */
  claimOnce(scope: string, now: Date, ttlDays: number): Promise<boolean>;
  releaseOnce(scope: string): Promise<void>;
  /** Records an event on its own (no state change beyond the event itself). */
  appendEvent(event: DomainEvent): Promise<void>;
  listEvents(subjectPk: string): Promise<DomainEvent[]>;
}

export interface Email {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(email: Email): Promise<{ messageId: string }>;
}

export interface Workflows {
  /** Starts an execution with a deterministic name; a second start with the same name is a no-op. */
  start(stateMachineArn: string, name: string, input: unknown): Promise<{ started: boolean }>;
  succeed(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

export interface OneTimeSchedule {
  name: string;
  at: Date;
  targetArn: string;
  input: unknown;
}

export interface Scheduler {
  /** Creates a one-time schedule; an existing schedule of the same name is left as it is. */
  scheduleOnce(schedule: OneTimeSchedule): Promise<{ created: boolean }>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}
