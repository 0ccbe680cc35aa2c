import { invalid } from '../platform/errors';
import { plural } from '../platform/format';
import type { Report } from '../reporting/report';
import type { Grant } from './grant';
import type { Condition, ConditionKind, Tranche } from './grant-plan';
import type { ReportPeriod } from './report-schedule';

/** The lead's input for one tranche (`reportIndex`: the report it waits for) and one condition (`trancheIndex`: the tranche it holds back). */
export type TrancheInput = { amount: number; dueDate: string; reportIndex?: number | undefined };
export type ConditionInput = { description: string; kind: ConditionKind; trancheIndex?: number | undefined };

/** What a plan writes, built from the lead's input: pure, so each rule is checked before anything is stored. */
export function planReports(grant: Grant, periods: ReportPeriod[], newId: () => string): Report[] {
  return periods.map((p) => ({
    id: newId(),
    grantId: grant.id,
    poolId: grant.poolId,
    consortiumId: grant.consortiumId,
    recipientOrgId: grant.recipientOrgId,
    grantTitle: grant.title,
    index: p.index,
    label: p.label,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    dueDate: p.dueDate,
    templateId: p.templateId,
    status: 'scheduled',
    submissions: 0,
    reviews: 0,
    remindersSent: 0,
    version: 1,
  }));
}

/** Tranches in order; one tied to a report period waits for that report to be accepted. */
export function planTranches(grantId: string, input: TrancheInput[], reports: Report[]): Tranche[] {
  return input.map((t, i) => {
    if (t.reportIndex !== undefined && !reports[t.reportIndex]) {
      throw invalid(
        `tranches.${i}.reportIndex`,
        'report-exists',
        `tranche ${i + 1} waits for report ${t.reportIndex + 1}, but the plan has ${plural(reports.length, 'report')}`,
      );
    }
    return {
      id: `T${i + 1}`,
      grantId,
      seq: i + 1,
      amount: t.amount,
      dueDate: t.dueDate,
      ...(t.reportIndex !== undefined ? { reportId: (reports[t.reportIndex] as Report).id } : {}),
      status: 'scheduled',
    };
  });
}

/** `before-first-payment` guards tranche 1, `before-tranche` a named tranche, `ongoing` none. */
export function planConditions(grantId: string, input: ConditionInput[], tranches: Tranche[]): Condition[] {
  return input.map((c, i) => {
    const tranche =
      c.kind === 'before-first-payment' ? tranches[0] : c.kind === 'before-tranche' ? tranches[c.trancheIndex ?? -1] : undefined;
    if (c.kind === 'before-tranche' && !tranche)
      throw invalid(
        `conditions.${i}.trancheIndex`,
        'tranche-exists',
        `condition ${i + 1} holds back a particular tranche: give the number of one of the plan's ${tranches.length} tranches`,
      );
    return {
      id: `C${i + 1}`,
      grantId,
      description: c.description.trim(),
      kind: c.kind,
      ...(tranche ? { trancheId: tranche.id } : {}),
      status: 'pending',
      version: 1,
    };
  });
}
