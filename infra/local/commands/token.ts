import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localIssuerKeys } from '../jwt-issuer';
import { LocalSetupError } from '../processes';
import { connectToRunning } from './running';
import { resolveDir } from './start';

/** Signs a token for an existing user of the running local system, as Cognito would at sign-in. */
export async function token(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, dir: { type: 'string' } } });
  if (!values.email) throw new LocalSetupError('--email is required, e.g. npx grantloop token --email admin@grantloop.local');
  const stateDir = resolveDir(root, values.dir);
  connectToRunning(stateDir);
  const { dynamoConsortia } = await import('../../../shared/consortia/dynamodb-store');
  const user = await dynamoConsortia.findUserByEmail(values.email);
  if (!user)
    throw new LocalSetupError(
      `${values.email} is not a user of this grantloop; an organisation admin can add them (POST /organisations/{orgId}/members)`,
    );
  const issuer = await localIssuerKeys(join(stateDir, 'issuer-key.json'));
  process.stdout.write(`${await issuer.sign({ sub: user.id, email: user.email })}\n`);
  return 0;
}
