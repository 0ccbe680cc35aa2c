import type { RecordCodec } from '../../../shared/platform/codec';
import { eventRecord } from '../../../shared/platform/codecs';
import { conflict } from '../../../shared/platform/errors';
import { type DomainEvent, outboxEvent } from '../../../shared/platform/events';
import { platformKeys } from '../../../shared/platform/keys';

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

  /** The item as stored (keys and bookkeeping included): the record's codec reads it. */
  get(key: Key): Item | undefined {
    const item = this.items.get(id(key));
    return item ? structuredClone(item) : undefined;
  }

  /** Items of one partition (or index partition), in sort-key order, optionally by sort-key prefix. */
  query(pk: string, prefix = '', index?: 'gsi1' | 'gsi2'): Item[] {
    const p = index ? `${index}pk` : 'pk';
    const s = index ? `${index}sk` : 'sk';
    return [...this.items.values()]
      .filter((i) => i[p] === pk && String(i[s] ?? '').startsWith(prefix))
      .sort((a, b) => (String(a[s]) < String(b[s]) ? -1 : String(a[s]) > String(b[s]) ? 1 : 0))
      .map((i) => structuredClone(i));
  }

  /** One record read through its codec, or undefined when there is none (the DynamoDB adapters' `readRecord`). */
  read<T>(codec: RecordCodec<T, never>, key: Key): T | undefined {
    return codec.fromOptional(this.get(key));
  }

  /** The records of one (index) partition under a sort-key prefix, read through their codec (`listRecords`). */
  list<T>(codec: RecordCodec<T, never>, pk: string, prefix = '', index?: 'gsi1' | 'gsi2'): T[] {
    return this.query(pk, prefix, index).map((item) => codec.fromItem(item));
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
    write: () => eventRecord.toItem(event),
  };
}

/**
 * A write that changes a record in place through its codec, as an UpdateItem does on DynamoDB:
 * the stored item read, changed, written back (keys follow the value, so an index key moves with
 * the status it is built from); nothing when there is no item.
 */
export const change =
  <T extends object, A extends unknown[]>(codec: RecordCodec<T, A>, next: (value: T) => T, ...at: A) =>
  (cur: Item | undefined): Item | undefined =>
    cur ? codec.toItem(next(codec.fromItem(cur)), ...at) : undefined;

/** A condition on a record as stored now (false when there is none), read through its codec. */
export const holds =
  <T extends object>(codec: RecordCodec<T, never>, ok: (value: T) => boolean, error: () => Error = () => refuse()) =>
  (cur: Item | undefined): Error | undefined =>
    cur && ok(codec.fromItem(cur)) ? undefined : error();

const keyOf = (item: Item): Key => ({ pk: String(item.pk), sk: String(item.sk) });

/** A new item, refused (with `exists`) when its key is taken: the DynamoDB adapters' `putNew`. */
export const newOp = (item: Item, exists: () => Error = () => refuse()): MemoryOp => ({
  key: keyOf(item),
  check: mustNotExist(exists),
  write: () => item,
});

/** An item written whatever is there: the DynamoDB adapters' `put`. */
export const putOp = (item: Item): MemoryOp => ({ key: keyOf(item), write: () => item });

/** A record created once with its event: the DynamoDB adapters' `createWithEvent`. */
export const createOnce = async (table: MemoryTable, item: Item, event: DomainEvent, exists: () => Error): Promise<void> =>
  table.transact([newOp(item, exists), eventOp(event)]);

/** The condition of a versioned write (`putAt`, `setAt`): the record as stored still has the version read. */
const atVersion = <T extends { version: number }>(codec: RecordCodec<T, never>, expectedVersion: number, stale: () => Error) =>
  holds(codec, (stored) => stored.version === expectedVersion, stale);

/** A whole versioned record replaced under the version read: the DynamoDB adapters' `putAt`. */
export const putAtOp = <T extends { version: number }>(
  codec: RecordCodec<T>,
  value: T,
  expectedVersion: number,
  stale: () => Error,
): MemoryOp => {
  const item = codec.toItem(value);
  return { key: keyOf(item), check: atVersion(codec, expectedVersion, stale), write: () => item };
};

/** Attributes of a versioned record set under the version read: the DynamoDB adapters' `setAt`. */
export const setAtOp = <T extends { version: number }>(
  codec: RecordCodec<T>,
  key: Key,
  fields: Partial<T>,
  expectedVersion: number,
  stale: () => Error,
): MemoryOp => ({ key, check: atVersion(codec, expectedVersion, stale), write: change(codec, (stored) => ({ ...stored, ...fields })) });

/** A condition on a record's status, nothing written: the DynamoDB adapters' `statusCheck`. */
export const statusOp = <T extends { status: string }>(
  codec: RecordCodec<T, never>,
  key: Key,
  statuses: readonly T['status'][],
  error: () => Error = () => refuse(),
): MemoryOp => ({
  key,
  check: holds(codec, (stored) => statuses.includes(stored.status), error),
});
