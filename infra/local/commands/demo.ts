import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Consortium } from '../../../shared/consortia/consortium';
import { pounds } from '../../../shared/platform/format';
import { resetUsage } from '../../../shared/platform/usage';
import { apiClient } from '../client';
import { type MilestoneFigures, runContractScenario } from '../demo-contracts';
import { poolFigures } from '../demo-pools';
import { checkOpenData, publishExample } from '../demo-publishing';
import type { ReportingFigures } from '../demo-reports';
import { runTenderScenario, type TenderFigures } from '../demo-tenders';
import { byRole, type Check, type Consortia, DAY, type DemoRun, playHistory, START } from '../example';
import { startLocal } from '../runtime';
import { ensurePlatformAdmin, type SeededFunder, seedExampleFunders } from '../scenario';
import type { StoredEmail } from '../ses-local';
import { LocalClock } from '../virtual-clock';

/**
 * A deterministic run of the example on a fresh in-memory stack with a virtual clock: three
 * consortia are proposed; one lead confirms at once, one after a reminder, one never (it lapses
 * when the 14-day window closes). The active Wyvernshire consortium then pools its money and
 * runs two allocation rounds (demo-pools.ts), and publishes its open data (demo-publishing.ts).
 * Every figure printed is read back from the engines.
 */
export async function demo(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const progress = (line: string) => process.stderr.write(`  ${line}\n`);
  const stateDir = mkdtempSync(join(tmpdir(), 'grantloop-demo-'));
  const clock = new LocalClock('virtual', START);
  const started = Date.now();
  resetUsage();
  progress('starting a throwaway local stack (DynamoDB Local, SES emulator, Step Functions engine)…');
  const runtime = await startLocal({ root, stateDir, inMemory: true, clock });
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail?: string) => {
    checks.push({ name, ok, ...(detail ? { detail } : {}) });
    if (!ok) progress(`✗ ${name}${detail ? `: ${detail}` : ''}`);
  };
  try {
    const api = apiClient(runtime.apiUrl, runtime.issuer);
    const admin = await ensurePlatformAdmin();
    progress('seeding six funders through the API…');
    const funders = await seedExampleFunders(runtime, admin);
    const run: DemoRun = { runtime, api, admin, clock, started, funders, f: byRole(funders), checks, progress, check };
    const { final, pooled, yearOf } = await playHistory(run);
    // Published before the tender, so the stream rebuilds the feeds after each of its changes.
    await publishExample(run, final.wyvern.id, pooled);
    const tenders = await runTenderScenario(run, final.wyvern, pooled.poolId);
    const contracts = await runContractScenario(run, tenders.tenderId);
    await checkOpenData(run, final.wyvern.id, { tender: true });
    const money = await poolFigures(pooled.poolId, check);
    const emails = await runtime.emails();
    checkMail(run, emails, final);
    await checkRuntime(run);
    const summary = { ...(await summarise(run, final, money, yearOf, emails)), tenders: tenders.figures, milestones: contracts.figures };
    if (values.out)
      await writeOutFiles(run, resolve(process.cwd(), values.out), summary, emails, { poolId: pooled.poolId, tenderId: tenders.tenderId });
    process.stdout.write(
      values.json
        ? `${JSON.stringify(summary)}\n`
        : readable(
            summary,
            emails.map((e) => e.subject),
          ),
    );
    return summary.ok ? 0 : 1;
  } finally {
    await runtime.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Checks the mailbox: one invitation per member, reminders only while waiting, and lapse notices. */
function checkMail({ funders, f, check }: DemoRun, emails: StoredEmail[], final: Consortia): void {
  const received = (to: string, subject: RegExp) => emails.filter((e) => e.destination.to.includes(to) && subject.test(e.subject)).length;
  for (const c of [final.wyvern, final.eastbrook, final.youth]) {
    for (const m of c.members) {
      const contact = funders.find((x) => x.org.id === m.orgId)?.org.contactEmail as string;
      check(`${c.name}: ${contact} invited once`, received(contact, new RegExp(`^${c.name}: .* has been added`)) === 1);
    }
  }
  const reminders = (c: Consortium, lead: SeededFunder) =>
    received(lead.org.contactEmail, new RegExp(`^Reminder: please confirm the ${c.name}`));
  check('no reminder once confirmed', reminders(final.wyvern, f.county) === 0);
  check('one reminder while waiting', reminders(final.eastbrook, f.district) === 1 && reminders(final.youth, f.millbank) === 1);
  check(
    'lapse notice to every member',
    received(f.harbourside.org.contactEmail, /has lapsed$/) === 1 && received(f.millbank.org.contactEmail, /has lapsed$/) === 1,
  );
}

/**
 * Checks the stack itself: /health answers, nothing errored, no execution failed. The tender runs
 * past the reporting year, so the grants' next report may be open, waiting for its provider:
 * the only executions still running must be such reporting cycles.
 */
async function checkRuntime({ runtime, check }: DemoRun): Promise<void> {
  const health = await fetch(`${runtime.apiUrl}/health`);
  check('/health answers 200', health.status === 200);
  check('no errors in the runtime', runtime.errors.length === 0, runtime.errors.join('; '));
  const executions = runtime.sfn.list();
  const failed = executions.filter((e) => e.status !== 'SUCCEEDED' && e.status !== 'RUNNING');
  check('no workflow execution failed', failed.length === 0, failed.map((e) => `${e.name}: ${e.status}`).join(', '));
  const running = executions.filter((e) => e.status === 'RUNNING');
  check(
    'the only executions still running are reporting cycles waiting for a report',
    running.every((e) => e.name.startsWith('report-')),
    running.map((e) => e.name).join(', '),
  );
}

/** The one summary object the demo prints, with every figure read back from the engines. */
async function summarise(
  run: DemoRun,
  final: Consortia,
  money: Awaited<ReturnType<typeof poolFigures>>,
  yearOf: ReportingFigures,
  emails: StoredEmail[],
) {
  const { runtime, checks } = run;
  // A snapshot taken before the organisations are counted below, so those reads are not in it.
  const usage = runtime.usage();
  return {
    ok: checks.every((c) => c.ok),
    organisations: await countOrganisations(run),
    consortia: 3,
    consortiaByStatus: countBy([final.wyvern, final.eastbrook, final.youth].map((c) => c.status)),
    pools: money.pools,
    grants: money.grants,
    reports: yearOf.reports,
    payments: yearOf.payments,
    emailsSent: emails.length,
    events: runtime.bus.published,
    workflowExecutions: runtime.sfn.list().length,
    virtualDays: Math.round((run.clock.now().getTime() - START.getTime()) / DAY),
    usage,
    checks: { passed: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok) },
    elapsedSeconds: Math.round((Date.now() - run.started) / 100) / 10,
  };
}

