import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { names } from '../../catalog';
import { localCredentials } from '../dynamodb-local';
import { localIssuerKeys } from '../jwt-issuer';
import { LocalSetupError } from '../processes';
import { resolveDir } from './start';

/** Signs a token for an existing user of the running local system, as Cognito would at sign-in. */
export async function token(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, dir: { type: 'string' } } });
  if (!values.email) throw new LocalSetupError('--email is required, e.g. npx grantloop token --email admin@grantloop.local');
  const stateDir = resolveDir(root, values.dir);
  const lock = join(stateDir, 'runtime.json');
  if (!existsSync(lock)) throw new LocalSetupError(`grantloop is not running for ${stateDir}; start it with npm start`);
  const running = JSON.parse(readFileSync(lock, 'utf8')) as { dynamodb: string };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: running.dynamodb,
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    TABLE_NAME: names.table,
  });
  const { dynamoStore } = await import('../../../shared/adapters/dynamodb/store');
  const user = await dynamoStore.findUserByEmail(values.email);
  if (!user)
    throw new LocalSetupError(
      `${values.email} is not a user of this grantloop; an organisation admin can add them (POST /organisations/{orgId}/members)`,
    );
  const issuer = await localIssuerKeys(join(stateDir, 'issuer-key.json'));
  process.stdout.write(`${await issuer.sign({ sub: user.id, email: user.email })}\n`);
  return 0;
}
