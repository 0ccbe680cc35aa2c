import { dynamoConsortia } from '../consortia/dynamodb-store';
import { clock } from '../platform/clock';
import { dynamoPools } from '../pools/dynamodb-store';
import { dynamoPublishing } from './dynamodb-store';

/** What publishing reads and writes on the DynamoDB table, and the clock: what its handlers compose from. */
export const publishingTable = { consortia: dynamoConsortia, pools: dynamoPools, publishing: dynamoPublishing, clock };
