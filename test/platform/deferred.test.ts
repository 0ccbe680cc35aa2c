import { describe, expect, it } from 'vitest';
import * as z from '../../functions/lib/zod';
import { deferred } from '../../shared/platform/lazy';

describe('a deferred value (built on first use, issue 27)', () => {
  it('is not built until something reads it, and then once', () => {
    let built = 0;
    const schema = deferred(() => {
      built++;
      return z.strictObject({ name: z.string() });
    });
    expect(built).toBe(0);
    expect(schema.safeParse({ name: 'Harbourside Trust' }).success).toBe(true);
    expect(schema.safeParse({ name: 3 }).success).toBe(false);
    expect(built).toBe(1);
  });

  it('parses, fails and converts to JSON Schema exactly as the schema it stands for, nested or not', () => {
    const make = () => z.strictObject({ id: z.string().check(z.regex(/^[A-Z]{3}$/, 'must be three capitals')), n: z.optional(z.int()) });
    const eager = make();
    const lazyOne = deferred(make);
    const inside = z.object({ inner: lazyOne });
    for (const input of [{ id: 'ABC' }, { id: 'abc', n: 1.5 }, { id: 'ABC', extra: true }, null]) {
      const a = eager.safeParse(input);
      const b = lazyOne.safeParse(input);
      expect(b.success).toBe(a.success);
      expect(b.error?.issues).toEqual(a.error?.issues);
      expect(inside.safeParse({ inner: input }).success).toBe(a.success);
    }
    expect(z.toJSONSchema(lazyOne)).toEqual(z.toJSONSchema(eager));
    expect(lazyOne instanceof z.ZodMiniObject).toBe(true);
  });

  it('spreads like the object it stands for (a shape of fields)', () => {
    const shape = deferred(() => ({ a: z.string(), b: z.number() }));
    const object = z.strictObject({ ...shape, c: z.boolean() });
    expect(Object.keys(shape)).toEqual(['a', 'b']);
    expect('a' in shape).toBe(true);
    expect(object.safeParse({ a: 'x', b: 1, c: true }).success).toBe(true);
    expect(object.safeParse({ a: 'x', c: true }).success).toBe(false);
  });
});
