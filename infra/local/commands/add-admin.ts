import { parseArgs } from 'node:util';
import { LocalSetupError } from '../processes';

/**
 * Bootstraps the first platform administrator in a deployed table (there is nobody yet who
 * could add them through the API). Uses the ordinary AWS credentials of the shell.
 */
export async function addAdmin(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, table: { type: 'string' } } });
  if (!values.email || !values.name || !values.table) {
    throw new LocalSetupError(
      'usage: npx grantloop add-admin --email EMAIL --name "Full Name" --table TABLE_NAME (the stack output TableName)',
    );
  }
  process.env.TABLE_NAME = values.table;
  const { dynamoConsortia } = await import('../../../shared/consortia/dynamodb-store');
  const { createUser } = await import('../../../shared/consortia/organisations');
  const { clock } = await import('../../../shared/platform/clock');
  const existing = await dynamoConsortia.findUserByEmail(values.email);
  if (existing) {
    process.stdout.write(`${values.email} is already a user (${existing.id}); nothing changed\n`);
    return 0;
  }
  const user = await createUser({ consortia: dynamoConsortia, clock }, 'bootstrap', {
    email: values.email,
    name: values.name,
    platformAdmin: true,
  });
  process.stdout.write(`platform admin ${user.email} created (${user.id})\n`);
  return 0;
}
