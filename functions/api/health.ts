import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { config } from '../../shared/config/env';
import { publicRoute } from '../lib/http';

/** Reads one key to prove the table answers; the item need not exist. */
export const handler = publicRoute(async () => {
  const started = Date.now();
  await documentClient.send(new GetCommand({ TableName: config.tableName(), Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
  return { body: { status: 'ok', components: { table: { state: 'ok', latencyMs: Date.now() - started } } } };
});
