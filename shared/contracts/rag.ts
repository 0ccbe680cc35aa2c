import { invalid } from '../platform/errors';
import { londonDate } from '../platform/london-time';
import { type Contract, isClosed, type Milestone } from './contract';

/**
 * Red, amber, green, from dates alone, by a council's own policy:
 * - green: everything due is met (and nothing is due soon without evidence);
 * - amber: a milestone is due within `amberWithinDays` days (today counts) and no evidence has
 *   arrived, or a milestone was only partially met;
 * - red: a milestone is overdue (its due date has passed in England with it still scheduled) or
 *   was not met.
 * Days are calendar days in Europe/London, so a weekend counts and the clock changes do not
 * move a due date. docs/ARCHITECTURE.md and the contract page state the same rule.
 */
export interface ContractPolicy {
  amberWithinDays: number;
  /** Days relative to the due date (negative: before) on which the supplier and the council are alerted, at 09:00 London. */
  alertOffsetsDays: number[];
}

export const defaultPolicy: ContractPolicy = { amberWithinDays: 14, alertOffsetsDays: [-14, -3] };

export function checkPolicy(p: ContractPolicy): ContractPolicy {
  if (!Number.isInteger(p.amberWithinDays) || p.amberWithinDays < 0 || p.amberWithinDays > 90)
    throw invalid('amberWithinDays', 'range', 'a whole number of days from 0 to 90');
  // The days are one answer (one box on the page): a wrong one is that answer's, whichever it is.
  if (p.alertOffsetsDays.some((d) => !Number.isInteger(d) || d > -1 || d < -90))
    throw invalid('alertOffsetsDays', 'range', 'each must be days before the due date: a whole number from -90 to -1');
  return { amberWithinDays: p.amberWithinDays, alertOffsetsDays: [...new Set(p.alertOffsetsDays)].sort((a, b) => a - b) };
}

export type Rag = 'green' | 'amber' | 'red';

interface RagResult {
  rag: Rag;
  why: string;
}

const DAY = 86_400_000;
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY);

export const isOverdue = (m: Pick<Milestone, 'status' | 'dueDate'>, now: Date) => m.status === 'scheduled' && londonDate(now) > m.dueDate;

export function milestoneRag(m: Milestone, now: Date, policy: ContractPolicy): RagResult {
  if (m.status === 'met') return { rag: 'green', why: 'met' };
  if (m.status === 'notMet') return { rag: 'red', why: 'not met' };
  if (m.status === 'partiallyMet') return { rag: 'amber', why: 'partially met' };
  const left = daysBetween(londonDate(now), m.dueDate);
  if (left < 0) return { rag: 'red', why: `overdue by ${-left} day${left === -1 ? '' : 's'}` };
  if (m.evidence) return { rag: 'green', why: 'evidence received, awaiting a decision' };
  if (left <= policy.amberWithinDays)
    return { rag: 'amber', why: left === 0 ? 'due today, no evidence yet' : `due in ${left} day${left === 1 ? '' : 's'}, no evidence yet` };
  return { rag: 'green', why: `due in ${left} days` };
}

const order: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

/** The worst of its milestones; a cancelled or terminated contract has none (null). */
export function contractRag(c: Contract, now: Date, policy: ContractPolicy): (RagResult & { counts: Record<Rag, number> }) | null {
  if (isClosed(c)) return null;
  const results = c.milestones.map((m) => ({ m, r: milestoneRag(m, now, policy) }));
  const counts = { green: 0, amber: 0, red: 0 };
  for (const { r } of results) counts[r.rag]++;
  const worst = results.reduce<(typeof results)[number] | undefined>((w, x) => (!w || order[x.r.rag] > order[w.r.rag] ? x : w), undefined);
  if (!worst) return { rag: 'green', why: 'no milestones', counts };
  if (worst.r.rag === 'green') return { rag: 'green', why: 'everything due is met', counts };
  return { rag: worst.r.rag, why: `${worst.m.id} ${worst.m.title}: ${worst.r.why}`, counts };
}
