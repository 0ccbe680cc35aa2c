import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { names } from '../../../shared/platform/catalog';
import { localCredentials } from '../dynamodb-local';
import { LocalSetupError } from '../processes';

/**
 * Points this process's SDK clients at the DynamoDB Local of a running `grantloop start`, so
 * commands like `token` and `export` read the same table the running system writes.
 */
/** Returns the running system's API URL. */
export function connectToRunning(stateDir: string): string {
  const lock = join(stateDir, 'runtime.json');
  if (!existsSync(lock)) throw new LocalSetupError(`grantloop is not running for ${stateDir}; start it with npm start`);
  const running = JSON.parse(readFileSync(lock, 'utf8')) as { dynamodb: string; api: string };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: running.dynamodb,
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    TABLE_NAME: names.table,
  });
  return running.api;
}
