import type { Consortium } from '../../shared/consortia/consortium';
import type { User } from '../../shared/consortia/store';
import type { apiClient } from './client';
import { type DemoFunders, type PoolDemoResult, runPoolScenario } from './demo-pools';
import { type ReportingFigures, type ReportingYearInput, runReportingYear } from './demo-reports';
import type { LocalRuntime } from './runtime';
import type { SeededFunder } from './scenario';
import type { LocalClock } from './virtual-clock';

/**
 * The example's history, shared by `grantloop demo` (all of it, then checks and figures) and
 * `grantloop start --example` (up to today, then the clock follows the wall clock): three
 * consortia proposed, two confirmed, a pooled fund with two rounds, and a year of reporting.
 */
export const DAY = 86400_000;
/** The scenario starts on the first day of the English local-government financial year. */
export const START = new Date('2026-04-01T09:00:00Z');

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export type Api = ReturnType<typeof apiClient>;
export type Consortia = Record<'wyvern' | 'eastbrook' | 'youth', Consortium>;
type GrantPlan = Omit<ReportingYearInput['grants'][number], 'id' | 'title'>;

/** What one run shares between its phases: the stack, the API, the seeded funders and the checks. */
export interface DemoRun {
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
export const GRANT_PLANS: Record<keyof PoolDemoResult['grants'], GrantPlan> = {
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

/** Names the six seeded funders by their part in the scenario. */
export function byRole(funders: SeededFunder[]): DemoFunders {
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

/** The end of the example's history: a year of reporting, then an underspend coming back. */
const END = new Date('2027-08-31T12:00:00Z');

/** Day 60 to `until` (at most August 2027): the three grants' reporting and payments; at the end an underspend comes back. */
async function reportingYear(
  { runtime, api, f, progress, check }: DemoRun,
  pooled: PoolDemoResult,
  until: Date = END,
): Promise<ReportingFigures> {
  const { wva, volunteerCentre, coastal } = pooled.grants;
  progress('day 60: the lead sets conditions, tranches and report periods for the three grants; a year of reporting follows…');
  const yearOf = await runReportingYear({
    runtime,
    api,
    lead: f.county.admin,
    until: until < END ? until : END,
    progress,
    check,
    grants: [
      { id: wva.id, title: wva.title, ...GRANT_PLANS.wva },
      { id: volunteerCentre.id, title: volunteerCentre.title, ...GRANT_PLANS.volunteerCentre },
      { id: coastal.id, title: coastal.title, ...GRANT_PLANS.coastal },
    ],
  });
  if (until >= END) {
    progress('2027-08-31: an underspend comes back from the coastal network…');
    await api.call(f.county.admin, 'POST', `/grants/${coastal.id}/returns`, { amount: 100_001, currency: 'GBP', memo: 'underspend' });
  }
  return yearOf;
}

/** The example's history up to `until`: consortia, the pooled fund and its rounds, then reporting. */
export async function playHistory(run: DemoRun, until: Date = END) {
  const proposed = await proposeConsortia(run);
  await confirmationsAndReminders(run, proposed);
  const final = await readConsortia(run, proposed);
  const { runtime, api, f, admin, progress, check } = run;
  const pooled = await runPoolScenario({ runtime, api, funders: f, admin, consortium: final.wyvern, start: START, progress, check });
  const yearOf = await reportingYear(run, pooled, until);
  return { final, pooled, yearOf };
}
