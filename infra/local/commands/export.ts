import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalSetupError } from '../processes';
import { connectToRunning } from './running';
import { resolveDir } from './start';

const usage =
  'usage: npx grantloop export 360giving --pool POOL_ID | ocds --tender TENDER_ID [--package record|release]  [--out FILE] [--dir DIR | --table TABLE_NAME]';

/**
 * `npx grantloop export 360giving --pool ID` (a pool's grants as a 360Giving package) or
 * `export ocds --tender ID` (a tender's OCDS record or release package), read from the running
 * local system or, with AWS credentials and --table, from a deployed table. The same use cases
 * as the API's, run as the operator.
 */
export async function exportData(root: string, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      pool: { type: 'string' },
      tender: { type: 'string' },
      package: { type: 'string', default: 'record' },
      dir: { type: 'string' },
      out: { type: 'string' },
      table: { type: 'string' },
    },
  });
  const what = positionals[0];
  if (!((what === '360giving' && values.pool) || (what === 'ocds' && values.tender))) throw new LocalSetupError(usage);
  if (values.package !== 'record' && values.package !== 'release') throw new LocalSetupError(`--package is record or release. ${usage}`);
  let api = 'urn:grantloop:deployed';
  if (values.table) process.env.TABLE_NAME = values.table;
  else api = connectToRunning(resolveDir(root, values.dir));
  const { dynamoConsortia } = await import('../../../shared/consortia/dynamodb-store');
  const { systemClock } = await import('../../../shared/platform/clock');
  let pkg: unknown;
  let summary: string;
  if (what === 'ocds') {
    const { dynamoTenders } = await import('../../../shared/tenders/dynamodb-store');
    const { tenderOcds } = await import('../../../shared/tenders/ocds');
    const { ocidPrefix } = await import('../environments');
    const tenderId = values.tender as string;
    const kind = values.package;
    const uri = `${api}/tenders/${tenderId}/ocds${kind === 'release' ? '?package=release' : ''}`;
    const deps = { consortia: dynamoConsortia, tenders: dynamoTenders, clock: systemClock };
    const ocds = await tenderOcds(deps, 'system', { tenderId, prefix: ocidPrefix(), kind, uri });
    pkg = ocds;
    const count = 'releases' in ocds ? ocds.releases.length : ocds.records[0]?.releases.length;
    summary = `${count} releases of tender ${tenderId} as an OCDS ${kind} package`;
  } else {
    const { dynamoPools } = await import('../../../shared/pools/dynamodb-store');
    const { export360Giving } = await import('../../../shared/pools/giving360');
    const grants = await export360Giving(
      { consortia: dynamoConsortia, pools: dynamoPools, clock: systemClock },
      'system',
      values.pool as string,
    );
    pkg = grants;
    summary = `${grants.grants.length} grants`;
  }
  const text = `${JSON.stringify(pkg, null, 2)}\n`;
  if (values.out) {
    writeFileSync(resolve(process.cwd(), values.out), text);
    process.stderr.write(`wrote ${summary} to ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
