import { addDays, londonDate, londonTime } from '../../shared/platform/london-time';
import type { DemoRun } from './example';
import { fillIn, linksIn } from './mailbox-links';

export interface MilestoneFigures {
  total: number;
  met: number;
  partiallyMet: number;
  notMet: number;
  overdue: number;
  red: number;
  amber: number;
  green: number;
  alertsSent: number;
}

type ContractView = {
  id: string;
  title: string;
  milestones: { id: string; title: string; status: string; overdue: boolean; rag?: { rag: 'red' | 'amber' | 'green' } }[];
};

const supplier = { name: 'Wyvernshire Rural Community Council', email: 'contracts@wyvern-rcc.example.org', identifier: 'GB-CHC-1077010' };

/** A milestone as a council registers it: due on a date, with what to deliver and the evidence asked for. */
export const milestone = (title: string, type: string, dueDate: string) => ({
  title,
  type,
  dueDate,
  deliverable: `${title}, as set out in the specification.`,
  evidenceRequested: 'A short note of what was delivered and a link to it.',
});

/**
 * Wyvernshire County Council's contracts over the months after the tender: one it registers
 * itself (village hall and rural groups support) and the one the tender's first lot became.
 * Suppliers act only on the alerts in their mailbox: one sends evidence early (met), one late
 * and short (partly met), one never (overdue, then not met); one milestone is left overdue and
 * one is coming up at the end.
 */
export async function runContractScenario(run: DemoRun, tenderId: string): Promise<{ figures: MilestoneFigures; contractIds: string[] }> {
  const { api, f, progress } = run;
  const council = f.county;
  const d0 = londonDate(run.clock.now());
  const on = (days: number) => addDays(d0, days);
  progress('contracts: the county registers a rural support contract; the tender’s first lot is a contract too…');
  const direct = await api.call<ContractView>(council.admin, 'POST', `/councils/${council.org.id}/contracts`, {
    title: 'Rural community support',
    description: 'Support for village halls and rural community groups.',
    supplier,
    value: 4_800_000,
    period: { startDate: d0, endDate: on(180) },
    payments: [
      { dueDate: d0, amount: 2_400_000 },
      { dueDate: on(90), amount: 2_400_000 },
    ],
    milestones: [
      { ...milestone('Village hall health checks', 'delivery', on(20)), payment: 1 },
      milestone('Quarterly activity report', 'reporting', on(45)),
      milestone('Rural groups funding fair', 'delivery', on(60)),
      milestone('Second quarterly report', 'reporting', on(100)),
    ],
    kpis: [{ name: 'Village halls supported', target: '40 a year' }],
  });
  const lot1 = await lotContract(run, tenderId);
  await api.call(council.admin, 'POST', `/contracts/${lot1.id}/amendments`, {
    why: 'Milestones agreed at the start-up meeting.',
    addMilestones: [milestone('Mobilisation plan', 'delivery', on(30)), milestone('First-quarter report', 'reporting', on(75))],
  });
  await run.runtime.settle();

  await morning(run, on(6)); // 14 days before the health checks: the supplier sends evidence at once.
  await sendEvidence(run, 'Village hall health checks', 'Thirty-two halls checked; the report is online.');
  await decide(run, direct.id, 'M1', { status: 'met' });
  await morning(run, on(16)); // 14 days before the mobilisation plan.
  await sendEvidence(run, 'Mobilisation plan', 'Plan agreed with the council; staff in post.', lot1.supplierEmail);
  await decide(run, lot1.id, 'M1', { status: 'met' });
  await morning(run, on(42)); // 3 days before the quarterly report: sent, but short.
  await sendEvidence(run, 'Quarterly activity report', 'Report for the quarter, without the halls figures.');
  await decide(run, direct.id, 'M2', { status: 'partiallyMet', reason: 'The halls figures were missing.' });
  await morning(run, on(61)); // The fair was due yesterday and nothing came: overdue, then not met.
  await decide(run, direct.id, 'M3', { status: 'notMet', reason: 'The fair did not take place.' });
  await morning(run, on(76)); // The lot's first-quarter report is overdue and stays so.
  await morning(run, on(92)); // The second report is due in 8 days: amber.
  await api.call(council.admin, 'POST', `/contracts/${direct.id}/kpis/K1/ratings`, {
    period: { startDate: d0, endDate: on(90) },
    rating: 'approaching-target',
  });
  return { figures: await milestoneFigures(run, [direct.id, lot1.id]), contractIds: [direct.id, lot1.id] };
}

/** The contract the tender's first lot became (its id is the lot's grant). */
async function lotContract(run: DemoRun, tenderId: string) {
  const t = await run.api.call<{ outcomes: { lotId: string; grantId?: string }[] }>(run.f.county.admin, 'GET', `/tenders/${tenderId}`);
  const grantId = t.outcomes[0]?.grantId as string;
  const c = await run.api.call<ContractView & { supplier: { email: string } }>(run.f.county.admin, 'GET', `/contracts/${grantId}`);
  return { id: c.id, supplierEmail: c.supplier.email };
}

async function morning(run: DemoRun, date: string) {
  await run.runtime.advanceTo(londonTime(date, '09:30'));
  await run.runtime.settle();
}

/** The supplier opens the newest alert about the milestone and sends evidence through its link. */
export async function sendEvidence(run: DemoRun, milestoneTitle: string, text: string, to = supplier.email) {
  const alert = (await run.runtime.emails())
    .filter((e) => e.destination.to.includes(to) && e.subject.includes(`: ${milestoneTitle} (`))
    .at(-1);
  const url = linksIn(alert, 'milestone')[0];
  run.check(`an alert for "${milestoneTitle}" reached the supplier with an evidence link`, Boolean(url));
  if (!url) return;
  const sent = await fillIn(url, { text, url: 'https://wyvern-rcc.example.org/evidence' });
  run.check(`evidence for "${milestoneTitle}" sent by link`, sent.status === 200);
  await run.runtime.settle();
}

/** The council decides a milestone: met, partly met or not met (with a reason). */
export async function decide(run: DemoRun, contractId: string, milestoneId: string, body: Record<string, string>) {
  await run.api.call(run.f.county.admin, 'POST', `/contracts/${contractId}/milestones/${milestoneId}/decision`, body);
  await run.runtime.settle();
}

/** Read back from the engines: the contracts' milestones and the alerts in the mailbox. */
export async function milestoneFigures(run: DemoRun, ids: string[]): Promise<MilestoneFigures> {
  const views = await Promise.all(ids.map((id) => run.api.call<ContractView>(run.f.county.admin, 'GET', `/contracts/${id}`)));
  const all = views.flatMap((v) => v.milestones);
  const count = (p: (m: ContractView['milestones'][number]) => boolean) => all.filter(p).length;
  const titles = all.map((m) => m.title);
  const alerts = (await run.runtime.emails()).filter(
    (e) => /^(Coming up|Overdue): /.test(e.subject) && titles.some((t) => e.subject.includes(`: ${t} (`)),
  );
  return {
    total: all.length,
    met: count((m) => m.status === 'met'),
    partiallyMet: count((m) => m.status === 'partiallyMet'),
    notMet: count((m) => m.status === 'notMet'),
    overdue: count((m) => m.overdue),
    red: count((m) => m.rag?.rag === 'red'),
    amber: count((m) => m.rag?.rag === 'amber'),
    green: count((m) => m.rag?.rag === 'green'),
    alertsSent: alerts.length,
  };
}
