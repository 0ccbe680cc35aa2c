import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoGrants } from '../grants/dynamodb-store';
import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoPools } from '../pools/dynamodb-store';
import { dynamoReports } from './dynamodb-store';

/** The records reporting uses, on the DynamoDB table, and the clock: what its handlers compose from. */
export const reportingTable = {
  platform: dynamoPlatform,
  consortia: dynamoConsortia,
  pools: dynamoPools,
  grants: dynamoGrants,
  reports: dynamoReports,
  clock,
};
