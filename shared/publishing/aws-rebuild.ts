import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoContracts } from '../contracts/dynamodb-store';
import { clock } from '../platform/clock';
import { dynamoRounds } from '../pools/dynamodb-rounds';
import { dynamoPools } from '../pools/dynamodb-store';
import { dynamoTenders } from '../tenders/dynamodb-store';
import { dynamoFeeds } from './dynamodb-feeds';
import { dynamoPublishing } from './dynamodb-store';

/**
 * What a rebuild reads and writes: every record a consortium publishes (read only), and its
 * public documents. Apart from `publishingTable` so the settings handlers bundle none of it.
 */
export const rebuildTable = {
  consortia: dynamoConsortia,
  pools: dynamoPools,
  rounds: dynamoRounds,
  tenders: dynamoTenders,
  contracts: dynamoContracts,
  publishing: dynamoPublishing,
  feeds: dynamoFeeds,
  clock,
};
export type RebuildTable = typeof rebuildTable;
