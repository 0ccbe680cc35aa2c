import { conflict, invalid, notFound } from '../platform/errors';
import { londonDate } from '../platform/london-time';
import {
  type Amendment,
  type Contract,
  type ContractStatus,
  type Decision,
  type Evidence,
  isClosed,
  type KpiRating,
  kpiId,
  type Milestone,
  type MilestoneInput,
  newMilestone,
  outside,
} from './contract';
import { changeNoticeDue } from './notices';

/**
 * What can happen to a contract after it is registered, as pure functions: each returns the
 * changed contract (the store saves it under its version, with the event, in one write).
 */

function milestoneOf(c: Contract, milestoneId: string): Milestone {
  const m = c.milestones.find((x) => x.id === milestoneId);
  if (!m) throw notFound('milestone', `${c.id}/${milestoneId}`);
  return m;
}

function requireOpen(c: Contract, doing: string): void {
  if (isClosed(c)) throw conflict(`contract "${c.title}" is ${c.status}; ${doing} is no longer possible`, { rule: 'contract-open' });
}

const withMilestone = (c: Contract, m: Milestone): Contract => ({
  ...c,
  milestones: c.milestones.map((x) => (x.id === m.id ? m : x)),
});

/** The supplier's evidence for a scheduled milestone; sending again before a decision replaces it. */
export function submitEvidence(c: Contract, milestoneId: string, evidence: Evidence): Contract {
  requireOpen(c, 'sending evidence');
  const m = milestoneOf(c, milestoneId);
  if (m.status === 'met') throw conflict(`milestone ${m.id} is already met`, { rule: 'milestone-open' });
  if (!evidence.text.trim()) throw invalid('text', 'required', 'say what was delivered');
  if (evidence.url && !/^https:\/\/\S+$/.test(evidence.url)) throw invalid('url', 'https-url', 'a link starting with https://');
  return withMilestone(c, { ...m, evidence: { ...evidence, text: evidence.text.trim() } });
}

/**
 * A council officer decides: met, partially met or not met, always with who and when, and why
 * unless it was met. A met milestone is final; one not (or partly) met can be met later.
 */
export function decideMilestone(
  c: Contract,
  milestoneId: string,
  input: { status: Decision; reason?: string | undefined; dateMet?: string | undefined },
  by: string,
  now: Date,
): Contract {
  requireOpen(c, 'deciding a milestone');
  const m = milestoneOf(c, milestoneId);
  if (m.status === 'met') throw conflict(`milestone ${m.id} is already met; a met milestone is final`, { rule: 'met-is-final' });
  if (m.status === input.status) throw conflict(`milestone ${m.id} is already ${m.status}`, { rule: 'status-changes' });
  const reason = input.reason?.trim() ?? '';
  if (input.status !== 'met' && !reason)
    throw invalid('reason', 'required', `say why the milestone was ${input.status === 'notMet' ? 'not met' : 'only partly met'}`);
  const today = londonDate(now);
  // The day the evidence came in England: evidence sent in the first hour of a summer day is the day before in UTC.
  const sentOn = m.evidence ? londonDate(new Date(m.evidence.submittedAt)) : undefined;
  const dateMet = input.status === 'notMet' ? undefined : (input.dateMet ?? sentOn ?? today);
  if (dateMet && dateMet > today) throw invalid('dateMet', 'not-future', 'the date it was met cannot be in the future');
  const { dateMet: _old, ...rest } = m;
  return withMilestone(c, {
    ...rest,
    status: input.status,
    decision: { status: input.status, reason, by, at: now.toISOString() },
    ...(dateMet ? { dateMet } : {}),
    sequence: m.sequence + 1,
  });
}

/** One rating per KPI per period, on the statutory scale; "other" needs its reason. */
export function rateKpi(
  c: Contract,
  kpiId: string,
  input: { period: { startDate: string; endDate: string }; rating: KpiRating; reason?: string | undefined },
  by: string,
  now: Date,
): Contract {
  requireOpen(c, 'rating a KPI');
  const kpi = c.kpis.find((k) => k.id === kpiId);
  if (!kpi) throw notFound('KPI', `${c.id}/${kpiId}`);
  if (input.period.startDate > input.period.endDate)
    throw invalid('period.endDate', 'date-order', 'the period must end on or after it starts');
  if (input.period.endDate > londonDate(now)) throw invalid('period.endDate', 'period-ended', 'rate a period once it has ended');
  const reason = input.reason?.trim();
  if (input.rating === 'other' && !reason) throw invalid('reason', 'required', 'say what "other" means for this period');
  if (kpi.ratings.some((r) => r.period.startDate === input.period.startDate && r.period.endDate === input.period.endDate))
    throw conflict(`KPI "${kpi.name}" is already rated for that period`, { rule: 'one-rating-per-period' });
  const rating = { period: input.period, rating: input.rating, ...(reason ? { reason } : {}), by, at: now.toISOString() };
  return { ...c, kpis: c.kpis.map((k) => (k.id === kpiId ? { ...k, ratings: [...k.ratings, rating] } : k)) };
}

