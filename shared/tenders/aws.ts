import { dynamoConsortia } from '../consortia/dynamodb-store';
import { dynamoPlatform } from '../platform/aws/platform-store';
import { clock } from '../platform/clock';
import { dynamoPools } from '../pools/dynamodb-store';
import { dynamoTenderLedger } from './dynamodb-ledger';
import { dynamoTenders } from './dynamodb-store';

/** The records tenders use, on the DynamoDB table, and the clock: what its handlers compose from. */
export const tendersTable = { platform: dynamoPlatform, consortia: dynamoConsortia, tenders: dynamoTenders, clock };
/** …and the pool's money, for the handlers that reserve, award or hand back (kept apart so reads bundle no ledger). */
export const tenderMoney = { pools: dynamoPools, tenderLedger: dynamoTenderLedger };
