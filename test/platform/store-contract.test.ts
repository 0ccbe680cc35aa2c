import { describe } from 'vitest';
import { MemoryTable } from '../support/in-memory/table';
import { memoryStores } from '../support/memory';
import { storeContract } from '../support/store-contract';

describe('store contract: the in-memory adapters', () => {
  const table = new MemoryTable();
  storeContract(() => memoryStores(table));
});
