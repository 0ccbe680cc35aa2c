import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, LocalSetupError, portInUse } from './processes';

/**
 * Ports for runtimes that were not given any (tests, the demo). Asking the kernel for port 0 and
 * binding later races twice: every outgoing connection on the machine draws from that same
 * ephemeral range, and parallel test files ask at the same moment. So a block is drawn from below
 * the ephemeral range and claimed with one lock file per port, released when the runtime stops;
 * a claim whose process died is taken over.
 */
const claimsDir = join(tmpdir(), 'grantloop-port-claims');

function ephemeralFloor(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 20_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/** Claims one port for this process; false while a live process holds it. */
export function claimPort(port: number): boolean {
  const file = join(claimsDir, String(port));
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder && isAlive(holder)) return false;
    rmSync(file, { force: true });
    return claimPort(port);
  }
}

const releasePorts = (ports: number[]) => {
  for (const p of ports) rmSync(join(claimsDir, String(p)), { force: true });
};

async function claimBlockAt(first: number, size: number): Promise<number[] | undefined> {
  const held: number[] = [];
  for (let p = first; p < first + size; p++) {
    const ok = claimPort(p);
    if (ok) held.push(p);
    if (!ok || (await portInUse(p))) {
      releasePorts(held);
      return undefined;
    }
  }
  return held;
}

/** `size` consecutive free ports, claimed until `release` is called (or this process ends). */
export async function claimPortBlock(size: number): Promise<{ first: number; release: () => void }> {
  mkdirSync(claimsDir, { recursive: true });
  const low = 20_000;
  const span = ephemeralFloor() - size - low;
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = low + Math.floor(Math.random() * span);
    const held = await claimBlockAt(first, size);
    if (held) return { first, release: () => releasePorts(held) };
  }
  throw new LocalSetupError(`no ${size} consecutive free ports were found between ${low} and ${ephemeralFloor()}`);
}