export interface AmendmentInput {
  why: string;
  value?: number | undefined;
  endDate?: string | undefined;
  /** New due dates by milestone id. */
  dueDates?: Record<string, string> | undefined;
  addMilestones?: MilestoneInput[] | undefined;
  /** KPIs added (a contract from a tender award has none until the council sets them). */
  addKpis?: { name: string; target: string }[] | undefined;
}

/** A change to the contract's terms, kept as history: each field from → to, why, when and by whom. */
export function amendContract(c: Contract, input: AmendmentInput, ids: { id: string; by: string; now: Date }): Contract {
  requireOpen(c, 'amending it');
  if (!input.why.trim()) throw invalid('why', 'required', 'say why the contract changes');
  const changes: Amendment['changes'] = [];
  let next: Contract = { ...c };
  if (input.value !== undefined && input.value !== c.value) {
    const paid = c.payments.reduce((a, p) => a + p.amount, 0);
    if (c.payments.length && input.value < paid)
      throw invalid('value', 'covers-payments', 'the value cannot fall below the payment schedule');
    changes.push({ field: 'value', from: String(c.value), to: String(input.value) });
    next = { ...next, value: input.value };
  }
  if (input.endDate !== undefined && input.endDate !== c.period.endDate) {
    if (input.endDate < c.period.startDate) throw invalid('endDate', 'date-order', 'the contract must end on or after it starts');
    changes.push({ field: 'period.endDate', from: c.period.endDate, to: input.endDate });
    next = { ...next, period: { ...c.period, endDate: input.endDate } };
  }
  next = rescheduled(next, input.dueDates ?? {}, changes);
  for (const [i, m] of (input.addMilestones ?? []).entries()) {
    const added = newMilestone({ ...m, payment: undefined }, next.milestones.length);
    if (added.dueDate < next.period.startDate || added.dueDate > next.period.endDate)
      throw invalid(`addMilestones.${i}.dueDate`, 'within-period', outside(added.dueDate, next.period));
    changes.push({ field: `milestones.${added.id}`, from: '', to: `${added.title}, due ${added.dueDate}` });
    next = { ...next, milestones: [...next.milestones, added] };
  }
  next = withKpis(next, input.addKpis ?? [], changes);
  if (!changes.length) throw invalid('why', 'changes-something', 'the amendment changes nothing');
  const at = ids.now.toISOString();
  // Above threshold, a change of more than 10% of the value or the term is published first as a UK10 (s.75).
  const notice = changeNoticeDue(c, changes) ? { notice: { type: 'UK10' as const, publishedAt: at } } : {};
  const amendment = { id: ids.id, at, by: ids.by, why: input.why.trim(), changes, ...notice };
  return { ...next, amendments: [...c.amendments, amendment] };
}

/** New KPIs after the ones there are (K3 after K2), each name once on the contract, any case. */
function withKpis(c: Contract, add: { name: string; target: string }[], changes: Amendment['changes']): Contract {
  const had = new Set(c.kpis.map((k) => k.name.trim().toLowerCase()));
  const names = new Set(had);
  const kpis = [...c.kpis];
  for (const [i, k] of add.entries()) {
    const name = k.name.trim();
    const key = name.toLowerCase();
    if (names.has(key))
      throw invalid(
        `addKpis.${i}.name`,
        'unique',
        had.has(key) ? `the contract already has a KPI called "${name}"` : `KPI "${name}" is listed twice`,
      );
    names.add(key);
    const id = kpiId(kpis.length);
    kpis.push({ id, name, target: k.target.trim(), ratings: [] });
    changes.push({ field: `kpis.${id}`, from: '', to: `${name} (target: ${k.target.trim()})` });
  }
  return add.length ? { ...c, kpis } : c;
}

function rescheduled(c: Contract, dueDates: Record<string, string>, changes: Amendment['changes']): Contract {
  let next = c;
  for (const [id, date] of Object.entries(dueDates)) {
    const m = milestoneOf(next, id);
    if (date === m.dueDate) continue;
    if (m.status === 'met') throw conflict(`milestone ${id} is met; its date cannot move`, { rule: 'met-is-final' });
    if (date < next.period.startDate || date > next.period.endDate)
      throw invalid(`dueDates.${id}`, 'within-period', outside(date, next.period));
    changes.push({ field: `milestones.${id}.dueDate`, from: m.dueDate, to: date });
    next = withMilestone(next, { ...m, dueDate: date, sequence: m.sequence + 1 });
  }
  return next;
}

const allowed: Record<ContractStatus, ContractStatus[]> = {
  pending: ['active', 'cancelled'],
  active: ['terminated'],
  cancelled: [],
  terminated: [],
};

/** The statuses a contract may move to from its own. */
export const nextContractStatuses = (from: ContractStatus): ContractStatus[] => allowed[from];

/** pending → active (signed) or cancelled; active → terminated (ended, early or not). Ending needs a reason. */
export function changeStatus(c: Contract, to: ContractStatus, reason: string | undefined, now: Date): Contract {
  if (!allowed[c.status].includes(to))
    throw conflict(`a ${c.status} contract cannot become ${to}`, { rule: 'status-order', from: c.status, to });
  const why = reason?.trim() ?? '';
  if (to !== 'active' && !why) throw invalid('reason', 'required', `say why the contract is ${to}`);
  return { ...c, status: to, ...(why ? { statusReason: why } : {}), statusChangedAt: now.toISOString() };
}
