import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalSetupError } from '../processes';
import { connectToRunning } from './running';
import { resolveDir } from './start';

/**
 * `npx grantloop export 360giving --pool ID`: the pool's grants as a 360Giving package, from the
 * running local system (or, with AWS credentials and --table, from a deployed table).
 */
export async function exportData(root: string, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { pool: { type: 'string' }, dir: { type: 'string' }, out: { type: 'string' }, table: { type: 'string' } },
  });
  if (positionals[0] !== '360giving' || !values.pool) {
    throw new LocalSetupError('usage: npx grantloop export 360giving --pool POOL_ID [--out FILE] [--dir DIR | --table TABLE_NAME]');
  }
  if (values.table) process.env.TABLE_NAME = values.table;
  else connectToRunning(resolveDir(root, values.dir));
  const { dynamoConsortia } = await import('../../../shared/consortia/dynamodb-store');
  const { dynamoPools } = await import('../../../shared/pools/dynamodb-store');
  const { export360Giving } = await import('../../../shared/pools/giving360');
  const { systemClock } = await import('../../../shared/platform/clock');
  const pkg = await export360Giving({ consortia: dynamoConsortia, pools: dynamoPools, clock: systemClock }, 'system', values.pool);
  const text = `${JSON.stringify(pkg, null, 2)}\n`;
  if (values.out) {
    writeFileSync(resolve(process.cwd(), values.out), text);
    process.stderr.write(`wrote ${pkg.grants.length} grants to ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
