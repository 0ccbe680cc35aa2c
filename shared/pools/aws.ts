import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoRounds } from './dynamodb-rounds';
import { dynamoPools } from './dynamodb-store';

/** The records pools and rounds use, on the DynamoDB table, and the clock: what its handlers compose from. */
export const poolsTable = { platform: dynamoPlatform, consortia: dynamoConsortia, pools: dynamoPools, rounds: dynamoRounds, clock };
