import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export class LocalSetupError extends Error {}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new LocalSetupError(`${what} exited early with code ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new LocalSetupError(`${what} did not answer within ${timeoutMs / 1000} s`);
}

const watchdog = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

/**
 * Children die with the runtime. Each runs under a watchdog (watchdog.mjs) in its own process
 * group, killed on stop; if the runtime is killed outright, the watchdog sees its stdin close and
 * takes the engine down within a second. The pid and command are recorded in `engines.json`
 * (see `stopStaleEngines`) for the case where even the watchdog was killed.
 */
export function spawnChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  const child = spawn(process.execPath, [watchdog, String(process.pid), '--', command, ...args], {
    ...options,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.resume();
  child.stderr?.resume();
  if (child.pid) engines.set(child.pid, `${command} ${args.join(' ')}`);
  child.once('exit', () => child.pid && engines.delete(child.pid));
  return child;
}

/** Engines started by this process and still running: pid → the command line it was started with. */
const engines = new Map<number, string>();

/** Records the engines running now, so a later start on the same folder can stop any left behind. */
export function recordEngines(file: string): void {
  writeFileSync(file, JSON.stringify([...engines].map(([pid, command]) => ({ pid, command }))));
}

/**
 * Stops engines a previous runtime on this folder left running (its runtime and watchdog both
 * killed). Each was started in its own process group, led by its watchdog; the group is only
 * killed if one of its processes still runs the very command recorded for it: pids are reused,
 * and a stranger's process must never be touched.
 */
export async function stopStaleEngines(file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; command: string }[];
  const table = spawnSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' }).stdout.split('\n');
  const running = table.map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter((m) => m !== null);
  let stopped = 0;
  for (const { pid: group, command } of recorded) {
    const members = running.filter((m) => Number(m[2]) === group && (m[3] as string).includes(command));
    if (!members.length) continue;
    try {
      process.kill(-group, 'SIGKILL');
      stopped++;
    } catch {}
    for (let i = 0; i < 50 && members.some((m) => isAlive(Number(m[1]))); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(file, { force: true });
  return stopped;
}

export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, 3000);
  await exited;
  clearTimeout(timer);
}

/** Java 17+ is needed for DynamoDB Local; say exactly what to install when it is missing. */
export function checkJava(): void {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) {
    throw new LocalSetupError(
      'Java was not found. DynamoDB Local (the real database engine grantloop runs on locally) needs Java 17 or later.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS (Homebrew): brew install openjdk@17\n' +
        '  Windows: install a JDK 17+ (e.g. Eclipse Temurin) and make sure `java` is on PATH.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) {
    throw new LocalSetupError(
      `Java ${major || '(unknown version)'} was found, but DynamoDB Local needs Java 17 or later; install a newer JDK/JRE.`,
    );
  }
}
