import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../../infra/local/client';
import { runContractScenario } from '../../infra/local/demo-contracts';
import { runTenderScenario } from '../../infra/local/demo-tenders';
import { byRole, DAY, type DemoRun, playHistory, START } from '../../infra/local/example';
import { startLocal } from '../../infra/local/runtime';
import { ensurePlatformAdmin, seedExampleFunders } from '../../infra/local/scenario';
import { LocalClock } from '../../infra/local/virtual-clock';
import { resetUsage, type Usage } from '../../shared/platform/usage';

export interface RunFigures {
  days: number;
  usage: Usage;
  emails: number;
  events: number;
  /** State transitions of each execution, by workflow. */
  transitions: Record<string, number[]>;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * The demo's history (three consortia, a pooled fund with two rounds, three grants' year of
 * reports and payments, a two-lot tender, two contracts), run on a fresh stack and measured:
 * every figure is the engines' count (consumed capacity, invocations, state transitions,
 * schedules fired, emails in the mailbox, events put on the bus, requests at the front door).
 */
export async function runDemo(progress: (line: string) => void = () => {}): Promise<RunFigures> {
  const stateDir = mkdtempSync(join(tmpdir(), 'grantloop-bench-'));
  const clock = new LocalClock('virtual', START);
  resetUsage();
  const runtime = await startLocal({ root, stateDir, inMemory: true, clock });
  try {
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
        if (!ok) throw new Error(`the demo went wrong: ${name} ${detail ?? ''}`);
      },
    };
    const { final, pooled } = await playHistory(run);
    const tenders = await runTenderScenario(run, final.wyvern, pooled.poolId);
    await runContractScenario(run, tenders.tenderId);
    const transitions: Record<string, number[]> = {};
    for (const e of runtime.sfn.list()) {
      const workflow =
        e.stateMachineArn
          .split(':')
          .at(-1)
          ?.replace(/^grantloop-/, '') ?? '?';
      transitions[workflow] = [...(transitions[workflow] ?? []), e.history.filter((h) => h.type === 'StateEntered').length];
    }
    return {
      days: Math.round((clock.now().getTime() - START.getTime()) / DAY),
      usage: runtime.usage(),
      emails: (await runtime.emails()).length,
      events: runtime.bus.puts,
      transitions,
    };
  } finally {
    await runtime.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
