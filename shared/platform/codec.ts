import * as z from 'zod/mini';

/** An item as the table holds it: keys, bookkeeping and the record's attributes. */
export type Item = Record<string, unknown>;

export interface ItemKey {
  pk: string;
  sk: string;
}

/** The keys a record is written under: its primary key and the index keys it carries. */
export type ItemKeys = ItemKey & Partial<Record<'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk', string>>;

/**
 * Attributes the table uses and no record holds: keys, the entity name, the stored shape's
 * version and the time-to-live. Reading a record leaves them out.
 */
export const bookkeeping: readonly string[] = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'v', 'expiresAt'];

/**
 * An item that does not fit its record's stored shape. It names the item's key and the field, so
 * a renamed attribute or an item written by other code fails where it is read, saying which.
 */
export class StoredItemError extends Error {
  constructor(
    readonly kind: string,
    readonly key: ItemKey,
    readonly field: string,
    why: string,
  ) {
    super(`stored ${kind} ${key.pk} / ${key.sk}: ${field} ${why}`);
    this.name = 'StoredItemError';
  }
}

/** One record kind: who owns it, where it is keyed, and the shape it is stored in. */
/** `A`: what the keys need besides the value (the parent's id for a record stored under its parent). */
export interface RecordCodec<T, A extends unknown[] = []> {
  /** The feature that defines the record and every write to it. */
  readonly owner: string;
  /** The `entity` attribute of its items. */
  readonly kind: string;
  /** The stored shape's version, written as `v` (an item without one was written before versions: 1). */
  readonly version: number;
  /** The start of its `pk` and `sk` (exact for a fixed sort key): no two record kinds share one. */
  readonly prefix: ItemKey;
  readonly schema: z.ZodMiniType;
  keys(value: T, ...at: A): ItemKeys;
  /** The item to put: keys, entity, version and the value's attributes. */
  toItem(value: T, ...at: A): Item;
  /** The value of an item read back; a StoredItemError when it does not fit. */
  fromItem(item: Item): T;
  /** `fromItem`, or undefined when nothing was found. */
  fromOptional(item: Item | undefined): T | undefined;
}

/**
 * With `S extends ZodMiniType<T>` (what it gives is a T): the schema also takes every value of T
 * and names every field of T (an optional field it left out would be dropped on reading), so it
 * states T exactly.
 */
type TakesEvery<S extends z.ZodMiniType, T> = [T] extends [z.input<S>]
  ? [Exclude<keyof T, keyof z.output<S>>] extends [never]
    ? unknown
    : never
  : never;

const keyOf = (item: Item): ItemKey => ({ pk: String(item.pk ?? '?'), sk: String(item.sk ?? '?') });

/** The first thing that does not fit, as an error naming the key and the field. */
function misfit(kind: string, key: ItemKey, issues: z.core.$ZodIssue[], under: string[] = []): StoredItemError {
  const [issue] = issues;
  if (!issue) return new StoredItemError(kind, key, under.join('.') || '(item)', 'does not fit');
  return new StoredItemError(kind, key, [...under, ...issue.path.map(String)].join('.') || '(item)', why(issue));
}

const why = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'invalid_type') return `is not a ${issue.expected}`;
  if (issue.code === 'invalid_value') return `is none of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `does not fit (${issue.code})`;
};

/**
 * One attribute of a stored item that its owner keeps opaque and another feature reads with its
 * own schema (grants' reporting policy on a consortium): a StoredItemError naming it if it does not fit.
 */
export function readAttribute<T>(schema: z.ZodMiniType<T>, value: unknown, at: { kind: string; key: ItemKey; field: string }): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw misfit(at.kind, at.key, parsed.error.issues, [at.field]);
}

/**
 * A record kind's codec. Used as `recordCodec<Pool>()({ ... })`: the type is given, the schema is
 * checked against it when the code is type-checked (a field added to the type and not to the
 * schema, or the other way round, does not compile).
 */
// @__NO_SIDE_EFFECTS__
export function recordCodec<T extends object, A extends unknown[] = []>() {
  // @__NO_SIDE_EFFECTS__
  return <S extends z.ZodMiniType<T>>(spec: {
    owner: string;
    kind: string;
    version: number;
    prefix: ItemKey;
    schema: () => S & TakesEvery<S, T>;
    keys: (value: T, ...at: A) => ItemKeys;
  }): RecordCodec<T, A> => {
    // Built when the first item is read, not when the module loads (issue 27): a function's
    // bundle holds every record of the features it touches, and reads a few of them.
    let built: z.ZodMiniType<T> | undefined;
    const schema = (): z.ZodMiniType<T> => {
      built ??= spec.schema();
      return built;
    };
    const codec: RecordCodec<T, A> = {
      owner: spec.owner,
      kind: spec.kind,
      version: spec.version,
      prefix: spec.prefix,
      get schema() {
        return schema();
      },
      keys: spec.keys,
      toItem(value, ...at) {
        const item: Item = {};
        return Object.assign(item, value, spec.keys(value, ...at), { entity: spec.kind, v: spec.version });
      },
      fromItem(item) {
        const v = item.v ?? 1;
        if (v !== spec.version) throw new StoredItemError(spec.kind, keyOf(item), 'v', `is ${String(v)}; this code reads ${spec.version}`);
        const value = Object.fromEntries(Object.entries(item).filter(([k]) => !bookkeeping.includes(k)));
        const parsed = schema().safeParse(value);
        if (parsed.success) return parsed.data;
        throw misfit(spec.kind, keyOf(item), parsed.error.issues);
      },
      fromOptional: (item) => (item ? codec.fromItem(item) : undefined),
    };
    return codec;
  };
}

/**
 * A feature's record constructor, its owner bound once in its `codecs.ts`:
 * `const record = recordsOf('pools')`, then `record<Pledge>()('pledge', ['POOL#', 'PLEDGE#'], { schema, keys })`
 * (kind, the start of its `pk` and `sk`, and the stored shape). A first stored shape is version 1;
 * a later one says its `version`.
 */
// @__NO_SIDE_EFFECTS__
export function recordsOf(owner: string) {
  // @__NO_SIDE_EFFECTS__
  return <T extends object, A extends unknown[] = []>() =>
    // @__NO_SIDE_EFFECTS__
    <S extends z.ZodMiniType<T>>(
      kind: string,
      [pk, sk]: [pk: string, sk: string],
      spec: { version?: number; schema: () => S & TakesEvery<S, T>; keys: (value: T, ...at: A) => ItemKeys },
    ): RecordCodec<T, A> =>
      recordCodec<T, A>()<S>({ owner, kind, version: spec.version ?? 1, prefix: { pk, sk }, schema: spec.schema, keys: spec.keys });
}

/**
 * A uniqueness guard: one item per value (an email, an org-id identifier), keyed by the value and
 * pointing at the record that holds it (`field`), put with that record so a second one fails.
 */
// @__NO_SIDE_EFFECTS__
export function uniqueGuard<F extends string>(
  record: ReturnType<typeof recordsOf>,
  kind: string,
  prefix: [pk: string, sk: string],
  field: F,
  keyOf: (value: string) => ItemKey,
): RecordCodec<Record<F, string>, [value: string]> {
  return record<Record<F, string>, [value: string]>()(kind, prefix, {
    schema: () => z.record(z.literal(field), z.string()),
    keys: (_g, value) => keyOf(value),
  });
}
