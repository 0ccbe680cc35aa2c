import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimPort, claimPortBlock } from '../../infra/local/port-claims';

const claims = join(tmpdir(), 'grantloop-port-claims');

describe('port claims for runtimes started without fixed ports', () => {
  it('never hands the same port to two runtimes starting at once, and frees the ports on release', async () => {
    const blocks = await Promise.all(Array.from({ length: 12 }, () => claimPortBlock(4)));
    const ports = blocks.flatMap((b) => [0, 1, 2, 3].map((i) => b.first + i));
    expect(new Set(ports).size).toBe(ports.length);
    // Below the kernel's ephemeral range, where outgoing connections take their source ports.
    for (const p of ports) expect(p).toBeLessThan(32_768);
    for (const b of blocks) b.release();
    const left = readdirSync(claims).map(Number);
    for (const p of ports) expect(left).not.toContain(p);
  });

  it('takes over a claim left behind by a process that died, but not one held by a live process', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { first: port, release } = await claimPortBlock(1);
    expect(claimPort(port)).toBe(false);
    writeFileSync(join(claims, String(port)), dead.stdout);
    expect(claimPort(port)).toBe(true);
    expect(readFileSync(join(claims, String(port)), 'utf8')).toBe(String(process.pid));
    release();
  });
});
