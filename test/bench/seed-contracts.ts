import { decide, type MilestoneFigures, milestone, milestoneFigures, sendEvidence } from '../../infra/local/demo-contracts';
import type { DemoRun } from '../../infra/local/example';
import { addDays } from '../../shared/platform/london-time';

/**
 * How a supplier answers a milestone's alerts (14 and 3 days before it is due, and the morning
 * after): evidence at the first alert, at the second, after the overdue alert (partly met), or
 * never (not met).
 */
type Answer = 'first-alert' | 'second-alert' | 'after-overdue' | 'never';
const ANSWERS: Answer[] = ['first-alert', 'second-alert', 'first-alert', 'second-alert', 'after-overdue', 'second-alert'];
const answerOf = (k: number): Answer => (k === 7 ? 'never' : (ANSWERS[k % ANSWERS.length] as Answer));

/** Twelve milestones a contract, every four weeks from mid-June. */
const MILESTONES = 12;
const FIRST_DUE = '2026-06-15';
const dueOf = (k: number) => addDays(FIRST_DUE, 28 * k);
const PERIOD = { startDate: '2026-06-01', endDate: '2027-05-31' };
const QUARTER_ENDS = ['2026-08-31', '2026-11-30', '2027-02-28'];

const CONTRACTS = [
  {
    title: 'Rural community support 2026–27',
    description: 'Support for village halls and rural community groups across the county.',
    supplier: { name: 'Wyvernshire Rural Community Council', email: 'contracts@wyvern-rcc.example.org', identifier: 'GB-CHC-1077010' },
    returns: 'Rural support return',
    value: 4_800_000,
    kpi: { name: 'Village halls supported', target: '40 a year' },
  },
  {
    title: 'Volunteer brokerage for small groups 2026–27',
    description: 'Recruiting and placing volunteers with small community groups.',
    supplier: { name: 'Wyvern Volunteer Bureau', email: 'office@wyvern-volunteers.example.org', identifier: 'GB-CHC-1077011' },
    returns: 'Brokerage return',
    value: 3_600_000,
    kpi: { name: 'Volunteers placed', target: '150 a year' },
  },
] as const;

/**
 * The county council's two contracts over the seed consortium's year, twelve milestones each:
 * registered on the first day the year runs, then day by day the suppliers answer the alerts in
 * their mailboxes with evidence by the emailed link, the council decides each milestone, and it
 * rates each contract's KPI every quarter. `day` does what is due by the day given, so a day
 * that something else skipped (the tender moves the clock on) is caught up on the next.
 */
export class ContractYear {
  private readonly ids: string[] = [];
  private todo: { date: string; act: () => Promise<void> }[] = [];
  constructor(private readonly run: DemoRun) {}

  async day(today: string): Promise<void> {
    if (!this.ids.length) await this.register();
    const due = this.todo.filter((t) => t.date <= today).sort((a, b) => a.date.localeCompare(b.date));
    this.todo = this.todo.filter((t) => t.date > today);
    for (const t of due) await t.act();
  }

  figures(): Promise<MilestoneFigures> {
    return milestoneFigures(this.run, this.ids);
  }

  private async register(): Promise<void> {
    const { api, f, progress } = this.run;
    progress('contracts: the county registers two contracts, twelve milestones each…');
    for (const c of CONTRACTS) {
      const registered = await api.call<{ id: string }>(f.county.admin, 'POST', `/councils/${f.county.org.id}/contracts`, {
        title: c.title,
        description: c.description,
        supplier: c.supplier,
        value: c.value,
        period: PERIOD,
        payments: ['2026-06-01', '2026-09-01', '2026-12-01', '2027-03-01'].map((dueDate) => ({ dueDate, amount: c.value / 4 })),
        milestones: Array.from({ length: MILESTONES }, (_, k) =>
          milestone(`${c.returns} ${k + 1}`, k % 3 === 2 ? 'delivery' : 'reporting', dueOf(k)),
        ),
        kpis: [c.kpi],
      });
      this.ids.push(registered.id);
      for (let k = 0; k < MILESTONES; k++) this.plan(registered.id, `M${k + 1}`, `${c.returns} ${k + 1}`, c.supplier.email, k);
      for (const [q, end] of QUARTER_ENDS.entries()) this.todo.push({ date: addDays(end, 1), act: () => this.rate(registered.id, q, end) });
    }
    await this.run.runtime.settle();
  }

  /** What the supplier and the council do about one milestone, by the supplier's answer. */
  private plan(contractId: string, id: string, title: string, supplier: string, k: number): void {
    const due = dueOf(k);
    const answer = answerOf(k);
    const evidence = (date: string) => ({
      date,
      act: () => sendEvidence(this.run, title, `${title}: what was delivered, with the figures.`, supplier),
    });
    const decision = (date: string, body: Record<string, string>) => ({ date, act: () => decide(this.run, contractId, id, body) });
    if (answer === 'first-alert') this.todo.push(evidence(addDays(due, -14)), decision(addDays(due, -12), { status: 'met' }));
    if (answer === 'second-alert') this.todo.push(evidence(addDays(due, -3)), decision(addDays(due, -1), { status: 'met' }));
    if (answer === 'after-overdue')
      this.todo.push(evidence(addDays(due, 1)), decision(addDays(due, 3), { status: 'partiallyMet', reason: 'Sent late and short.' }));
    if (answer === 'never') this.todo.push(decision(addDays(due, 5), { status: 'notMet', reason: 'Nothing was delivered.' }));
  }

  private async rate(contractId: string, q: number, end: string): Promise<void> {
    await this.run.api.call(this.run.f.county.admin, 'POST', `/contracts/${contractId}/kpis/K1/ratings`, {
      period: { startDate: q === 0 ? PERIOD.startDate : addDays(QUARTER_ENDS[q - 1] as string, 1), endDate: end },
      rating: q === 1 ? 'approaching-target' : 'good',
    });
  }
}
