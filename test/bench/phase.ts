/**
 * One phase of `npm run bench` in a process of its own: the handlers' SDK clients are made once
 * per process and keep the first local stack's endpoints, so each stack gets a fresh process
 * (as each Lambda container gets its own). Prints the phase's figures as JSON on stdout.
 */
import { runDemo } from './demo-year';
import { benchReportSubmission } from './report-submission';
import { benchScale } from './scale';
import { runSeedYear } from './seed-year';

const [phase, arg] = process.argv.slice(2);
const say = (line: string) => process.stderr.write(`  ${line}\n`);
const phases: Record<string, () => Promise<unknown>> = {
  routes: () => benchReportSubmission({ onProgress: say }),
  /** A year of the seed consortium (issue 12's workload), or with `demo` the demo's history. */
  year: () => (arg === 'demo' ? runDemo(say) : runSeedYear(say)),
  scale: () => benchScale(Number(arg), (l) => say(`${arg}: ${l}`)),
};
const run = phases[phase ?? ''];
if (!run) throw new Error(`no bench phase ${phase}; one of ${Object.keys(phases).join(', ')}`);
// Exit only once the figures are written: a pipe takes a large write in pieces, and an exit before
// the last piece cut the year's figures (its invocation log runs to hundreds of kilobytes).
process.stdout.write(`${JSON.stringify(await run())}\n`, () => process.exit(0));
