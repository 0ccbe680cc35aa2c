import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Consortium } from '../../../shared/consortia/consortium';
import type { User } from '../../../shared/consortia/store';
import { formatPounds } from '../../../shared/platform/money';
import { resetUsage } from '../../../shared/platform/usage';
import { apiClient } from '../client';
import { type DemoFunders, type PoolDemoResult, poolFigures, runPoolScenario } from '../demo-pools';
import { type ReportingFigures, type ReportingYearInput, runReportingYear } from '../demo-reports';
import { type LocalRuntime, startLocal } from '../runtime';
import { ensurePlatformAdmin, type SeededFunder, seedExampleFunders } from '../scenario';
import type { StoredEmail } from '../ses-local';
import { LocalClock } from '../virtual-clock';

const DAY = 86400_000;
/** The scenario starts on the first day of the English local-government financial year. */
const START = new Date('2026-04-01T09:00:00Z');

interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

type Api = ReturnType<typeof apiClient>;
type Consortia = Record<'wyvern' | 'eastbrook' | 'youth', Consortium>;
type GrantPlan = Omit<ReportingYearInput['grants'][number], 'id' | 'title'>;

/** What one run shares between its phases: the stack, the API, the seeded funders and the checks. */
interface DemoRun {
  runtime: LocalRuntime;
  api: Api;
  admin: User;
  clock: LocalClock;
  started: number;
  funders: SeededFunder[];
  f: DemoFunders;
  checks: Check[];
  progress: (line: string) => void;
  check: (name: string, ok: boolean, detail?: string) => void;
}

/**
 * How each of the three committed grants is run for its year: conditions, tranches and report
 * periods set by the lead, and how its provider behaves with each report.
 */
const GRANT_PLANS: Record<keyof PoolDemoResult['grants'], GrantPlan> = {
  wva: {
    behaviours: ['early', 'late', 'changes', 'early'],
    evidenceOnDay: '2026-07-08',
    plan: {
      conditions: [{ description: 'A safeguarding policy adopted by the trustees', kind: 'before-first-payment' }],
      tranches: [
        { amount: 1_125_000, dueDate: '2026-07-01' },
        { amount: 1_125_000, dueDate: '2026-10-01' },
        { amount: 1_125_000, dueDate: '2027-01-04', reportIndex: 0 },
        { amount: 1_125_000, dueDate: '2027-04-01', reportIndex: 1 },
      ],
    },
  },
  volunteerCentre: {
    behaviours: ['early', 'never', 'early', 'late'],
    waiveOnDay: '2027-01-10',
    plan: {
      conditions: [{ description: 'A volunteer management policy in place', kind: 'before-tranche', trancheIndex: 1 }],
      tranches: [
        { amount: 900_025, dueDate: '2026-07-01' },
        { amount: 900_025, dueDate: '2027-01-04' },
      ],
    },
  },
  coastal: { behaviours: ['early'], plan: { tranches: [{ amount: 999_999, dueDate: '2026-07-01' }] } },
};

/**
 * A deterministic run of the example on a fresh in-memory stack with a virtual clock: three
 * consortia are proposed; one lead confirms at once, one after a reminder, one never (it lapses
 * when the 14-day window closes). The active Wyvernshire consortium then pools its money and
 * runs two allocation rounds (demo-pools.ts). Every figure printed is read back from the engines.
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
    const proposed = await proposeConsortia(run);
    await confirmationsAndReminders(run, proposed);
    const final = await readConsortia(run, proposed);
    const pooled = await runPoolScenario({ runtime, api, funders: run.f, admin, consortium: final.wyvern, start: START, progress, check });
    const yearOf = await reportingYear(run, pooled);
    const money = await poolFigures(pooled.poolId, check);
    const emails = await runtime.emails();
    checkMail(run, emails, final);
    await checkRuntime(run);
    const summary = await summarise(run, final, money, yearOf, emails);
    if (values.out) await writeOutFiles(run, resolve(process.cwd(), values.out), summary, emails, pooled.poolId);
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

/** Names the six seeded funders by their part in the scenario. */
function byRole(funders: SeededFunder[]): DemoFunders {
  const by = (identifier: string) => funders.find((f) => f.org.identifier === identifier) as SeededFunder;
  return {
    county: by('GB-LAE-WYV'),
    district: by('GB-LAE-EBK'),
    icb: by('GB-NHS-QWY'),
    harbourside: by('GB-CHC-1098765'),
    millbank: by('GB-CHC-1154321'),
    communityFoundation: by('GB-CHC-1112223'),
  };
}

/** Day 0: three consortia are proposed by their leads; the invitations go out. */
async function proposeConsortia({ runtime, api, f, progress }: DemoRun): Promise<Consortia> {
  const propose = (lead: SeededFunder, name: string, place: string, members: [SeededFunder, 'member' | 'observer'][]) =>
    api.call<Consortium>(lead.admin, 'POST', '/consortia', {
      name,
      place,
      members: [{ orgId: lead.org.id, role: 'lead' }, ...members.map(([m, role]) => ({ orgId: m.org.id, role }))],
    });

  progress('day 0: three consortia proposed; invitations go out…');
  const wyvern = await propose(f.county, 'Wyvernshire Local Infrastructure Fund', 'Wyvernshire', [
    [f.district, 'member'],
    [f.icb, 'member'],
    [f.harbourside, 'member'],
    [f.millbank, 'member'],
    [f.communityFoundation, 'observer'],
  ]);
  const eastbrook = await propose(f.district, 'Eastbrook Communities Partnership', 'Eastbrook', [
    [f.harbourside, 'member'],
    [f.millbank, 'member'],
  ]);
  const youth = await propose(f.millbank, 'Harbour Youth Voice Fund', 'Wyvernshire coast', [[f.harbourside, 'member']]);
  await runtime.settle();
  return { wyvern, eastbrook, youth };
}

