import { newId } from './ids';
import type * as z from './zod';
// Only zod's locale, set when a feature's schemas are built: the platform checks through each
// schema's own Standard Schema `validate`, so a bundle that builds none carries no zod on its account.
import { inEnglish } from './zod';

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
 * A feature's event types, each with the schema of its payload: what every consumer may rely on,
 * and all it may rely on (strict, so a field no schema names cannot slip out).
 */
export type EventSpecs = Readonly<Record<string, z.ZodMiniObject>>;

/**
 * A feature's event types with their payload schemas, built on first use (and once): a Lambda
 * that loads a feature's events module but writes none of its events never builds them.
 */
export type Events<D extends EventSpecs = EventSpecs> = () => D;

/** The event types a feature declares. */
export type EventType<E extends Events> = keyof ReturnType<E> & string;

/** The payload of one type, as written and as read. */
export type EventData<E extends Events, K extends EventType<E>> = z.output<ReturnType<E>[K]>;

/** Any one of a feature's events (or of several features'), narrowed by its `type`. */
export type EventOf<E extends Events> = E extends Events
  ? { [K in EventType<E>]: { type: K; data: EventData<E, K> } }[EventType<E>]
  : never;

/**
 * For the event catalogue in docs/ARCHITECTURE.md: who writes a type, anything else its reader
 * should know (what the payload leaves out, and why), and what a field means beyond its type
 * (`pence`, `only for …`). Kept apart from the schemas, so no Lambda bundle carries the prose.
 */
export interface EventNote<Fields extends string = string> {
  writtenBy: string;
  note?: string;
  fields?: { readonly [F in Fields]?: string };
}

/** A note for every type a feature declares, naming only fields its payload has. */
export type EventNotes<E extends Events> = { readonly [K in EventType<E>]: EventNote<keyof EventData<E, K> & string> };

/**
 * A feature's notes, where several types have one writer and nothing more to say: those are
 * listed under the writer (`bySameWriter`), the others in `notes`. Used as
 * `/* @__PURE__ *\/ eventNotes<typeof events>()(notes, bySameWriter)`, so that a bundle that does not
 * use the notes leaves them out, prose and all.
 */
// @__NO_SIDE_EFFECTS__
export function eventNotes<E extends Events>() {
  // @__NO_SIDE_EFFECTS__
  return <const K extends EventType<E>>(
    notes: Omit<EventNotes<E>, K>,
    bySameWriter: Readonly<Record<string, readonly K[]>>,
  ): EventNotes<E> => {
    const shared = Object.entries(bySameWriter).flatMap(([writtenBy, types]) => types.map((type) => [type, { writtenBy }]));
    return { ...notes, ...Object.fromEntries(shared) } as EventNotes<E>;
  };
}

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

// Every feature whose events module is loaded, with its specs (built when first asked for). A
// feature's events are made only through its own events.ts, so a type made in this process is here.
const declared: { feature: string; events: Events }[] = [];

/**
 * A feature's event types with their payload schemas, as a function that builds them on its first
 * call and hands back the same record after. Call it as `/* @__PURE__ *\/ defineEvents(…, () => ({…}))`:
 * the bundler may then leave out a feature's schemas (and the zod they use) from a bundle that
 * neither makes nor reads its events. Two features may not declare one type: an event has one
 * producer, whose schema is the promise its consumers read (checked when the type is looked up).
 */
export function defineEvents<const D extends EventSpecs>(feature: string, build: () => D): Events<D> {
  let specs: D | undefined;
  const events = () => {
    if (!specs) {
      inEnglish();
      specs = build();
    }
    return specs;
  };
  declared.push({ feature, events });
  return events;
}

/**
 * The payload schema of a type from whichever loaded feature declares it. That one feature
 * declares it is checked over the catalog (test/platform/event-payloads.test.ts), not here.
 */
function declaredSchema(type: string): z.ZodMiniObject | undefined {
  return declared.find((d) => Object.hasOwn(d.events(), type))?.events()[type];
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
  const schema = declaredSchema(event.type);
  if (!schema) throw new EventPayloadError(event.type, '', 'cannot be written: no feature declares this event type');
  checkData(event.type, schema, event.data);
  return event;
}

/**
 * Each feature gets a maker that accepts only the types it declares, each with its own payload
 * (so a misspelt type or a missing field fails the type check rather than a rule on AWS). The
 * payload is checked where the event item is built (`outboxEvent`); `events` is there for its
 * types, and so that a bundle that makes a feature's events keeps that feature's schemas.
 */
export function eventMaker<E extends Events>(_events: E) {
  return <K extends EventType<E>>(
    type: K,
    subject: string,
    actor: string,
    data: EventData<E, K>,
    now: Date,
  ): DomainEvent<EventData<E, K>> => ({ id: newId(now), type, version: 1, subject, occurredAt: now.toISOString(), actor, data });
}

/**
 * A stored or delivered event read with its producers' schemas: its type narrowed and its payload
 * checked, or undefined for a type none of them declares.
 */
export function readEvent<E extends Events>(
  producers: E | readonly E[],
  event: Pick<DomainEvent<unknown>, 'type' | 'data'>,
): EventOf<E> | undefined {
  for (const events of Array.isArray(producers) ? producers : [producers]) {
    const specs = (events as E)();
    if (Object.hasOwn(specs, event.type)) {
      return { type: event.type, data: checkData(event.type, specs[event.type] as z.ZodMiniObject, event.data) } as EventOf<E>;
    }
  }
  return undefined;
}
