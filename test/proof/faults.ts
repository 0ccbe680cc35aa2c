import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../../infra/local/client';
import { FaultPlan, type FaultRates } from '../../infra/local/faults';
import { startLocal } from '../../infra/local/runtime';
import { ensurePlatformAdmin, seedExampleFunders } from '../../infra/local/scenario';
import { LocalClock } from '../../infra/local/virtual-clock';
import { tableItems, tableProblems, violations } from './invariants';
import { moneyPath } from './scenario';

export interface FaultFigures {
  plans: number;
  faults: number;
  byKind: Record<string, number>;
  violations: { seed: number; problems: string[] }[];
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Runs the money path under `plans` seeded fault plans on one local stack (each plan on its own
 * consortium, later on the same virtual clock) and re-derives the invariants after each. A
 * plan's violations are reported with its seed: `npm run proof -- --seed <n> --plans 1` replays it.
 */
export async function runFaultPlans(o: { plans: number; firstSeed: number; rates?: FaultRates; onProgress?: (line: string) => void }) {
  const stateDir = mkdtempSync(join(tmpdir(), 'grantloop-faults-'));
  const faults = new FaultPlan(o.firstSeed, o.rates);
  const runtime = await startLocal({
    root,
    stateDir,
    inMemory: true,
    clock: new LocalClock('virtual', new Date('2026-04-01T09:00:00Z')),
    faults,
  });
  const figures: FaultFigures = { plans: 0, faults: 0, byKind: {}, violations: [] };
  const reported = new Set<string>();
  try {
    const api = apiClient(runtime.apiUrl, runtime.issuer);
    const admin = await ensurePlatformAdmin();
    const funders = await seedExampleFunders(runtime, admin);
    await runtime.settle();
    for (let i = 0; i < o.plans; i++) {
      const seed = o.firstSeed + i;
      faults.begin(seed);
      let problems: string[] = [];
      try {
        const made = await moneyPath(runtime, api, admin, funders, seed);
        faults.end();
        // Retries still pending run without faults, then the table is read.
        await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 86400_000));
        problems = await violations(runtime, made, await runtime.emails());
      } catch (error) {
        problems = [`the scenario could not finish: ${(error as Error).message}`];
      } finally {
        faults.end();
      }
      problems.push(...runtime.errors.splice(0).map((e) => `runtime: ${e}`));
      // An execution left failed is found again by every later plan: it counts once, for the plan that left it.
      problems = problems.filter((p) => !(p.startsWith('execution ') && reported.has(p)));
      for (const p of problems) reported.add(p);
      figures.plans++;
      if (problems.length) figures.violations.push({ seed, problems });
      o.onProgress?.(
        `plan ${i + 1}/${o.plans} seed ${seed}: ${faults.total} faults so far, ${problems.length ? `✘ ${problems.join('; ')}` : '✔'}`,
      );
    }
    // And once over the whole table: what no single plan's records would show.
    const whole = tableProblems(await tableItems(runtime.dynamodbEndpoint));
    if (whole.length) figures.violations.push({ seed: -1, problems: whole.map((p) => `whole table: ${p}`) });
  } finally {
    figures.faults = faults.total;
    figures.byKind = { ...faults.injected };
    await runtime.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
  return figures;
}
