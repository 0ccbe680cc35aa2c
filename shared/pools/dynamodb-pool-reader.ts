import { grantOf, grantRecord } from '../grants/codecs';
import type { Grant } from '../grants/grant';
import { keys as grantKeys } from '../grants/keys';
import { documentClient as db, op } from '../platform/aws/dynamodb';
import { config } from '../platform/config';
import { poolRecord } from './codecs';
import { keys } from './keys';
import type { Pool } from './pool';

/** Reading one pool item, on its own so a handler that only checks a pool bundles no ledger code. */
export async function readPool(poolId: string): Promise<Pool | undefined> {
  const out = await db.send(op.get({ TableName: config.tableName(), Key: keys.pool(poolId) }));
  return poolRecord.fromOptional(out.Item);
}

/** One grant's header (not its shares), for features that only check what a grant committed. */
export async function readGrant(grantId: string): Promise<Grant | undefined> {
  const out = await db.send(op.get({ TableName: config.tableName(), Key: grantKeys.grant(grantId) }));
  const stored = grantRecord.fromOptional(out.Item);
  return stored && grantOf(stored);
}