/** Counts the organisations of every kind, as the platform admin sees them. */
async function countOrganisations({ api, admin }: DemoRun): Promise<number> {
  let n = 0;
  for (const kind of ['funder', 'provider', 'council']) {
    n += (await api.call<{ organisations: unknown[] }>(admin, 'GET', `/organisations?kind=${kind}`)).organisations.length;
  }
  return n;
}

/**
 * With --out: the summary, the mailbox, the pool's 360Giving file, its ledger as CSV, the
 * tender's OCDS packages, and the county's milestones (CSV) and calendar (from its feed URL).
 */
async function writeOutFiles(
  { api, f }: DemoRun,
  out: string,
  summary: object,
  emails: StoredEmail[],
  { poolId, tenderId }: { poolId: string; tenderId: string },
): Promise<void> {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(out, 'emails.json'), `${JSON.stringify(emails, null, 2)}\n`);
  writeFileSync(
    join(out, '360giving.json'),
    `${JSON.stringify(await api.call(f.county.admin, 'GET', `/pools/${poolId}/360giving`), null, 2)}\n`,
  );
  writeFileSync(join(out, 'ledger.csv'), await api.text(f.county.admin, `/pools/${poolId}/ledger?format=csv`));
  for (const kind of ['record', 'release'])
    writeFileSync(
      join(out, `ocds-${kind}-package.json`),
      `${JSON.stringify(await api.call(f.county.admin, 'GET', `/tenders/${tenderId}/ocds?package=${kind}`), null, 2)}\n`,
    );
  writeFileSync(join(out, 'milestones.csv'), await api.text(f.county.admin, `/councils/${f.county.org.id}/milestones?format=csv`));
  const feed = await api.call<{ url: string }>(f.county.admin, 'POST', `/councils/${f.county.org.id}/calendar-feed`);
  writeFileSync(join(out, 'council.ics'), await (await fetch(feed.url)).text());
}

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((acc, v) => Object.assign(acc, { [v]: (acc[v] ?? 0) + 1 }), {});
}

function readable(
  s: { ok: boolean; organisations: number; consortia: number; emailsSent: number; events: number } & Record<string, unknown>,
  subjects: string[],
): string {
  const usage = s.usage as Record<string, number>;
  return [
    '',
    `grantloop demo — ${s.ok ? 'all checks passed' : 'SOME CHECKS FAILED'} (${s.elapsedSeconds} s for ${s.virtualDays} virtual days)`,
    '',
    `  organisations      ${s.organisations}`,
    `  consortia          ${s.consortia}  ${JSON.stringify(s.consortiaByStatus)}`,
    `  emails sent        ${s.emailsSent}`,
    `  events published   ${s.events}`,
    ...(
      s.pools as {
        id: string;
        pledged: number;
        received: number;
        committed: number;
        paid: number;
        returned: number;
        available: number;
        ledgerBalanced: boolean;
      }[]
    ).flatMap((p) => [
      '',
      `  pool ${p.id}  (ledger ${p.ledgerBalanced ? 'balanced' : 'NOT BALANCED'})`,
      `    pledged ${pounds(p.pledged)}  received ${pounds(p.received)}  committed ${pounds(p.committed)}`,
      `    paid ${pounds(p.paid)}  returned ${pounds(p.returned)}  available ${pounds(p.available)}`,
    ]),
    `  grants             ${(s.grants as { count: number }).count}  (attribution ${(s.grants as { attributionExact: boolean }).attributionExact ? 'exact' : 'NOT EXACT'})`,
    `  reports            ${Object.entries(s.reports as Record<string, number>)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  tenders            ${Object.entries(s.tenders as TenderFigures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  milestones         ${Object.entries(s.milestones as MilestoneFigures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  tranches           ${Object.entries(s.payments as Record<string, number>)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    '  usage measured from the engines:',
    ...Object.entries(usage).map(([k, v]) => `    ${k.padEnd(20)} ${v}`),
    '',
    '  emails (subjects):',
    ...[...new Set(subjects)].sort().map((subject) => `    ${subjects.filter((x) => x === subject).length}× ${subject}`),
    '',
  ].join('\n');
}
