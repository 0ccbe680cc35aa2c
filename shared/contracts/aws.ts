import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoContracts } from './dynamodb-store';

/** The records contracts use, on the DynamoDB table, and the clock: what its handlers compose from. */
export const contractsTable = { platform: dynamoPlatform, consortia: dynamoConsortia, contracts: dynamoContracts, clock };
