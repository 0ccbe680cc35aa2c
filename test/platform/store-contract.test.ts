import { describe } from 'vitest';
import { memoryConsortia } from '../../shared/consortia/memory-store';
import { memoryGrants } from '../../shared/grants/memory-store';
import { memoryPlatform } from '../../shared/platform/memory/platform-store';
import { MemoryTable } from '../../shared/platform/memory/table';
import { memoryPools, memoryRounds } from '../../shared/pools/memory-store';
import { memoryReports } from '../../shared/reporting/memory-store';
import { storeContract } from '../support/store-contract';

describe('store contract: the in-memory adapters', () => {
  const table = new MemoryTable();
  storeContract(() => ({
    platform: memoryPlatform(table),
    consortia: memoryConsortia(table),
    pools: memoryPools(table),
    rounds: memoryRounds(table),
    grants: memoryGrants(table),
    reports: memoryReports(table),
  }));
});
