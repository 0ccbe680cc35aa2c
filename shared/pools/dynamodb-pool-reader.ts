import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Grant } from '../grants/grant';
import { documentClient as db, entity } from '../platform/aws/dynamodb';
import { config } from '../platform/config';
import { keys } from './keys';
import type { Pool } from './pool';

/** Reading one pool item, on its own so a handler that only checks a pool bundles no ledger code. */
export async function readPool(poolId: string): Promise<Pool | undefined> {
  const out = await db.send(new GetCommand({ TableName: config.tableName(), Key: keys.pool(poolId) }));
  return entity<Pool>(out.Item);
}

/** One grant's header (not its shares), for features that only check what a grant committed. */
export async function readGrant(grantId: string): Promise<Grant | undefined> {
  const out = await db.send(new GetCommand({ TableName: config.tableName(), Key: keys.grant(grantId) }));
  const grant = entity<Grant & { version?: number }>(out.Item);
  if (!grant) return undefined;
  const { version: _v, ...rest } = grant;
  return rest;
}
