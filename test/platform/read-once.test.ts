import { describe, expect, it } from 'vitest';
import { readOnce } from '../../shared/platform/read-once';

describe('readOnce', () => {
  it('asks the store once per distinct call, by method and arguments, and keeps `this`', async () => {
    const asked: string[] = [];
    const store = {
      prefix: 'pool',
      async get(id: string) {
        asked.push(`get ${id}`);
        return `${this.prefix} ${id}`;
      },
      async list(ids: string[]) {
        asked.push(`list ${ids.join(',')}`);
        return ids.length;
      },
    };
    const once = readOnce(store);
    expect(await Promise.all([once.get('A'), once.get('A'), once.get('B'), once.list(['A', 'B']), once.list(['A', 'B'])])).toEqual([
      'pool A',
      'pool A',
      'pool B',
      2,
      2,
    ]);
    expect(asked).toEqual(['get A', 'get B', 'list A,B']);
    // Another wrapper is another piece of work: it asks afresh.
    await readOnce(store).get('A');
    expect(asked).toHaveLength(4);
  });
});
