import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlive, recordEngines, spawnChild, stopChild, stopStaleEngines } from '../../infra/local/processes';
import { until } from '../support/cli';

const running = (args: string) =>
  spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .some((l) => l.trim() === args);

describe('engines left behind by a runtime that was killed with its watchdogs', () => {
  it('are stopped by the next start on the folder; a process that is not ours is never touched', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'grantloop-stale-')), 'engines.json');
    const engine = spawnChild('sleep', ['301']);
    await until('the engine to start', () => running('sleep 301'), 5_000);
    recordEngines(file);
    // The watchdog itself is killed: the engine is orphaned, still in the watchdog's process group.
    process.kill(engine.pid as number, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    expect(await stopStaleEngines(file)).toBe(1);
    expect(running('sleep 301')).toBe(false);

    // A recorded pid now used by something else (here: this test's own process group) is left alone.
    const mine = spawnChild('sleep', ['302']);
    await until('the second engine to start', () => running('sleep 302'), 5_000);
    writeFileSync(file, JSON.stringify([{ pid: mine.pid, command: 'java -jar DynamoDBLocal.jar -port 1' }]));
    expect(await stopStaleEngines(file)).toBe(0);
    expect(isAlive(mine.pid as number)).toBe(true);
    await stopChild(mine);
  });
});
