import { describe } from 'vitest';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import { dynamoContracts } from '../../shared/contracts/dynamodb-store';
import { dynamoGrants } from '../../shared/grants/dynamodb-store';
import { documentClient, op } from '../../shared/platform/aws/dynamodb';
import { dynamoPlatform } from '../../shared/platform/aws/platform-store';
import { config } from '../../shared/platform/config';
import { dynamoRounds } from '../../shared/pools/dynamodb-rounds';
import { dynamoPools } from '../../shared/pools/dynamodb-store';
import { dynamoFeeds } from '../../shared/publishing/dynamodb-feeds';
import { dynamoPublishing } from '../../shared/publishing/dynamodb-store';
import { dynamoReports } from '../../shared/reporting/dynamodb-store';
import { dynamoTenderLedger } from '../../shared/tenders/dynamodb-ledger';
import { dynamoTenders } from '../../shared/tenders/dynamodb-store';
import { storeContract } from '../support/store-contract';
import { useTestStack } from '../support/use-stack';

// DynamoDB Local and its table: the adapters under test find them through the environment the stack sets.
useTestStack();

describe('store contract: the DynamoDB adapters on DynamoDB Local', () => {
  storeContract(() => ({
    platform: dynamoPlatform,
    consortia: dynamoConsortia,
    pools: dynamoPools,
    rounds: dynamoRounds,
    grants: dynamoGrants,
    reports: dynamoReports,
    tenders: dynamoTenders,
    tenderLedger: dynamoTenderLedger,
    contracts: dynamoContracts,
    publishing: dynamoPublishing,
    feeds: dynamoFeeds,
    putItem: async (item) => {
      await documentClient.send(op.put({ TableName: config.tableName(), Item: item }));
    },
  }));
});
