import { conflict, DomainError, type FieldIssue, invalid } from '../platform/errors';
import { dayInWords, pounds } from '../platform/format';

export const conditionKinds = ['before-first-payment', 'before-tranche', 'ongoing'] as const;
export type ConditionKind = (typeof conditionKinds)[number];
type ConditionStatus = 'pending' | 'evidence-submitted' | 'met' | 'waived' | 'not-met';

export interface Condition {
  id: string;
  grantId: string;
  description: string;
  kind: ConditionKind;
  /** For `before-tranche`: the tranche it guards. `before-first-payment` guards tranche 1. */
  trancheId?: string;
  status: ConditionStatus;
  evidence?: { text?: string; url?: string; submittedAt: string };
  decision?: { outcome: 'met' | 'waived' | 'not-met'; reason?: string; by: string; at: string };
  /**
   * Each time staff send a new evidence link the generation goes up; a link carries the
   * generation it was issued in, and one from an earlier generation answers "replaced"
   * (condition-new-link.ts). Absent: never replaced (generation 0).
   */
  linkGeneration?: number;
  /** When staff last sent a new evidence link, for the "replaced" page. */
  linksReplacedAt?: string;
  version: number;
}

/**
 * A condition whose evidence waits for the lead's decision, as "what needs me" lists it: kept
 * beside the condition from the moment evidence arrives until it is decided, with what a reader
 * needs (the grant's title and recipient), so the list is one Query per consortium.
 */
export interface ConditionToDecide {
  consortiumId: string;
  grantId: string;
  grantTitle: string;
  recipientOrgId: string;
  conditionId: string;
  description: string;
  submittedAt: string;
}

export const conditionToDecide = (
  c: Condition & { evidence: { submittedAt: string } },
  grant: { consortiumId: string; title: string; recipientOrgId: string },
): ConditionToDecide => ({
  consortiumId: grant.consortiumId,
  grantId: c.grantId,
  grantTitle: grant.title,
  recipientOrgId: grant.recipientOrgId,
  conditionId: c.id,
  description: c.description,
  submittedAt: c.evidence.submittedAt,
});

export interface Tranche {
  id: string;
  grantId: string;
  seq: number;
  amount: number;
  dueDate: string;
  /** A report that must be accepted before this tranche is released. */
  reportId?: string;
  status: 'scheduled' | 'released' | 'cancelled';
  releasedAt?: string;
  /** Set the first time the tranche was due but held back by a condition (for the funders' figures). */
  blockedByConditionsAt?: string;
}

/** A tranche schedule must sum exactly to the grant, in date order. */
export function checkTranches(amount: number, tranches: { amount: number; dueDate: string }[]): void {
  const total = tranches.reduce((a, t) => a + t.amount, 0);
  if (total !== amount)
    throw invalid('tranches', 'sum-to-grant', `the tranches add up to ${pounds(total)} but the grant is ${pounds(amount)}`);
  tranches.forEach((t, i) => {
    if (i > 0 && t.dueDate < (tranches[i - 1] as { dueDate: string }).dueDate) {
      throw invalid(
        `tranches.${i}.dueDate`,
        'in-order',
        `the payment date of tranche ${i + 1} is before tranche ${i}'s: list the tranches in date order`,
      );
    }
  });
}

/**
 * Every date a plan sets falls within the grant's own dates (its planned start to its planned
 * end, both days included): a tranche paid before the grant starts, or a report due before it
 * (whose period would then end before it starts: "1 January 2027 to 20 December 2026"), is a
 * mistake the provider would be shown. Every such date is reported at once, each against its
 * field (the schema's own path), in words a grants officer reads.
 */
