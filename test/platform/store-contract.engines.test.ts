import { describe } from 'vitest';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import { dynamoGrants } from '../../shared/grants/dynamodb-store';
import { dynamoPlatform } from '../../shared/platform/aws/platform-store';
import { dynamoRounds } from '../../shared/pools/dynamodb-rounds';
import { dynamoPools } from '../../shared/pools/dynamodb-store';
import { dynamoReports } from '../../shared/reporting/dynamodb-store';
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
  }));
});
