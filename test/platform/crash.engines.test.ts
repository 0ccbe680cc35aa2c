import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { claimPortBlock } from '../../infra/local/port-claims';
import { alive, descendants, run, until } from '../support/cli';

const ready = /grantloop ready api=(\S+)/;

describe('npm start after kill -9', () => {
  it('takes its engines down with it within 5 s, and starts again on the same folder with the data it had', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grantloop-crash-'));
    const block = await claimPortBlock(6);
    onTestFinished(block.release);
    const port = String(block.first);
    const first = run(['start', '--dir', dir, '--port', port]);
    await until('the ready line', () => ready.test(first.out()), 90_000);
    const api = ready.exec(first.out())?.[1] as string;
    const token = run(['token', '--email', 'admin@grantloop.local', '--dir', dir]);
    await token.exited;
    const auth = { authorization: `Bearer ${token.out().trim()}`, 'content-type': 'application/json' };
    const created = await fetch(`${api}/organisations`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: 'Crash Test Trust',
        kind: 'funder',
        funderType: 'trust-foundation',
        identifier: 'GB-CHC-1199001',
        contactEmail: 'c@example.org',
      }),
    });
    expect(created.status).toBe(201);
    const org = (await created.json()) as { id: string };

    const engines = await descendants(first.child.pid as number);
    expect(engines.length).toBeGreaterThanOrEqual(4); // two watchdogs, Java, the SES emulator
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    await until('every engine to exit', () => engines.every((pid) => !alive(pid)), 5_000);
    expect(Date.now() - killedAt).toBeLessThan(5_000);

    // The same folder and ports: no "port already used", and the organisation written before the kill is there.
    const second = run(['start', '--dir', dir, '--port', port]);
    await until('the ready line again', () => ready.test(second.out()), 90_000);
    const again = await fetch(`${api}/organisations/${org.id}`, { headers: auth });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('Crash Test Trust');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 240_000);
});
