/**
 * `npm run proof`: the fault suite and the fuzz suite at full size (npm test runs both small).
 * Prints progress, the figures, and ends with one line:
 *   proof: plans=N faults=M violations=V fuzz=R 5xx=X writes=W
 * and exits non-zero unless V, X and W are 0. Flags: --plans 200 --seed 1 --per-route 1000
 * --fuzz-seed <n> --only faults|fuzz (a failing plan or case prints the seed that replays it)
 * --tender no (the money path alone, without the joint tender each plan runs alongside it).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fuzz } from '../proof/fuzz';
import { startTestStack } from '../support/stack';
import { runFaultPlans, tenderSteps } from './faults';

const { values } = parseArgs({
  options: {
    plans: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    'per-route': { type: 'string', default: '1000' },
    'fuzz-seed': { type: 'string', default: '20261101' },
    only: { type: 'string' },
    tender: { type: 'string', default: 'yes' },
  },
});
const say = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

/**
 * Both suites: each in a process of its own, because the handlers' SDK clients keep the first
 * local stack's endpoints (as a Lambda container keeps its own), and each suite starts a stack.
 */
if (!values.only) {
  const statuses: (number | null)[] = [];
  const figures = ['faults', 'fuzz'].map((only) => {
    const args = Object.entries(values).flatMap(([k, v]) => (k === 'only' || v === undefined ? [] : [`--${k}`, String(v)]));
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, ...args, '--only', only], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    statuses.push(child.status);
    const lines = child.stdout.trim().split('\n');
    process.stdout.write(`${lines.filter((l) => !l.startsWith('proof:')).join('\n')}\n`);
    const last = lines.find((l) => l.startsWith('proof:')) ?? '';
    if (!last) throw new Error(`the ${only} suite ended without its figures (exit ${child.status})`);
    return Object.fromEntries([...last.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
  });
  const sum = (k: string) => figures.reduce((a, f) => a + (f[k] ?? 0), 0);
  process.stdout.write(
    `proof: plans=${sum('plans')} faults=${sum('faults')} violations=${sum('violations')} fuzz=${sum('fuzz')} 5xx=${sum('5xx')} writes=${sum('writes')}\n`,
  );
  // A suite's own exit also counts: the fuzzer fails on an unnamed refusal or an accepted request too.
  process.exit(sum('violations') === 0 && sum('5xx') === 0 && sum('writes') === 0 && statuses.every((x) => x === 0) ? 0 : 1);
}

let plans = 0;
let faults = 0;
let violations = 0;
if (values.only !== 'fuzz') {
  const tender = values.tender !== 'no';
  say(`faults: ${values.plans} seeded plans of the money path${tender ? ' and a joint tender' : ''}, from seed ${values.seed}…`);
  const f = await runFaultPlans({ plans: Number(values.plans), firstSeed: Number(values.seed), tender, onProgress: (l) => say(`  ${l}`) });
  plans = f.plans;
  faults = f.faults;
  violations = f.violations.reduce((a, v) => a + v.problems.length, 0);
  for (const v of f.violations)
    say(`  ✘ seed ${v.seed} (replay: npm run proof -- --only faults --plans 1 --seed ${v.seed}): ${v.problems.join('; ')}`);
  const kinds = Object.entries(f.byKind).map(([k, n]) => `${k} ${n}`);
  const atTenderSteps = Object.entries(f.byFunction)
    .filter(([fn]) => tenderSteps.has(fn))
    .map(([fn, n]) => `${fn.replace(/^step:/, '')} ${n}`);
  process.stdout.write(
    `faults: ${plans} plans (${f.tenders} tenders run to the end), ${faults} faults injected (${kinds.join(', ')}; at tender steps ${atTenderSteps.join(', ') || 'none'}), ${violations} violations [${elapsed()}]\n`,
  );
}

let requests = 0;
let fiveXX = 0;
let writes = 0;
let unnamed = 0;
if (values.only !== 'faults') {
  say(`fuzz: ${values['per-route']} requests per route, seed ${values['fuzz-seed']}…`);
  const stack = await startTestStack();
  try {
    const r = await fuzz(stack, {
      perRoute: Number(values['per-route']),
      seed: Number(values['fuzz-seed']),
      onProgress: (p) => say(`  ${p.routesDone}/${p.routes} ${p.route}: ${p.requests} requests so far, ${p.failures} failures`),
    });
    requests = r.requests;
    fiveXX = r.fiveXX;
    writes = r.writes;
    unnamed = r.unnamed4xx + r.accepted;
    for (const f of r.failures.slice(0, 50)) say(`  ✘ ${f.kind} ${f.route} case ${f.case} seed ${f.seed}: ${f.broke} → ${f.detail}`);
    process.stdout.write(
      `fuzz: ${r.routes} routes, ${requests} requests (${Object.entries(r.byStatus)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}), 5xx ${fiveXX}, unnamed 4xx ${r.unnamed4xx}, accepted ${r.accepted}, writes ${writes} [${elapsed()}]\n`,
    );
  } finally {
    await stack.stop();
  }
}

process.stdout.write(`proof: plans=${plans} faults=${faults} violations=${violations} fuzz=${requests} 5xx=${fiveXX} writes=${writes}\n`);
process.exit(violations === 0 && fiveXX === 0 && writes === 0 && unnamed === 0 ? 0 : 1);
