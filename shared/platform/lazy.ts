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
