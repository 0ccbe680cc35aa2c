import { byRole, type DemoRun, playHistory } from '../../infra/local/example';
import type { SeededFunder } from '../../infra/local/scenario';
import type { TestStack } from './stack';

/** The example `npm start -- --example` loads, played on a test stack's virtual clock up to `until`. */
export async function loadExample(stack: TestStack, until: Date) {
  const funders = (await stack.seed()) as SeededFunder[];
  const problems: string[] = [];
  const run: DemoRun = {
    runtime: stack.runtime,
    api: stack.api,
    admin: stack.admin,
    clock: stack.clock,
    started: Date.now(),
    funders,
    f: byRole(funders),
    checks: [],
    progress: () => {},
    check: (name, ok, detail) => {
      if (!ok) problems.push(`${name}${detail ? `: ${detail}` : ''}`);
    },
  };
  const history = await playHistory(run, until);
  if (problems.length) throw new Error(`the example did not play as scripted: ${problems.join('; ')}`);
  return { ...history, f: run.f };
}
