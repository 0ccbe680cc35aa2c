/**
 * Mutations of a JSON body that passes its schema: each changes one thing (a field's value, a
 * key, an array's length, the whole text) so that the result breaks a rule; the caller checks
 * with the schema that it does.
 */

import type * as z from '../../functions/lib/zod';
import { jsonSchema } from '../../infra/openapi';
import {
  anyBad,
  badNumbers,
  badStrings,
  brokenJson,
  deepJson,
  foreignCurrencies,
  hostileKeys,
  MB2,
  notUtf8,
  type Rng,
  unraw,
  withKey,
} from './fuzz-values';

type Path = (string | number)[];
export interface BodyMutation {
  /** The body as sent: JSON text, or bytes that are not UTF-8. */
  body: string | Uint8Array;
  broke: string;
  /** Well-formed for the schema, refused by a rule of the use case (a currency that is not the pool's). */
  domain?: boolean;
}

/** Every place in a JSON value, with the value there. */
function slots(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) for (const [i, v] of value.entries()) slots(v, [...path, i], out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) slots(v, [...path, k], out);
  return out;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** Sets (or with `undefined`, removes) the value at a path; the root is replaced. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined && Array.isArray(node)) node.splice(Number(last), 1);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const where = (path: Path) => (path.length ? path.join('.') : '(body)');

function badFor(r: Rng, value: unknown): unknown {
  if (typeof value === 'number') return r.chance(0.8) ? r.pick(badNumbers) : anyBad(r);
  if (typeof value === 'string') return r.chance(0.7) ? r.pick(badStrings) : anyBad(r);
  if (Array.isArray(value)) return r.pick([[], 'x', {}, null, Array.from({ length: 101 }, () => value[0] ?? 1), [anyBad(r)]]);
  return anyBad(r);
}

/** A field's value replaced, a key removed or added, an array emptied or overfilled. */
function structural(r: Rng, base: unknown, schema: z.ZodMiniType): BodyMutation {
  const all = slots(base);
  const slot = r.pick(all);
  const roll = r.int(10);
  if (roll < 6 || !slot.path.length) {
    const v = badFor(r, slot.value);
    return { body: unraw(JSON.stringify(setAt(base, slot.path, v))), broke: `${where(slot.path)} = ${JSON.stringify(v)?.slice(0, 60)}` };
  }
  if (roll < 8) return { body: JSON.stringify(setAt(base, slot.path, undefined)), broke: `${where(slot.path)} removed` };
  const objects = all.filter((s) => s.value && typeof s.value === 'object' && !Array.isArray(s.value));
  const parent = r.pick(objects.length ? objects : [{ path: [], value: {} }]);
  const key = r.chance(0.3) ? r.pick(knownKeys(schema)) : r.pick(hostileKeys);
  const v = anyBad(r);
  const changed = setAt(base, parent.path, withKey(parent.value as Record<string, unknown>, key ?? '__proto__', v));
  return { body: unraw(JSON.stringify(changed)), broke: `${where(parent.path)} gets key ${JSON.stringify(key)}` };
}

/** The schema's own top-level field names: an optional one the base leaves out is set to something wrong. */
function knownKeys(schema: z.ZodMiniType): string[] {
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, unknown> };
  return Object.keys(s.properties ?? {});
}

/** The whole body: not JSON, not UTF-8, not an object, ten thousand deep, or two megabytes. */
function wholeBody(r: Rng, base: unknown): BodyMutation {
  const text = JSON.stringify(base);
  const options: (() => BodyMutation)[] = [
    () => ({ body: r.pick(brokenJson), broke: 'not JSON' }),
    () => {
      const bytes = r.pick(notUtf8);
      const at = r.int(text.length);
      const enc = new TextEncoder();
      return {
        body: new Uint8Array([...enc.encode(text.slice(0, at)), ...bytes, ...enc.encode(text.slice(at))]),
        broke: `not UTF-8 (${bytes})`,
      };
    },
    () => ({ body: JSON.stringify(r.pick([[], null, 'text', 42, true, [base]])), broke: 'not an object' }),
    () => ({ body: deepJson(10_000), broke: '10,000-deep arrays' }),
    () => ({ body: deepJson(10_000, r.pick(Object.keys(base as object).concat('a'))), broke: '10,000-deep objects' }),
    () => ({ body: unraw(JSON.stringify({ ...(base as object), padding: 'p'.repeat(MB2) })), broke: '2 MB body (an unknown key)' }),
    () => {
      const strings = slots(base).filter((s) => typeof s.value === 'string');
      const s = strings.length ? r.pick(strings) : { path: ['padding'] };
      return { body: JSON.stringify(setAt(base, s.path, 'é'.repeat(MB2 / 2))), broke: `2 MB string at ${where(s.path)}` };
    },
    () => ({ body: `{"__proto__": {"platformAdmin": true}, ${text.slice(1)}`, broke: '__proto__ key first' }),
    () => {
      const key = r.pick(Object.keys(base as object)) ?? 'a';
      return { body: `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"${key}": ${JSON.stringify(anyBad(r))}}`, broke: `${key} twice` };
    },
  ];
  return r.pick(options)();
}

/** One mutation of `base` (which passes `schema`); the caller checks that the result does not. */
export function mutateBody(r: Rng, base: unknown, schema: z.ZodMiniType): BodyMutation {
  const hasCurrency = slots(base).some((s) => s.path.at(-1) === 'currency');
  if (hasCurrency && r.chance(0.1)) {
    const currency = r.pick(foreignCurrencies);
    const path = slots(base).find((s) => s.path.at(-1) === 'currency')?.path ?? ['currency'];
    return { body: JSON.stringify(setAt(base, path, currency)), broke: `currency ${currency}`, domain: true };
  }
  return r.chance(0.75) ? structural(r, base, schema) : wholeBody(r, base);
}
