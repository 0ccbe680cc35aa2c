import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnChild, stopChild, waitFor } from './processes';

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/**
 * The SES v2 emulator (aws-ses-v2-local) as a child process: SendEmail in, a web mailbox out.
 * With `mailboxFile`, the mailbox outlives a restart (ses-mailbox.cjs keeps it in that file).
 */
export async function startSesLocal(port: number, mailboxFile?: string) {
  const pkg = dirname(createRequire(import.meta.url).resolve('aws-ses-v2-local/package.json'));
  const server = ['--port', String(port), '--host', '127.0.0.1'];
  const child = mailboxFile
    ? spawnChild(process.execPath, [join(import.meta.dirname, 'ses-mailbox.cjs'), mailboxFile, ...server])
    : spawnChild(process.execPath, [join(pkg, 'dist', 'cli.js'), ...server]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('SES emulator', async () => (await fetch(`${url}/health-check`)).ok, 20_000, child).catch(async (e) => {
    await stopChild(child);
    throw e;
  });
  return {
    child,
    url,
    async emails(): Promise<StoredEmail[]> {
      const res = await fetch(`${url}/store`);
      const body = (await res.json()) as { emails: StoredEmail[] };
      return body.emails;
    },
    stop: () => stopChild(child),
  };
}
