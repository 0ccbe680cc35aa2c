// Runs one engine (DynamoDB Local, the SES emulator) and takes it down when the runtime that
// started it goes away, however it went: a shutdown hook does not run after SIGKILL, but the
// pipe the runtime holds on our stdin is closed by the OS, and its pid stops answering.
// Usage: node watchdog.mjs <runtime pid> -- <command> [args…]
import { spawn } from 'node:child_process';

const runtimePid = Number(process.argv[2]);
const [command, ...args] = process.argv.slice(process.argv.indexOf('--') + 1);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => {
    child.kill('SIGKILL');
    process.exit(1);
  }, 2500).unref();
}

const runtimeGone = () => {
  try {
    process.kill(runtimePid, 0);
    return false;
  } catch {
    return true;
  }
};

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
const poll = setInterval(() => runtimeGone() && stop(), 500);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('error', () => process.exit(127));
child.on('exit', (code, signal) => {
  clearInterval(poll);
  process.exit(code ?? (signal ? 1 : 0));
});
