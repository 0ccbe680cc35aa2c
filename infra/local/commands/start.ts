import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { User } from '../../../shared/consortia/store';
import { apiClient } from '../client';
import { checkOpenData, publishExample } from '../demo-publishing';
import { byRole, type DemoRun, playHistory, START } from '../example';
import { defaultPorts, type LocalRuntime, startLocal } from '../runtime';
import { ensurePlatformAdmin, type SeededFunder, seedExampleFunders } from '../scenario';
import { platformAdmin } from '../seed';
import { LocalClock } from '../virtual-clock';

export async function start(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'in-memory': { type: 'boolean', default: false },
      example: { type: 'boolean', default: false },
      dir: { type: 'string' },
      port: { type: 'string' },
    },
  });
  const stateDir = resolveDir(root, values.dir);
  const base = values.port ? Number(values.port) : defaultPorts.api;
  const ports = { api: base, dynamodb: base + 2, aws: base + 3, mail: base + 5 };
  const started = Date.now();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  // The example's history is played on a virtual clock from its first day up to now, then the clock follows the wall clock.
  const clock = values.example ? new LocalClock('virtual', START) : new LocalClock('real');
  const runtime = await startLocal({ root, stateDir, inMemory: values['in-memory'], ports, clock, log: say });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping grantloop…`);
    await runtime.stop();
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const admin = await ensurePlatformAdmin();
  const seeded = runtime.tableCreated ? await seedExampleFunders(runtime, admin) : [];
  await runtime.settle();
  const openData = values.example ? await loadExample(runtime, admin, seeded, say) : undefined;
  const lead = seeded.find((s) => s.role === 'lead');

  const openDataLine = openData
    ? `\n  Open data:   open ${openData} (the consortium’s public page and its 360Giving feeds, no sign-in; OCDS once it publishes a tender)`
    : '';
  process.stdout.write(`grantloop ready api=${runtime.apiUrl} mail=${runtime.mailUrl} web=${runtime.webUrl}\n`);
  say(`
  Up in ${((Date.now() - started) / 1000).toFixed(1)} s. State: ${values['in-memory'] ? 'in memory (gone on exit)' : stateDir}
  ${seeded.length ? `Seeded ${seeded.length} example funders and the platform admin.` : 'Using the data already in the state folder.'}

  Sign in:     open ${runtime.apiUrl}/sign-in (local only: pick a seeded user; then ${runtime.webUrl} shows what needs you)
  Health:      curl ${runtime.apiUrl}/health
  Mailbox:     open ${runtime.mailUrl} (every email the system sends lands here)${openDataLine}
  A token:     export TOKEN=$(npx grantloop token --email ${platformAdmin.email})
  Who am I:    curl -H "Authorization: Bearer $TOKEN" ${runtime.apiUrl}/me
  Funders:     curl -H "Authorization: Bearer $TOKEN" "${runtime.apiUrl}/organisations?kind=funder"
  ${lead ? `Lead admin:  npx grantloop token --email ${lead.admin.email}  (can create and confirm a consortium)` : ''}

  Stop with Ctrl-C.
`);
  return new Promise<number>(() => {});
}

/**
 * `--example`: the demo's consortia, pool, rounds, grants and reports, as they stand today, and
 * the Wyvernshire consortium's open data published. Returns its public page's URL when loaded.
 */
async function loadExample(
  runtime: LocalRuntime,
  admin: User,
  seeded: SeededFunder[],
  say: (line: string) => void,
): Promise<string | undefined> {
  let openData: string | undefined;
  if (seeded.length) {
    say(`loading the example: its history from ${START.toISOString().slice(0, 10)} up to today, on the virtual clock…`);
    const started = Date.now();
    const run: DemoRun = {
      runtime,
      api: apiClient(runtime.apiUrl, runtime.issuer),
      admin,
      clock: runtime.clock,
      started,
      funders: seeded,
      f: byRole(seeded),
      checks: [],
      progress: (line) => say(`  ${line}`),
      check: (name, ok, detail) => {
        if (!ok) say(`  note: ${name}${detail ? ` (${detail})` : ''}`);
      },
    };
    const { final, pooled } = await playHistory(run, new Date());
    openData = await publishExample(run, final.wyvern.id, pooled);
    await checkOpenData(run, final.wyvern.id, { tender: false });
    say(`example loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    say('--example: the state folder already has data, so the example was not loaded (use --in-memory, or --dir with a new folder)');
  }
  await runtime.advanceTo(new Date());
  runtime.followWallClock();
  return openData;
}

export function resolveDir(root: string, dir: string | undefined): string {
  return dir ? resolve(process.cwd(), dir) : join(root, '.grantloop');
}
