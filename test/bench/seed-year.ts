import { runPoolScenario } from '../../infra/local/demo-pools';
import { type Behaviour, type ReportingYearInput, runReportingYear } from '../../infra/local/demo-reports';
import { runTenderScenario, type TenderFigures } from '../../infra/local/demo-tenders';
import { DAY, type DemoRun, GRANT_PLANS, START } from '../../infra/local/example';
import type { Consortium } from '../../shared/consortia/consortium';
import type { Organisation } from '../../shared/consortia/organisation';
import type { Pledge } from '../../shared/pools/pledge';
import { measuredRun, type RunFigures } from './demo-year';
import { QUARTERLY_WITH_THREE_REMINDERS } from './scale';
import { ContractYear } from './seed-contracts';

type YearGrant = ReportingYearInput['grants'][number];

/**
 * The year's grants: 47 awarded directly at the end of May for the financial year (April 2026 to
 * March 2027), beside the round's three (from July).
 */
const DIRECT_GRANTS = 47;
const GRANT_YEAR_START = '2026-04-01';
/**
 * The run ends when the direct grants' last quarter's reports (due 30 April 2027) are in,
 * reminded or late: 402 days from 1 April 2026, the financial year and its last reports.
 */
const END = new Date('2027-05-08T12:00:00Z');
/** The joint tender runs in the quiet weeks between the first quarter's reports and the second's. */
const TENDER_ON = '2026-08-10';

/**
 * Most providers report after the first or the second reminder; some early, some a few days
 * late; three are asked for changes once; two reports never come.
 */
const MIX: Behaviour[] = [
  'after-reminder',
  'after-two-reminders',
  'after-reminder',
  'early',
  'after-two-reminders',
  'after-reminder',
  'late',
  'after-two-reminders',
  'after-reminder',
  'after-two-reminders',
];
const NEVER = new Set(['12:1', '33:2']);
const CHANGES = new Set(['5:0', '27:2', '41:1']);
const behavioursOf = (i: number): Behaviour[] =>
  [0, 1, 2, 3].map((q) =>
    NEVER.has(`${i}:${q}`) ? 'never' : CHANGES.has(`${i}:${q}`) ? 'changes' : (MIX[(i + 3 * q) % MIX.length] as Behaviour),
  );

/** Local groups the direct grants go to: ten places, five kinds of group. */
const PLACES = ['Ashby', 'Brindle', 'Caldmoor', 'Dunhope', 'Elsworth', 'Fernleigh', 'Gorsey', 'Holmcroft', 'Ivybridge', 'Kestle'];
const KINDS = ['Community Association', 'Youth Club', 'Food Bank', "Men's Shed", 'Carers Group'];

/**
 * Issue 12's workload: a year of the seed consortium, run on the virtual clock and measured.
 * The six example funders form the consortium (the county leads, four members, an observer)
 * and set quarterly reporting with three reminders; the demo's pooled fund follows (pledges,
 * money, a round voted through with three grants, one voted down); 47 more grants are awarded
 * from a top-up, so 50 grants report quarterly from the links in their emails, in a realistic
 * mix, and the lead reviews each report; a two-lot tender draws ten bids in August; the county's
 * two contracts run twelve milestones each.
 */
export function runSeedYear(progress: (line: string) => void = () => {}): Promise<RunFigures> {
  return measuredRun(progress, async (run) => {
    const consortium = await formConsortium(run);
    const { runtime, api, admin, f, check } = run;
    const pooled = await runPoolScenario({ runtime, api, funders: f, admin, consortium, start: START, progress, check });
    const round = [pooled.grants.wva, pooled.grants.volunteerCentre, pooled.grants.coastal];
    const grants: YearGrant[] = [
      ...(await awardGrants(run, pooled.poolId)),
      ...(['wva', 'volunteerCentre', 'coastal'] as const).map((k, j) => ({
        ...GRANT_PLANS[k],
        id: round[j]?.id as string,
        title: round[j]?.title as string,
        behaviours: behavioursOf(DIRECT_GRANTS + j),
      })),
    ];
    const contracts = new ContractYear(run);
    let tender: TenderFigures | undefined;
    const reporting = await runReportingYear({
      runtime,
      api,
      lead: f.county.admin,
      grants,
      until: END,
      progress,
      check,
      onDay: async (today) => {
        await contracts.day(today);
        if (today === TENDER_ON) tender = (await runTenderScenario(run, consortium, pooled.poolId, { bidders: 10 })).figures;
      },
    });
    return {
      grants: grants.length,
      ...reporting,
      reportOutcomes: await reportOutcomes(grants),
      tender,
      milestones: await contracts.figures(),
      emailsByKind: await emailsByKind(run),
    };
  });
}

