/**
 * A value made on first use, then kept for the container's life. Issue 27: whatever a module
 * builds when it is imported is paid on every cold start (and Lambda bills INIT), including by
 * the requests that never use it; an SDK client, a compiled schema or a formatter made here is
 * paid only by the first request that needs it.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * An object made on first use that stands in for it until then: every property read, `in`,
 * `Object.keys`, spread and `instanceof` reach the object `make` returns, made the first time
 * any of them happens. Issue 27: a feature's route schemas (functions/<feature>/schemas.ts) are
 * module-level values that handlers, the OpenAPI document and the pages refer to by name; a
 * function's bundle holds all of its feature's, and building them at module load cost every
 * cold start several milliseconds for schemas the function never uses. Deferred, a schema is
 * built by the first request that parses with it, and its identity (the stand-in) never changes,
 * so the OpenAPI generator still knows it by reference.
 */
export function deferred<T extends object>(make: () => T): T {
  const value = lazy(make);
  return new Proxy(Object.create(null) as T, {
    get: (_stand, key) => Reflect.get(value(), key, value()),
    set: (_stand, key, v) => Reflect.set(value(), key, v),
    has: (_stand, key) => Reflect.has(value(), key),
    ownKeys: () => Reflect.ownKeys(value()),
    // The stand-in holds no property itself, so each is reported configurable (a Proxy's rule).
    getOwnPropertyDescriptor: (_stand, key) => {
      const d = Reflect.getOwnPropertyDescriptor(value(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
}
