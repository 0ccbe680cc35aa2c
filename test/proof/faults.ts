import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../../infra/local/client';
import type { Api } from '../../infra/local/example';
import { FaultPlan, type FaultRates, type InvocationSource, type LambdaFault } from '../../infra/local/faults';
import { type LocalRuntime, startLocal } from '../../infra/local/runtime';
import { ensurePlatformAdmin, type SeededFunder, seedExampleFunders } from '../../infra/local/scenario';
import { LocalClock } from '../../infra/local/virtual-clock';
import type { User } from '../../shared/consortia/store';
import { tendersSlice } from '../../shared/tenders/catalog';
import { tableItems, tableProblems, violations } from './invariants';
import { moneyPath } from './scenario';
import { type TenderMade, tenderViolations } from './tender-invariants';
import { tenderPath } from './tender-scenario';

export interface FaultFigures {
  plans: number;
  /** Plans whose tender scenario ran to its end (the invariants then judged it). */
  tenders: number;
  faults: number;
  byKind: Record<string, number>;
  /** Faults per function and source (`step:awardLot`, `async:startTenderWorkflow`, `router:eventRouter`). */
  byFunction: Record<string, number>;
  violations: { seed: number; problems: string[] }[];
}

/** The same plan, also counting which functions its faults hit: the figures show every tender step was reached. */
class CountedFaultPlan extends FaultPlan {
  readonly byFunction: Record<string, number> = {};

  override lambda(fn: string, source: InvocationSource): LambdaFault | undefined {
    const fault = super.lambda(fn, source);
    if (fault) this.byFunction[`${source}:${fn}`] = (this.byFunction[`${source}:${fn}`] ?? 0) + 1;
    return fault;
  }
}

/** The joint-tender workflow's steps as fault streams (`step:awardLot`…), as its catalog wires them. */
export const tenderSteps = new Set(tendersSlice.workflows.flatMap((w) => Object.values(w.substitutions).map((fn) => `step:${fn}`)));

const root = join(import.meta.dirname, '..', '..');

/**
 * Runs the money path, with a joint tender in its last weeks (unless `tender` is false), under
 * `plans` seeded fault plans on one local stack (each plan on its own consortium, later on the
 * same virtual clock) and re-derives the invariants after each. A plan's violations are reported
 * with its seed: `npm run proof -- --only faults --seed <n> --plans 1` replays it.
 */
export async function runFaultPlans(o: {
  plans: number;
  firstSeed: number;
  rates?: FaultRates;
  tender?: boolean;
  onProgress?: (line: string) => void;
}) {
  const stateDir = mkdtempSync(join(tmpdir(), 'grantloop-faults-'));
  const faults = new CountedFaultPlan(o.firstSeed, o.rates);
  const runtime = await startLocal({
    root,
    stateDir,
    inMemory: true,
    clock: new LocalClock('virtual', new Date('2026-04-01T09:00:00Z')),
    faults,
  });
  const figures: FaultFigures = { plans: 0, tenders: 0, faults: 0, byKind: {}, byFunction: faults.byFunction, violations: [] };
  const reported = new Set<string>();
  try {
    const api = apiClient(runtime.apiUrl, runtime.issuer);
    const admin = await ensurePlatformAdmin();
    const world: World = { runtime, api, admin, funders: await seedExampleFunders(runtime, admin), faults, tender: o.tender ?? true };
    await runtime.settle();
    for (let i = 0; i < o.plans; i++) {
      const seed = o.firstSeed + i;
      const plan = await runPlan(world, seed);
      // An execution left failed is found again by every later plan: it counts once, for the plan that left it.
      const problems = plan.problems.filter((p) => !(p.startsWith('execution ') && reported.has(p)));
      for (const p of problems) reported.add(p);
      figures.plans++;
      if (plan.tenderRan) figures.tenders++;
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

interface World {
  runtime: LocalRuntime;
  api: Api;
  admin: User;
  funders: SeededFunder[];
  faults: FaultPlan;
  tender: boolean;
}

/**
 * One plan: the scenarios under the seed's faults, then a day without faults (retries still
 * pending run), then the invariants read from the table. A tender scenario that could not go on
 * is reported as such; the whole-table pass still judges what it left.
 */
async function runPlan(w: World, seed: number): Promise<{ problems: string[]; tenderRan: boolean }> {
  const { runtime, faults } = w;
  const problems: string[] = [];
  let tender: TenderMade | undefined;
  faults.begin(seed);
  try {
    const made = await moneyPath(runtime, w.api, w.admin, w.funders, seed, async (on) => {
      try {
        if (w.tender) tender = await tenderPath(runtime, w.api, w.funders, on, seed);
      } catch (error) {
        problems.push(`the tender scenario could not finish: ${(error as Error).message}`);
      }
    });
    faults.end();
    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 86400_000));
    problems.push(...(await violations(runtime, made, await runtime.emails())));
    if (tender) problems.push(...(await tenderViolations(runtime, tender)));
  } catch (error) {
    problems.push(`the scenario could not finish: ${(error as Error).message}`);
  } finally {
    faults.end();
  }
  problems.push(...runtime.errors.splice(0).map((e) => `runtime: ${e}`));
  return { problems, tenderRan: tender !== undefined };
}