/** Day 0–2: the county proposes the consortium of all six, confirms it, and sets its reporting policy. */
async function formConsortium({ runtime, api, f, funders, progress }: DemoRun): Promise<Consortium> {
  progress('day 0: the county council proposes the seed consortium of six funders…');
  const proposed = await api.call<Consortium>(f.county.admin, 'POST', '/consortia', {
    name: 'Wyvernshire Local Infrastructure Fund',
    place: 'Wyvernshire',
    members: funders.map((m) => ({ orgId: m.org.id, role: m.role })),
  });
  await runtime.settle();
  progress('day 2: the county confirms it and sets quarterly reports with three reminders…');
  await runtime.advanceTo(new Date(START.getTime() + 2 * DAY));
  await api.call(f.county.admin, 'POST', `/consortia/${proposed.id}/confirm`);
  await runtime.settle();
  await api.call(f.county.admin, 'PUT', `/consortia/${proposed.id}/reporting-policy`, QUARTERLY_WITH_THREE_REMINDERS);
  await runtime.settle();
  return api.call<Consortium>(f.county.admin, 'GET', `/consortia/${proposed.id}`);
}

/** Five funders top the pool up by £250,000; the lead awards 47 small grants for 2026–27 to local groups. */
async function awardGrants(run: DemoRun, poolId: string): Promise<YearGrant[]> {
  const { api, f, admin, clock, progress } = run;
  const lead = f.county.admin;
  const today = clock.now().toISOString().slice(0, 10);
  progress(`${today}: five funders put £250,000 more in; the lead awards ${DIRECT_GRANTS} small grants…`);
  for (const [who, amount] of [
    [f.county, 10_000_000],
    [f.icb, 6_000_000],
    [f.district, 4_000_000],
    [f.millbank, 3_000_000],
    [f.harbourside, 2_000_000],
  ] as const) {
    const p = await api.call<Pledge>(who.admin, 'POST', `/pools/${poolId}/pledges`, {
      funderOrgId: who.org.id,
      currency: 'GBP',
      years: [{ financialYear: '2026-27', amount }],
      restriction: { kind: 'core' },
    });
    await api.call(lead, 'POST', `/pools/${poolId}/pledges/${p.id}/contributions`, { amount, currency: 'GBP', receivedOn: today });
  }
  const grants: YearGrant[] = [];
  for (let i = 0; i < DIRECT_GRANTS; i++) {
    const name = `${PLACES[i % PLACES.length]} ${KINDS[Math.floor(i / PLACES.length)]}`;
    const group = await api.call<Organisation>(admin, 'POST', '/organisations', {
      name,
      kind: 'provider',
      identifier: `GB-CHC-${1190001 + i}`,
      contactEmail: `hello@${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example.org`,
    });
    const amount = 200_000 + ((i * 70_000) % 600_000);
    const title = `Core support for ${name}`;
    const grant = await api.call<{ id: string }>(lead, 'POST', `/pools/${poolId}/allocations`, {
      recipientOrgId: group.id,
      title,
      amount,
      currency: 'GBP',
      durationMonths: 12,
      plannedStart: GRANT_YEAR_START,
    });
    const half = Math.round(amount / 2);
    const tranches = [
      { amount: half, dueDate: '2026-06-01' },
      { amount: amount - half, dueDate: '2026-10-01', reportIndex: 0 },
    ];
    grants.push({ id: grant.id, title, plan: { tranches }, behaviours: behavioursOf(i) });
  }
  await run.runtime.settle();
  return grants;
}

/**
 * Where each grant's reports ended up, read back from the table, and how their providers had
 * been set to behave (over the reports requested within the year).
 */
async function reportOutcomes(grants: YearGrant[]) {
  const { dynamoGrants } = await import('../../shared/grants/dynamodb-store');
  const byStatus: Record<string, number> = {};
  const byBehaviour: Record<string, number> = {};
  for (const g of grants) {
    for (const r of await dynamoGrants.listGrantReports(g.id)) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      const behaviour = g.behaviours[r.index] ?? 'early';
      if (r.status !== 'scheduled') byBehaviour[behaviour] = (byBehaviour[behaviour] ?? 0) + 1;
    }
  }
  return { byStatus, byBehaviour };
}

/** The emails the year sent, by what they were for. */
async function emailsByKind(run: DemoRun): Promise<Record<string, number>> {
  const kinds: [string, RegExp][] = [
    ['report requests', /^Report due /],
    ['report reminders', /^(Reminder|Overdue): report /],
    ['reports to review', /^Report to review: /],
    ['reports accepted', /^Report accepted: /],
    ['milestone alerts', /^(Coming up|Overdue): /],
  ];
  const by: Record<string, number> = {};
  for (const e of await run.runtime.emails()) {
    const kind = kinds.find(([, re]) => re.test(e.subject))?.[0] ?? 'other';
    by[kind] = (by[kind] ?? 0) + 1;
  }
  return by;
}