export function checkPlanDates(
  grant: { plannedStart: string; plannedEnd: string },
  input: { tranches: { dueDate: string }[]; reporting?: { dueDate?: string | undefined } | undefined },
  periods: { periodStart: string; periodEnd: string }[] = [],
): void {
  const issues: FieldIssue[] = [];
  const within = (field: string, what: string, date: string) => {
    if (date < grant.plannedStart)
      issues.push({
        field,
        rule: 'within-grant-dates',
        message: `${what} (${dayInWords(date)}) must be on or after the day the grant starts, ${dayInWords(grant.plannedStart)}`,
      });
    else if (date > grant.plannedEnd)
      issues.push({
        field,
        rule: 'within-grant-dates',
        message: `${what} (${dayInWords(date)}) must be on or before the day the grant ends, ${dayInWords(grant.plannedEnd)}`,
      });
  };
  input.tranches.forEach((t, i) => {
    within(`tranches.${i}.dueDate`, `the payment date of tranche ${i + 1}`, t.dueDate);
  });
  const due = input.reporting?.dueDate;
  if (due) within('reporting.dueDate', 'the report due date', due);
  // Periods by frequency are derived from the grant's dates; they must still run forwards inside them.
  if (!due)
    periods.forEach((p, i) => {
      if (p.periodStart < grant.plannedStart || p.periodEnd > grant.plannedEnd || p.periodEnd < p.periodStart)
        issues.push({ field: 'reporting', rule: 'within-grant-dates', message: `report period ${i + 1} falls outside the grant's dates` });
    });
  if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

/** What still holds a tranche back: open conditions, an unaccepted report, or its date. */
export function trancheBlockers(t: Tranche, conditions: Condition[], reportStatus: string | undefined, today: string) {
  const open = conditions.filter((c) => c.trancheId === t.id && c.status !== 'met' && c.status !== 'waived');
  return {
    conditions: open.map((c) => c.id),
    report: t.reportId && reportStatus !== 'accepted' ? t.reportId : undefined,
    notYetDue: t.dueDate > today,
  };
}

export function decideCondition(
  c: Condition,
  outcome: 'met' | 'waived' | 'not-met',
  reason: string | undefined,
  by: string,
  at: string,
): Condition {
  if ((outcome === 'waived' || outcome === 'not-met') && !reason?.trim()) {
    throw invalid('reason', 'reason-required', `a reason is needed when a condition is ${outcome === 'waived' ? 'waived' : 'not met'}`);
  }
  if (c.status === 'met' || c.status === 'waived') throw conflict(`condition ${c.id} is already ${c.status}`);
  return { ...c, status: outcome, decision: { outcome, ...(reason ? { reason: reason.trim() } : {}), by, at }, version: c.version + 1 };
}

/** Grant lifecycle: awarded → active → closing → closed; suspended and terminated from the middle. */
export const grantStatuses = ['awarded', 'active', 'closing', 'closed', 'suspended', 'terminated'] as const;
export type GrantStatus = (typeof grantStatuses)[number];
const allowed: Record<GrantStatus, GrantStatus[]> = {
  awarded: ['active', 'suspended', 'terminated'],
  active: ['closing', 'suspended', 'terminated'],
  closing: ['closed', 'active', 'suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  closed: [],
  terminated: [],
};

/** Where a grant may go from its status (none from closed or terminated: they are final). */
export const nextStatuses = (from: GrantStatus): GrantStatus[] => allowed[from];

export function checkTransition(from: GrantStatus, to: GrantStatus): void {
  if (!allowed[from].includes(to)) {
    throw conflict(
      `a grant cannot go from ${from} to ${to} (from ${from} it can go to ${allowed[from].join(', ') || 'nothing: it is final'})`,
      { rule: 'grant-lifecycle' },
    );
  }
}

/**
 * Spreads an amount change over the unpaid tranches: a raise goes on the last one, a cut comes
 * off the last ones first (a tranche cut to nothing is cancelled). Returns the changed tranches.
 */
export function adjustTranches(tranches: Tranche[], delta: number): { seq: number; amount: number; status: 'scheduled' | 'cancelled' }[] {
  const open = tranches.filter((t) => t.status === 'scheduled').sort((a, b) => a.seq - b.seq);
  const last = open.at(-1);
  if (!last)
    throw conflict('every tranche has been paid; a change of amount needs an unpaid tranche to carry it', { rule: 'unpaid-tranche' });
  if (delta > 0) return [{ seq: last.seq, amount: last.amount + delta, status: 'scheduled' }];
  let cut = -delta;
  const changed: { seq: number; amount: number; status: 'scheduled' | 'cancelled' }[] = [];
  for (const t of [...open].reverse()) {
    if (cut === 0) break;
    const take = Math.min(cut, t.amount);
    cut -= take;
    changed.push({ seq: t.seq, amount: t.amount - take, status: t.amount - take === 0 ? 'cancelled' : 'scheduled' });
  }
  if (cut > 0)
    throw conflict(`the unpaid tranches hold ${pounds(-delta - cut)}; the grant cannot be cut by more than that`, {
      rule: 'not-below-paid',
    });
  return changed;
}
