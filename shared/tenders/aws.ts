import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoPools } from '../pools/dynamodb-store';
import { dynamoTenders } from './dynamodb-store';

/** The records tenders use, on the DynamoDB table, and the clock: what its handlers compose from. */
export const tendersTable = { platform: dynamoPlatform, consortia: dynamoConsortia, pools: dynamoPools, tenders: dynamoTenders, clock };
