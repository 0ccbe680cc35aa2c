import type { DomainEvent } from './events';
import type { LinkRecord } from './links/token';

/**
 * Ports to the outside world that every feature shares. Adapters live in `aws/` (the real
 * services, on both targets) and, for fast tests, `test/support/in-memory/` (no production path uses those).
 */

/** Every email is multipart, both parts rendered from one message (platform/email/message.ts). */
export interface Email {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(email: Email): Promise<{ messageId: string }>;
}

export interface Workflows {
  /** Starts an execution of a catalog workflow with a deterministic name; a second start of the same name is a no-op. */
  start(workflowId: string, name: string, input: unknown): Promise<{ started: boolean }>;
  succeed(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

export interface OneTimeSchedule {
  name: string;
  at: Date;
  /** The catalog id of the function the schedule invokes. */
  target: string;
  input: unknown;
}

export interface Scheduler {
  /** Creates a one-time schedule; an existing schedule of the same name is left as it is. */
  scheduleOnce(schedule: OneTimeSchedule): Promise<{ created: boolean }>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

/** A workflow's task token, parked in the table until something resumes it. */
export interface WaitingTask {
  subject: string;
  purpose: string;
  taskToken: string;
  executionName: string;
  deadline: string;
}

/** Which link a reusable link's owner uses now: only the hash, as for every link. */
export interface CurrentLink {
  hash: string;
  createdAt: string;
}

/** A record's key, for reads that ride along with another in one round trip. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** The table's shared records: parked task tokens, once markers, events, emailed links. */
export interface PlatformStore {
  putWaitingTask(task: WaitingTask): Promise<void>;
  getWaitingTask(subject: string, purpose: string): Promise<WaitingTask | undefined>;
  /** Removes the record and returns it, or undefined if another caller took it first. */
  takeWaitingTask(subject: string, purpose: string): Promise<WaitingTask | undefined>;

  /** True the first time a scope is claimed; false for every repeat (idempotent side effects). */
  claimOnce(scope: string, now: Date, ttlDays: number): Promise<boolean>;
  releaseOnce(scope: string): Promise<void>;

  /** Records an event on its own (no state change beyond the event itself). */
  appendEvent(event: DomainEvent): Promise<void>;
  /** An aggregate's audit trail, oldest first. */
  listEvents(subject: string): Promise<DomainEvent[]>;

  putLink(link: LinkRecord): Promise<void>;
  getLink(hash: string): Promise<LinkRecord | undefined>;
  /**
   * The link and, in the same round trip, the records a POST through it will need: each item as
   * stored (for the owner's codec to read), or undefined when absent, in the order asked.
   */
  getLinkWith(hash: string, also: ItemKey[]): Promise<{ link?: LinkRecord; items: (Record<string, unknown> | undefined)[] }>;
  /** A revoked link is as unknown as a made-up one (a rotated calendar feed's old URL). */
  revokeLink(hash: string, now: string): Promise<void>;
  /** The reusable link an owner record points at now (a calendar feed), if any. */
  getCurrentLink(pointer: { pk: string; sk: string }): Promise<CurrentLink | undefined>;
  /**
   * In one transaction: the new link, the pointer moved to it (only if it still points where
   * the caller read it: `previous`), the old link revoked, and the event. Someone rotating at
   * the same moment gets a conflict; nothing is half-done.
   */
  rotateLink(pointer: { pk: string; sk: string }, link: LinkRecord, previous: string | undefined, event: DomainEvent): Promise<void>;

  /** One read that proves the table answers (health checks). */
  probe(): Promise<void>;
}
