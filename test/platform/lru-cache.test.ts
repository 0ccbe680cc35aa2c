import Mnemonist from 'mnemonist/lru-cache';
import { describe, expect, it } from 'vitest';
import LRUCache from '../../infra/bundling/lru-cache';

describe('the LRU cache the bundles use in place of mnemonist’s', () => {
  it('answers every call as mnemonist does, over a long random sequence of the calls the SDK makes', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const ours = new LRUCache<string, number>(5);
    const theirs = new Mnemonist<string, number>(5);
    for (let i = 0; i < 5_000; i++) {
      const key = `k${random(9)}`;
      const call = random(10);
      if (call < 4) {
        ours.set(key, i);
        theirs.set(key, i);
      } else if (call < 6) expect(ours.get(key)).toBe(theirs.get(key));
      else if (call < 8) expect(ours.peek(key)).toBe(theirs.peek(key));
      else if (call < 9) expect(ours.has(key)).toBe(theirs.has(key));
      else if (random(50) === 0) {
        ours.clear();
        theirs.clear();
      }
      expect(ours.size).toBe(theirs.size);
    }
  });
});
