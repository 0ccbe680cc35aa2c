import { newId } from './ids';

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
 * Each feature declares the event types it writes; the maker it gets accepts only those, so a
 * misspelt type fails the type check rather than a rule on AWS.
 */
export function eventMaker<const Types extends readonly string[]>(types: Types) {
  const known = new Set<string>(types);
  return <T extends Record<string, unknown>>(type: Types[number], subject: string, actor: string, data: T, now: Date): DomainEvent<T> => {
    if (!known.has(type)) throw new Error(`event type ${type} is not declared`);
    return { id: newId(now), type, version: 1, subject, occurredAt: now.toISOString(), actor, data };
  };
}
