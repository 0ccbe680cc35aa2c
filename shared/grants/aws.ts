import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoPools } from '../pools/dynamodb-store';
import { dynamoGrants } from './dynamodb-store';

/** The records grants use, on the DynamoDB table, and the clock: what its handlers compose from. */
export const grantsTable = { platform: dynamoPlatform, consortia: dynamoConsortia, pools: dynamoPools, grants: dynamoGrants, clock };
