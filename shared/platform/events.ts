import { newId } from './ids';
// Types only: the platform validates through each schema's own Standard Schema `validate`, so a
// bundle that writes no event (or only reads) carries no zod on the platform's account.
import type * as z from './zod';

/**
 * Domain events: written as items in the same transaction as the state change they describe
 * (the audit trail and the outbox), then published to EventBridge by the stream router with
 * `source` EVENT_SOURCE and `detail-type` = `type`. `version` lets consumers accept old and
 * new shapes side by side.
 */
export const EVENT_SOURCE = 'grantloop';

export interface DomainEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  version: 1;
  /** What the event is about, as `<kind>#<id>` (e.g. `consortium#01H…`), never a storage key. */
  subject: string;
  occurredAt: string;
  actor: string;
  data: T;
}

export const subjectOf = (kind: string, id: string): string => `${kind}#${id}`;

/**
 * One event type a feature writes: the schema of its payload (what every consumer may rely on,
 * and all it may rely on: strict, so a field no schema names cannot slip out) and, for the event
 * catalogue in docs/ARCHITECTURE.md, who writes it.
 */
export interface EventSpec<S extends z.ZodMiniObject = z.ZodMiniObject> {
  writtenBy: string;
  data: S;
  /** Anything else a reader of the catalogue should know (what the payload leaves out, and why). */
  note?: string;
  /** What a field means beyond its type, for the catalogue (`pence`, `only for …`). */
  fields?: Readonly<Record<string, string>>;
}

export type EventSpecs = Readonly<Record<string, EventSpec>>;

/** The payload of one type, as written and as read. */
export type EventData<D extends EventSpecs, K extends keyof D> = z.output<D[K]['data']>;

/** Any one of a feature's events, narrowed by its `type`. */
export type EventOf<D extends EventSpecs> = { [K in keyof D & string]: { type: K; data: EventData<D, K> } }[keyof D & string];

/** A payload that does not fit its type's schema, named by the type and the field. */
export class EventPayloadError extends Error {
  override name = 'EventPayloadError';
  constructor(
    readonly type: string,
    readonly field: string,
    problem: string,
  ) {
    super(`event ${type}: ${field ? `data.${field}` : 'data'} ${problem}`);
  }
}

// Every type any feature declares, filled as each feature's events.ts is loaded. A feature's
// events are made only through its own events.ts, so a type made in this process is here.
const declared = new Map<string, { feature: string; spec: EventSpec }>();

/**
 * A feature's event types with their payload schemas. Two features may not declare one type:
 * an event has one producer, whose schema is the promise its consumers read.
 */
export function defineEvents<const D extends EventSpecs>(feature: string, specs: D): D {
  for (const [type, spec] of Object.entries(specs)) {
    const owner = declared.get(type)?.feature;
    if (owner && owner !== feature) throw new Error(`event type ${type} is declared by ${owner} and ${feature}`);
    declared.set(type, { feature, spec });
  }
  return specs;
}

function problemOf(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'unrecognized_keys') return `has fields its schema does not name: ${issue.keys.join(', ')}`;
  // Issues do not carry the value they are about: look it up, to tell absent from wrong.
  const value = issue.path.reduce<unknown>(
    (v, key) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
  if (issue.code === 'invalid_type' && value === undefined) return `is missing (expected ${issue.expected})`;
  return `does not fit: ${issue.message}`;
}

/** A payload checked against its schema, or an EventPayloadError naming the type and the first field that does not fit. */
function checkData<S extends z.ZodMiniObject>(type: string, schema: S, data: unknown): z.output<S> {
  const result = schema['~standard'].validate(data);
  if (result instanceof Promise) throw new Error(`event ${type}: its payload schema must check synchronously`);
  if (!result.issues) return result.value as z.output<S>;
  // A zod schema's issues are zod's own (with their codes), behind the standard interface.
  const issue = result.issues[0] as z.core.$ZodIssue;
  throw new EventPayloadError(type, issue.path.map(String).join('.'), problemOf(issue, data));
}

/**
 * The outbox's check, made where the event item is built (both adapters): an event of a type no
 * feature declares, or whose payload does not fit its schema, is refused before anything is
 * written, so no consumer ever receives a payload its producer did not promise.
 */
export function outboxEvent(event: DomainEvent): DomainEvent {
  const found = declared.get(event.type);
  if (!found) throw new EventPayloadError(event.type, '', 'cannot be written: no feature declares this event type');
  checkData(event.type, found.spec.data, event.data);
  return event;
}

/**
 * Each feature gets a maker that accepts only the types it declares, each with its own payload
 * (so a misspelt type or a missing field fails the type check rather than a rule on AWS).
 */
export function eventMaker<D extends EventSpecs>(specs: D) {
  return <K extends keyof D & string>(
    type: K,
    subject: string,
    actor: string,
    data: EventData<D, K>,
    now: Date,
  ): DomainEvent<EventData<D, K>> => {
    if (!Object.hasOwn(specs, type)) throw new Error(`event type ${type} is not declared`);
    return { id: newId(now), type, version: 1, subject, occurredAt: now.toISOString(), actor, data };
  };
}

/**
 * A stored or delivered event read with its producer's schema: its type narrowed and its payload
 * checked, or undefined for a type the producer does not declare.
 */
export function readEvent<D extends EventSpecs>(specs: D, event: Pick<DomainEvent<unknown>, 'type' | 'data'>): EventOf<D> | undefined {
  const spec = Object.hasOwn(specs, event.type) ? specs[event.type] : undefined;
  if (!spec) return undefined;
  return { type: event.type, data: checkData(event.type, spec.data, event.data) } as EventOf<D>;
}
