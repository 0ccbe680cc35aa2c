import { describe } from 'vitest';
import { memoryContracts } from '../support/in-memory/contracts';
import { memoryFeeds } from '../support/in-memory/publishing-feeds';
import { MemoryTable } from '../support/in-memory/table';
import { memoryTenderLedger, memoryTenders } from '../support/in-memory/tenders';
import { memoryStores } from '../support/memory';
import { storeContract } from '../support/store-contract';

describe('store contract: the in-memory adapters', () => {
  const table = new MemoryTable();
  storeContract(() => ({
    ...memoryStores(table),
    tenders: memoryTenders(table),
    tenderLedger: memoryTenderLedger(table),
    contracts: memoryContracts(table),
    feeds: memoryFeeds(table),
    putItem: async (item) => table.put({ pk: item.pk, sk: item.sk }, item),
  }));
});
