/**
 * The least-recently-used cache DynamoDB's client keeps discovered endpoints in, as a Map (which
 * remembers insertion order). The SDK imports `mnemonist/lru-cache` for it, and with it pulls
 * about 7 KB of mnemonist and obliterator into every function that talks to DynamoDB, for a
 * feature (endpoint discovery) DynamoDB leaves off unless asked. The bundler aliases that module
 * here; the methods are the ones @aws-sdk/endpoint-cache calls, with mnemonist's semantics:
 * `get` and `set` make a key the most recent, `peek` and `has` do not.
 */
export default class LRUCache<K, V> {
  private readonly items = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.size;
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  peek(key: K): V | undefined {
    return this.items.get(key);
  }

  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key) as V;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  set(key: K, value: V): this {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.items.clear();
  }
}
