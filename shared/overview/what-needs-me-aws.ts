import { dynamoContracts } from '../contracts/dynamodb-store';
import { dynamoTenders } from '../tenders/dynamodb-store';
import { overviewTable } from './aws';

/**
 * What needs me reads tenders and contracts besides the overview's records. Apart from `aws.ts`
 * because it runs in a function of its own: the consortium pages do not bundle these stores.
 */
export const whatNeedsMeTable = { ...overviewTable, tenders: dynamoTenders, contracts: dynamoContracts };
