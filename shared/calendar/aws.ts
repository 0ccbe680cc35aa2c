import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoContracts } from '../contracts/dynamodb-store';
import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoReports } from '../reporting/dynamodb-store';
import { dynamoTenders } from '../tenders/dynamodb-store';

/** What calendar feeds read, on the DynamoDB table (reads only, besides the feed's own link). */
export const calendarTable = {
  platform: dynamoPlatform,
  consortia: dynamoConsortia,
  contracts: dynamoContracts,
  reports: dynamoReports,
  tenders: dynamoTenders,
  clock,
};
