import type { DomainEvent, EventType } from '../domain/events';
import { newId } from '../domain/ids';

export function makeEvent<T extends Record<string, unknown>>(
  type: EventType,
  subject: string,
  actor: string,
  data: T,
  now: Date,
): DomainEvent<T> {
  return { id: newId(now), type, version: 1, subject, occurredAt: now.toISOString(), actor, data };
}
