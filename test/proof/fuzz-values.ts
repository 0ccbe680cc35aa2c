/**
 * The fuzzer's randomness and its hostile values. One seeded generator per request, so a
 * failure's (seed, route, case) replays exactly that request.
 */

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast and good enough to choose mutations. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] as never, chance: (p) => next() < p };
}

/** A request's own seed, from the run's seed, the route and the case number. */
export function caseSeed(seed: number, route: string, index: number): number {
  let h = 2166136261 ^ seed;
  for (const c of `${route}#${index}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/**
 * A number written into the JSON text as is: JSON.stringify cannot write 9007199254740993 or
 * 1e400, which parse to a different number (or Infinity) at the other end.
 */
export const raw = (literal: string) => `\u0000raw:${literal}\u0000`;
export const unraw = (json: string) => json.replace(/"\\u0000raw:([^"\\]*)\\u0000"/g, '$1');

export const MB2 = 2 * 1024 * 1024;

/** Whole pence are the rule: floats, huge and unsafe integers, zero and below, and numbers that are not numbers. */
export const badNumbers: readonly unknown[] = [
  0,
  -1,
  -0,
  0.5,
  12.5,
  100.01,
  1e21,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 1,
  raw('9007199254740993'),
  raw('123456789012345678901234567890'),
  raw('1e400'),
  raw('-1e400'),
  raw('1E2'),
  raw('1.0'),
  '100',
  '12.50',
  '£100',
  true,
  null,
  [],
  {},
  [100],
];

/** Strings that break a format, a length or a character rule somewhere. */
export const badStrings: readonly string[] = [
  '',
  ' ',
  ' \t\n ',
  'a',
  'x'.repeat(201),
  'y'.repeat(5001),
  '\u0000',
  'nul\u0000byte',
  '<script>alert(1)</script>',
  "'; DROP TABLE grantloop; --",
  '../../etc/passwd',
  'a/b',
  'a#b',
  '#',
  '/',
  '?x=1',
  '%00',
  '%2F',
  '\u202Eevil',
  '\u200B',
  '💷💷💷',
  '\uD800',
  'ÄÖÜ',
  '２０２６-０４-０１',
  '2026-02-30',
  '2026-13-01',
  '01/05/2026',
  '2026-04-01T25:00:00Z',
  'http://example.org',
  'javascript:alert(1)',
  'not-an-email',
  'a@b',
  'x@example.org\r\nBcc: all@example.org',
  '01m8060nw1saedzdzbzq112nea',
  '01M8060NW1SAEDZDZBZQ112NE',
  '01M8060NW1SAEDZDZBZQ112NEAA',
  '01M8060NW1SAEDZDZBZQ112NEU',
  'Lot 1',
  '-lot',
  'UPPER',
  'gbp',
  'GB',
  'GBPX',
  '£',
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  'NaN',
  'null',
  'undefined',
  'true',
  '1e400',
];

/** Currencies that are well-formed but not the pool's (GBP): refused by the use case, not the schema. */
export const foreignCurrencies: readonly string[] = ['EUR', 'USD', 'XXX', 'XTS', 'GBX', 'ZZZ'];

/** Keys that must not reach an object's prototype, nor be taken for a field. */
export const hostileKeys: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'unknownField',
  '',
  ' ',
  '$where',
  'a.b',
];

/** A value of any JSON type, for replacing what a field holds. */
export function anyBad(r: Rng): unknown {
  const roll = r.int(4);
  if (roll === 0) return r.pick(badNumbers);
  if (roll === 1) return r.pick(badStrings);
  if (roll === 2) return r.pick([null, true, false, [], {}, [null], { a: 1 }, ['x', 1]]);
  return r.chance(0.5) ? 'z'.repeat(1 + r.int(300)) : -r.int(1000);
}

/** An object with an own, enumerable `__proto__` (or other hostile) key, as JSON.parse makes one. */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...target };
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

/** Bytes that are not UTF-8: Latin-1, a lone continuation byte, an overlong slash, an encoded surrogate, 0xFF. */
export const notUtf8: readonly number[][] = [[0xe9], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf5, 0x80, 0x80, 0x80]];

/** JSON text that is not JSON. */
export const brokenJson: readonly string[] = [
  '{"a":',
  "{'a': 1}",
  '{"a": 1,}',
  '[1, 2',
  '{"amount": NaN}',
  '{"amount": Infinity}',
  '{"a": 1} // comment',
  '\uFEFF{}',
  'null null',
  '{"a": "\\x41"}',
  '{"a": "\\ud800"',
  '',
  ' ',
  '{"a": 01}',
  'undefined',
];

/** Nested `depth` deep: arrays, or objects under one key. */
export const deepJson = (depth: number, key?: string) =>
  key ? `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Content types a JSON route does not speak. */
export const wrongContentTypes: readonly (string | undefined)[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'text/html',
  'application/octet-stream',
  undefined,
];

/** What a path parameter may be replaced by: each is sent percent-encoded unless it is `raw`. */
export function badParam(r: Rng, real: string): { value: string; raw?: boolean } {
  const options: (() => { value: string; raw?: boolean })[] = [
    () => ({ value: r.pick(badStrings) }),
    () => ({ value: `${real}#fragment` }),
    () => ({ value: `${real}/../x` }),
    () => ({ value: `${real}/extra`, raw: true }),
    () => ({ value: '', raw: true }),
    () => ({ value: `${real}%2F..%2F`, raw: true }),
    () => ({ value: real.toLowerCase() }),
    () => ({ value: real.slice(1) }),
    () => ({ value: `${real}A` }),
    () => ({ value: `${real} ` }),
    () => ({ value: 'Z'.repeat(1 + r.int(4000)) }),
    () => ({ value: `${real}\u0000` }),
    () => ({ value: '..', raw: true }),
    () => ({ value: `${real.slice(0, 25)}é` }),
    () => ({ value: `${real}%E0%A4%A`, raw: true }),
  ];
  return r.pick(options)();
}
