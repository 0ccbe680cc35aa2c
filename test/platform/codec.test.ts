import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { recordCodec, recordsOf, StoredItemError, uniqueGuard } from '../../shared/platform/codec';

interface Thing {
  id: string;
  amount: number;
  note?: string | undefined;
}

const thing = recordCodec<Thing>()({
  owner: 'test',
  kind: 'thing',
  version: 1,
  prefix: { pk: 'THING#', sk: 'THING' },
  schema: () => z.object({ id: z.string(), amount: z.number(), note: z.optional(z.string()) }),
  keys: (t) => ({ pk: `THING#${t.id}`, sk: 'THING' }),
});

describe('record codecs', () => {
  it('write the keys, the entity and the version, and read back the value alone', () => {
    const item = thing.toItem({ id: 'a', amount: 5 });
    expect(item).toEqual({ pk: 'THING#a', sk: 'THING', entity: 'thing', v: 1, id: 'a', amount: 5 });
    expect(thing.fromItem({ ...item, gsi1pk: 'x', expiresAt: 9 })).toEqual({ id: 'a', amount: 5 });
    expect(thing.fromOptional(undefined)).toBeUndefined();
  });

  it('read an item stored before versions (no v) as version 1', () => {
    expect(thing.fromItem({ pk: 'THING#a', sk: 'THING', entity: 'thing', id: 'a', amount: 5 })).toEqual({ id: 'a', amount: 5 });
  });

  it('refuse an item that does not fit, naming its key and the field', () => {
    const bad = { pk: 'THING#a', sk: 'THING', id: 'a', amount: '5' };
    expect(() => thing.fromItem(bad)).toThrow(StoredItemError);
    expect(() => thing.fromItem(bad)).toThrow('stored thing THING#a / THING: amount is not a number');
    expect(() => thing.fromItem({ pk: 'THING#a', sk: 'THING', id: 'a' })).toThrow('amount is not a number');
    expect(() => thing.fromItem({ ...bad, amount: 5, v: 2 })).toThrow('v is 2; this code reads 1');
  });

  it('do not compile when the schema and the type differ', () => {
    const spec = { owner: 'test', kind: 'thing', version: 1, prefix: { pk: 'T#', sk: 'T' }, keys: () => ({ pk: 'T#', sk: 'T' }) };
    // @ts-expect-error the schema lacks `note`, which the type has: a Thing with a note would lose it.
    recordCodec<Thing>()({ ...spec, schema: () => z.object({ id: z.string(), amount: z.number() }) });
    // @ts-expect-error the schema's `amount` is a string: what it gives is not a Thing.
    recordCodec<Thing>()({ ...spec, schema: () => z.object({ id: z.string(), amount: z.string(), note: z.optional(z.string()) }) });
  });

  it('a feature’s constructor binds its owner, takes the kind and prefix, and starts at version 1', () => {
    const record = recordsOf('test');
    const same = record<Thing>()('thing', ['THING#', 'THING'], {
      schema: () => z.object({ id: z.string(), amount: z.number(), note: z.optional(z.string()) }),
      keys: (t) => ({ pk: `THING#${t.id}`, sk: 'THING' }),
    });
    expect([same.owner, same.kind, same.version, same.prefix]).toEqual([thing.owner, thing.kind, thing.version, thing.prefix]);
    expect(same.toItem({ id: 'a', amount: 5 })).toEqual(thing.toItem({ id: 'a', amount: 5 }));
  });

  it('a uniqueness guard is keyed by its value and holds only what it points at', () => {
    const guard = uniqueGuard(recordsOf('test'), 'thing-code', ['CODE#', 'CODE'], 'thingId', (code) => ({
      pk: `CODE#${code}`,
      sk: 'CODE',
    }));
    const item = guard.toItem({ thingId: 'a' }, 'x1');
    expect(item).toEqual({ pk: 'CODE#x1', sk: 'CODE', entity: 'thing-code', v: 1, thingId: 'a' });
    expect(guard.fromItem(item)).toEqual({ thingId: 'a' });
    expect(() => guard.fromItem({ pk: 'CODE#x1', sk: 'CODE' })).toThrow('stored thing-code CODE#x1 / CODE');
  });
});