/** Days 2–15: one lead confirms at once, one after its reminder, and the third window closes. */
async function confirmationsAndReminders({ runtime, api, f, progress }: DemoRun, proposed: Consortia): Promise<void> {
  progress('day 2: the county council confirms its consortium…');
  await runtime.advanceTo(new Date(START.getTime() + 2 * DAY));
  await api.call(f.county.admin, 'POST', `/consortia/${proposed.wyvern.id}/confirm`);
  await runtime.settle();

  progress('day 7: reminders fire for the two consortia still waiting…');
  await runtime.advanceTo(new Date(START.getTime() + 8 * DAY));
  progress('day 8: the district council confirms after its reminder…');
  await api.call(f.district.admin, 'POST', `/consortia/${proposed.eastbrook.id}/confirm`);
  await runtime.settle();

  progress('day 15: the confirmation window of the third consortium has closed…');
  await runtime.advanceTo(new Date(START.getTime() + 15 * DAY));
}

/** Reads each consortium back as its lead and checks where it ended up. */
async function readConsortia({ api, f, check }: DemoRun, proposed: Consortia): Promise<Consortia> {
  const read = (lead: SeededFunder, id: string) => api.call<Consortium>(lead.admin, 'GET', `/consortia/${id}`);
  const final = {
    wyvern: await read(f.county, proposed.wyvern.id),
    eastbrook: await read(f.district, proposed.eastbrook.id),
    youth: await read(f.millbank, proposed.youth.id),
  };
  check('confirmed at once → active', final.wyvern.status === 'active', final.wyvern.status);
  check('confirmed after a reminder → active', final.eastbrook.status === 'active', final.eastbrook.status);
  check('never confirmed → lapsed', final.youth.status === 'lapsed', final.youth.status);
  return final;
}

/** Day 60 to August 2027: the three grants' year of reporting and payments, then an underspend comes back. */
async function reportingYear({ runtime, api, f, progress, check }: DemoRun, pooled: PoolDemoResult): Promise<ReportingFigures> {
  const { wva, volunteerCentre, coastal } = pooled.grants;
  progress('day 60: the lead sets conditions, tranches and report periods for the three grants; a year of reporting follows…');
  const yearOf = await runReportingYear({
    runtime,
    api,
    lead: f.county.admin,
    until: new Date('2027-08-31T12:00:00Z'),
    progress,
    check,
    grants: [
      { id: wva.id, title: wva.title, ...GRANT_PLANS.wva },
      { id: volunteerCentre.id, title: volunteerCentre.title, ...GRANT_PLANS.volunteerCentre },
      { id: coastal.id, title: coastal.title, ...GRANT_PLANS.coastal },
    ],
  });
  progress('2027-08-31: an underspend comes back from the coastal network…');
  await api.call(f.county.admin, 'POST', `/grants/${coastal.id}/returns`, { amount: 100_001, currency: 'GBP', memo: 'underspend' });
  return yearOf;
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

/** Checks the stack itself: /health answers, nothing errored, every workflow execution finished. */
async function checkRuntime({ runtime, check }: DemoRun): Promise<void> {
  const health = await fetch(`${runtime.apiUrl}/health`);
  check('/health answers 200', health.status === 200);
  check('no errors in the runtime', runtime.errors.length === 0, runtime.errors.join('; '));
  const failed = runtime.sfn.list().filter((e) => e.status !== 'SUCCEEDED');
  check('every workflow execution finished', failed.length === 0, failed.map((e) => `${e.name}: ${e.status}`).join(', '));
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

/** With --out: the summary, the mailbox, the pool's 360Giving file and its ledger as CSV. */
async function writeOutFiles({ api, f }: DemoRun, out: string, summary: object, emails: StoredEmail[], poolId: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(out, 'emails.json'), `${JSON.stringify(emails, null, 2)}\n`);
  writeFileSync(
    join(out, '360giving.json'),
    `${JSON.stringify(await api.call(f.county.admin, 'GET', `/pools/${poolId}/360giving`), null, 2)}\n`,
  );
  writeFileSync(join(out, 'ledger.csv'), await api.text(f.county.admin, `/pools/${poolId}/ledger?format=csv`));
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
      `    pledged ${formatPounds(p.pledged)}  received ${formatPounds(p.received)}  committed ${formatPounds(p.committed)}`,
      `    paid ${formatPounds(p.paid)}  returned ${formatPounds(p.returned)}  available ${formatPounds(p.available)}`,
    ]),
    `  grants             ${(s.grants as { count: number }).count}  (attribution ${(s.grants as { attributionExact: boolean }).attributionExact ? 'exact' : 'NOT EXACT'})`,
    `  reports            ${Object.entries(s.reports as Record<string, number>)
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
