import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoConsortia } from './dynamodb-store';

/** The consortia records on the DynamoDB table and the clock: what its handlers compose from. */
export const consortiaTable = { platform: dynamoPlatform, consortia: dynamoConsortia, clock };
