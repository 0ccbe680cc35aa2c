import { resolve } from 'node:path';
import { DomainError } from '../../shared/platform/errors';
import { LocalSetupError } from './processes';

const root = resolve(import.meta.dirname, '..', '..');

const usage = `grantloop — pooled funding for consortia of funders, on one machine

  npx grantloop start [--example] [--in-memory] [--dir DIR] [--port N]
                                                             run the whole system locally (npm start); --example loads the
                                                             example consortium with its history up to today
  npx grantloop demo [--json] [--out DIR]                    run the example scenario on a throwaway stack
  npx grantloop token --email EMAIL [--dir DIR]              print a staff token for a user of the running system
  npx grantloop export 360giving --pool ID [--out FILE]      a pool's grants as a 360Giving package (running system)
  npx grantloop export ocds --tender ID [--package release] [--out FILE]
                                                             a tender's OCDS record package (or its releases)
  npx grantloop add-admin --email E --name N --table T       create the first platform admin in a deployed table (AWS)
  npx grantloop help | --help | -h                           this text (also after any command)
`;

export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  // `npx grantloop start --help` (or -h) explains rather than starting anything.
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  try {
    switch (command) {
      case 'start':
        return await (await import('./commands/start')).start(root, rest);
      case 'demo':
        return await (await import('./commands/demo')).demo(root, rest);
      case 'token':
        return await (await import('./commands/token')).token(root, rest);
      case 'export':
        return await (await import('./commands/export')).exportData(root, rest);
      case 'add-admin':
        return await (await import('./commands/add-admin')).addAdmin(rest);
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(usage);
        return 0;
      default:
        process.stderr.write(`unknown command "${command}"\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    // A refusal (not found, not published yet) is an answer, not a crash: no stack trace.
    if (error instanceof LocalSetupError || error instanceof DomainError) {
      process.stderr.write(`grantloop: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`grantloop: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
