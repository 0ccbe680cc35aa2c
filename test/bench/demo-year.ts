import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog, forTarget } from '../../infra/catalog';
import { apiClient } from '../../infra/local/client';
import { runContractScenario } from '../../infra/local/demo-contracts';
import { runTenderScenario } from '../../infra/local/demo-tenders';
import { byRole, DAY, type DemoRun, playHistory, START } from '../../infra/local/example';
import { type LocalRuntime, startLocal } from '../../infra/local/runtime';
import { ensurePlatformAdmin, seedExampleFunders } from '../../infra/local/scenario';
import { LocalClock } from '../../infra/local/virtual-clock';
import { resetUsage, type Usage } from '../../shared/platform/usage';
import { type Invocation, recordInvocations } from './invocation-log';
import { type RouteFigures, recordRouteCalls } from './route-calls';

export interface RunFigures {
  days: number;
  usage: Usage;
  emails: number;
  events: number;
  /** State transitions of each execution, by workflow. */
  transitions: Record<string, number[]>;
  /** DynamoDB calls per request of every API and link route the run exercised. */
  routes: RouteFigures[];
  /** What the scenario did (counts of grants, reports, bids, milestones…), as it reports them. */
  scenario: Record<string, unknown>;
  /** Every invocation of the run on its clock, for the cold-start model (issue 27). */
  invocations: Invocation[];
}

const root = join(import.meta.dirname, '..', '..');

/** State transitions (states entered) of each execution the run started, by workflow. */
function transitionsOf(runtime: LocalRuntime): Record<string, number[]> {
  const transitions: Record<string, number[]> = {};
  for (const e of runtime.sfn.list()) {
    const workflow =
      e.stateMachineArn
        .split(':')
        .at(-1)
        ?.replace(/^grantloop-/, '') ?? '?';
    transitions[workflow] = [...(transitions[workflow] ?? []), e.history.filter((h) => h.type === 'StateEntered').length];
  }
  return transitions;
}

/**
 * A scenario on a fresh stack, measured: the virtual clock from the demo's start, DynamoDB in
 * memory, usage counters reset, the six example funders seeded through the API. Every figure
 * is the engines' count (consumed capacity, invocations, state transitions, schedules fired,
 * emails in the mailbox, events put on the bus, requests at the front door, each request's
 * DynamoDB calls). A check that fails stops the run.
 */
export async function measuredRun(
  progress: (line: string) => void,
  scenario: (run: DemoRun) => Promise<Record<string, unknown>>,
): Promise<RunFigures> {
  const stateDir = mkdtempSync(join(tmpdir(), 'grantloop-bench-'));
  const clock = new LocalClock('virtual', START);
  resetUsage();
  const runtime = await startLocal({ root, stateDir, inMemory: true, clock });
  try {
    const routes = recordRouteCalls(runtime.lambdas);
    const invocations = recordInvocations(runtime.lambdas, clock, forTarget(catalog, 'local'));
    const admin = await ensurePlatformAdmin();
    const funders = await seedExampleFunders(runtime, admin);
    const run: DemoRun = {
      runtime,
      api: apiClient(runtime.apiUrl, runtime.issuer),
      admin,
      clock,
      started: Date.now(),
      funders,
      f: byRole(funders),
      checks: [],
      progress,
      check: (name, ok, detail) => {
        if (!ok) throw new Error(`the benchmark's scenario went wrong: ${name} ${detail ?? ''}`);
      },
    };
    const did = await scenario(run);
    return {
      days: Math.round((clock.now().getTime() - START.getTime()) / DAY),
      usage: runtime.usage(),
      emails: (await runtime.emails()).length,
      events: runtime.bus.puts,
      transitions: transitionsOf(runtime),
      routes: routes(),
      scenario: did,
      invocations: invocations(),
    };
  } finally {
    runtime.lambdas.onInvoked = undefined;
    await runtime.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/**
 * The demo's history (three consortia, a pooled fund with two rounds, three grants' year of
 * reports and payments, a two-lot tender, two contracts), run on a fresh stack and measured.
 */
export function runDemo(progress: (line: string) => void = () => {}): Promise<RunFigures> {
  return measuredRun(progress, async (run) => {
    const { final, pooled, yearOf } = await playHistory(run);
    const tenders = await runTenderScenario(run, final.wyvern, pooled.poolId);
    const contracts = await runContractScenario(run, tenders.tenderId);
    return { ...yearOf, tenders: tenders.figures, milestones: contracts.figures };
  });
}
