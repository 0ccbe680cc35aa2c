import { contractsTable } from '../../shared/contracts/aws';
import { contractFromAward } from '../../shared/contracts/from-tender';
import { dynamoTenders } from '../../shared/tenders/dynamodb-store';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const awarded = eventOf('grant.awarded', { grantId: z.string(), tenderId: z.optional(z.string()) });

export const handler = taskHandler(awarded, (event) => contractFromAward({ ...contractsTable, tenders: dynamoTenders }, event.detail.data));
