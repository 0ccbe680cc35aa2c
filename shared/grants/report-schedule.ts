import { invalid } from '../platform/errors';
import { dayInWords } from '../platform/format';
import { addDays, addMonths } from '../platform/london-time';
import type { ReportTemplateId } from '../reporting/report';

/** How often a grant reports: set with its plan, by its size (the reports themselves are the reporting feature's records). */
export const frequencies = ['quarterly', 'six-monthly', 'annual', 'one-off', 'milestone'] as const;
export type Frequency = (typeof frequencies)[number];

/**
 * How much reporting a grant carries, by its size: small grants report once a year on a light
 * form, larger ones quarterly on a fuller one. Each consortium may set its own.
 */
export interface ReportingPolicy {
  thresholdPence: number;
  small: { frequency: Frequency; template: ReportTemplateId };
  large: { frequency: Frequency; template: ReportTemplateId };
  /** Days after a period ends that its report is due. */
  dueDaysAfterPeriodEnd: number;
  /** Reminder offsets in days relative to the due date (negative = before). */
  reminderOffsetsDays: number[];
  /** Days after the due date when a report counts as very late and the funder is told. */
  veryLateAfterDays: number;
}

export const defaultReportingPolicy: ReportingPolicy = {
  thresholdPence: 1_000_000,
  small: { frequency: 'annual', template: 'light' },
  large: { frequency: 'quarterly', template: 'full' },
  dueDaysAfterPeriodEnd: 30,
  reminderOffsetsDays: [-14, -3, 0, 7],
  veryLateAfterDays: 21,
};

export function checkPolicy(p: ReportingPolicy): ReportingPolicy {
  const offsets = [...new Set(p.reminderOffsetsDays)];
  if (offsets.length !== p.reminderOffsetsDays.length)
    throw invalid('reminderOffsetsDays', 'unique', 'each reminder offset may appear once');
  if (p.reminderOffsetsDays.some((d) => d >= p.veryLateAfterDays)) {
    throw invalid(
      'reminderOffsetsDays',
      'before-very-late',
      `reminders must come before the report is very late (day ${p.veryLateAfterDays})`,
    );
  }
  return { ...p, reminderOffsetsDays: [...p.reminderOffsetsDays].sort((a, b) => a - b) };
}

export interface ReportPeriod {
  index: number;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  templateId: ReportTemplateId;
  label: string;
}

const stepMonths: Partial<Record<Frequency, number>> = { quarterly: 3, 'six-monthly': 6, annual: 12 };

/** The report periods of a grant: by frequency over its dates, or one report on a given date. */
export function reportPeriods(
  grant: { amount: number; plannedStart: string; plannedEnd: string },
  policy: ReportingPolicy,
  override?: {
    frequency?: Frequency | undefined;
    template?: ReportTemplateId | undefined;
    dueDate?: string | undefined;
    milestone?: string | undefined;
  },
): ReportPeriod[] {
  const tier = grant.amount < policy.thresholdPence ? policy.small : policy.large;
  const frequency = override?.frequency ?? tier.frequency;
  const templateId = override?.template ?? tier.template;
  if (frequency === 'one-off' || frequency === 'milestone') {
    if (!override?.dueDate) throw invalid('reporting.dueDate', 'required-for-one-off', `a ${frequency} report needs a due date`);
    const label = frequency === 'milestone' ? `Report on ${override.milestone ?? 'milestone'}` : 'Report';
    return [{ index: 0, periodStart: grant.plannedStart, periodEnd: override.dueDate, dueDate: override.dueDate, templateId, label }];
  }
  const step = stepMonths[frequency] as number;
  const periods: ReportPeriod[] = [];
  for (let start = grant.plannedStart, i = 0; start <= grant.plannedEnd; i++) {
    const nextStart = addMonths(grant.plannedStart, step * (i + 1));
    const end = addDays(nextStart, -1) < grant.plannedEnd ? addDays(nextStart, -1) : grant.plannedEnd;
    periods.push({
      index: i,
      periodStart: start,
      periodEnd: end,
      dueDate: addDays(end, policy.dueDaysAfterPeriodEnd),
      templateId,
      label: `${frequency === 'annual' ? 'Annual' : frequency === 'quarterly' ? 'Quarterly' : 'Six-monthly'} report ${i + 1} (${dayInWords(start)} to ${dayInWords(end)})`,
    });
    start = nextStart;
  }
  return periods;
}
