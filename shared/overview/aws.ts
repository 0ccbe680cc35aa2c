import { dynamoRounds } from '../pools/dynamodb-rounds';
import { reportingTable } from '../reporting/aws';

/** Overview pages read across every feature's records. */
export const overviewTable = { ...reportingTable, rounds: dynamoRounds };
