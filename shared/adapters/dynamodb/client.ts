import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { recordUsage } from '../../telemetry/usage';

interface CapacityShape {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

/**
 * One DynamoDB client per container. A middleware asks every call for its consumed capacity
 * and records it, so usage figures come from the engine rather than from estimates.
 */
export const dynamodb = new DynamoDBClient({});
dynamodb.middlewareStack.add(
  (next, context) => async (args) => {
    const input = args.input as Record<string, unknown>;
    if (!('ReturnConsumedCapacity' in input)) input.ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    const reported = (result.output as { ConsumedCapacity?: CapacityShape | CapacityShape[] }).ConsumedCapacity;
    const isWrite = writeCommands.has(context.commandName ?? '');
    for (const c of Array.isArray(reported) ? reported : reported ? [reported] : []) {
      // DynamoDB reports only the total unless asked for INDEXES; attribute it by the kind of call.
      const total = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
      recordUsage(isWrite ? 'dynamodbWriteUnits' : 'dynamodbReadUnits', total);
    }
    return result;
  },
  { step: 'initialize', name: 'grantloopConsumedCapacity' },
);

export const documentClient = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true },
});
