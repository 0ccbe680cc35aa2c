import { contractsTable } from '../../shared/contracts/aws';
import { contractFromAward } from '../../shared/contracts/from-tender';
import { poolsEvents } from '../../shared/pools/events';
import { dynamoTenders } from '../../shared/tenders/dynamodb-store';
import { eventOf, taskHandler } from '../lib/task';

const awarded = eventOf(poolsEvents, 'grant.awarded');

export const handler = taskHandler(awarded, (event) => {
  const { grantId, tenderId } = event.detail.data;
  return contractFromAward({ ...contractsTable, tenders: dynamoTenders }, { grantId, tenderId });
});
