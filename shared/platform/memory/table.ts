import { conflict } from '../errors';
import { type DomainEvent, outboxEvent } from '../events';
import { platformKeys } from '../keys';

export type Item = Record<string, unknown>;
export interface Key {
  pk: string;
  sk: string;
}

/**
 * One write of an in-memory transaction, with the condition DynamoDB would check on the item
 * as it is now (undefined when absent). `write` returns the new item, or undefined to delete.
 */
export interface MemoryOp {
  key: Key;
  /** An error when the condition fails; nothing at all is written then. */
  check?: (current: Item | undefined) => Error | undefined;
  write?: (current: Item | undefined) => Item | undefined;
}

const id = (k: Key) => `${k.pk}\u0000${k.sk}`;

/**
 * The single table in memory for fast tests: the same keys and item layout as the DynamoDB
 * adapters, every list a lookup on a key or index, and transactions that check every condition
 * before writing anything. It is not a DynamoDB emulator: adapters express their conditions as
 * predicates; the store contract tests run the same checks against both.
 */
export class MemoryTable {
  private readonly items = new Map<string, Item>();

  get<T = Item>(key: Key): T | undefined {
    const item = this.items.get(id(key));
    return item ? (structuredClone(item) as T) : undefined;
  }

  /** Items of one partition (or index partition), in sort-key order, optionally by sort-key prefix. */
  query<T = Item>(pk: string, prefix = '', index?: 'gsi1' | 'gsi2'): T[] {
    const p = index ? `${index}pk` : 'pk';
    const s = index ? `${index}sk` : 'sk';
    return [...this.items.values()]
      .filter((i) => i[p] === pk && String(i[s] ?? '').startsWith(prefix))
      .sort((a, b) => (String(a[s]) < String(b[s]) ? -1 : String(a[s]) > String(b[s]) ? 1 : 0))
      .map((i) => structuredClone(i) as T);
  }

  /** All conditions first, then all writes: nothing is half-written when one fails. */
  transact(ops: MemoryOp[]): void {
    const seen = new Set<string>();
    for (const op of ops) {
      const k = id(op.key);
      if (seen.has(k)) throw new Error(`one transaction touches ${op.key.pk} ${op.key.sk} twice`);
      seen.add(k);
      const failed = op.check?.(this.items.get(k));
      if (failed) throw failed;
    }
    for (const op of ops) {
      if (!op.write) continue;
      const next = op.write(structuredClone(this.items.get(id(op.key))));
      if (next) this.items.set(id(op.key), { ...structuredClone(next), pk: op.key.pk, sk: op.key.sk });
      else this.items.delete(id(op.key));
    }
  }

  /** Like transact, but a failed condition is a plain false (refusals the caller expects). */
  attempt(ops: MemoryOp[]): boolean {
    try {
      this.transact(ops);
      return true;
    } catch (error) {
      if (error instanceof Refused) return false;
      throw error;
    }
  }

  put(key: Key, item: Item): void {
    this.transact([{ key, write: () => item }]);
  }

  get size(): number {
    return this.items.size;
  }
}

/** A refusal `attempt` turns into false. */
export class Refused extends Error {}
export const refuse = (why = 'condition failed') => new Refused(why);

export const mustNotExist =
  (error: () => Error = () => refuse()) =>
  (current: Item | undefined) =>
    current ? error() : undefined;
export const mustExist =
  (error: () => Error = () => refuse()) =>
  (current: Item | undefined) =>
    current ? undefined : error();

/** The event item that rides in every state-changing transaction, as `eventItem` writes (and checks) it. */
export function eventOp(event: DomainEvent): MemoryOp {
  outboxEvent(event);
  return {
    key: platformKeys.event(event.subject, event.occurredAt, event.id),
    check: mustNotExist(() => conflict(`event ${event.id} was already recorded`)),
    write: () => ({ ...platformKeys.event(event.subject, event.occurredAt, event.id), entity: 'event', ...event }),
  };
}

/** Strips key and bookkeeping attributes, as the DynamoDB adapters' `entity` does. */
export function strip<T>(item: Item | undefined): T | undefined {
  if (!item) return undefined;
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity, expiresAt, ...rest } = item;
  return rest as T;
}
