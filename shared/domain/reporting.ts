import { invalid } from './errors';
import { addDays, addMonths, londonTime } from './london-time';

/** The five functions of local infrastructure, and its three outcome pathways. */
export const infrastructureFunctions = [
  'facilitating-funding',
  'organisational-development',
  'advocacy',
  'volunteering-and-participation',
  'convening',
] as const;
export const outcomePathways = ['better-targeted-resources', 'improved-policy-making', 'community-trust-empowerment-belonging'] as const;
export type ReportTag = (typeof infrastructureFunctions)[number] | (typeof outcomePathways)[number];

export interface Measure {
  id: string;
  label: string;
  type: 'number' | 'currency' | 'percentage';
  unit?: string;
  tags: ReportTag[];
}
export interface Question {
  id: string;
  text: string;
  maxLength: number;
  tags: ReportTag[];
}
export interface ReportTemplate {
  id: string;
  name: string;
  measures: Measure[];
  questions: Question[];
}

/** Two built-in templates: light for small grants, fuller for larger ones. */
export const reportTemplates: Record<'light' | 'full', ReportTemplate> = {
  light: {
    id: 'light',
    name: 'Light annual report',
    measures: [
      {
        id: 'groups-supported',
        label: 'Groups and organisations supported',
        type: 'number',
        unit: 'organisations',
        tags: ['organisational-development'],
      },
      {
        id: 'funding-secured',
        label: 'Funding secured by the groups you supported',
        type: 'currency',
        unit: 'GBP',
        tags: ['facilitating-funding', 'better-targeted-resources'],
      },
    ],
    questions: [
      {
        id: 'difference',
        text: 'What difference did this grant make this year?',
        maxLength: 1500,
        tags: ['community-trust-empowerment-belonging'],
      },
      { id: 'next', text: 'Anything we should know for next year?', maxLength: 800, tags: [] },
    ],
  },
  full: {
    id: 'full',
    name: 'Quarterly report',
    measures: [
      {
        id: 'groups-supported',
        label: 'Groups and organisations supported',
        type: 'number',
        unit: 'organisations',
        tags: ['organisational-development'],
      },
      {
        id: 'funding-secured',
        label: 'Funding secured by the groups you supported',
        type: 'currency',
        unit: 'GBP',
        tags: ['facilitating-funding', 'better-targeted-resources'],
      },
      { id: 'volunteers-placed', label: 'Volunteers placed', type: 'number', unit: 'people', tags: ['volunteering-and-participation'] },
      { id: 'network-meetings', label: 'Network and partnership meetings convened', type: 'number', unit: 'meetings', tags: ['convening'] },
      {
        id: 'groups-satisfied',
        label: 'Groups rating your support good or better',
        type: 'percentage',
        unit: '%',
        tags: ['community-trust-empowerment-belonging'],
      },
    ],
    questions: [
      { id: 'progress', text: 'What progress did you make this quarter?', maxLength: 2000, tags: [] },
      {
        id: 'voice',
        text: 'How did you represent local groups to funders or public bodies?',
        maxLength: 1500,
        tags: ['advocacy', 'improved-policy-making'],
      },
      { id: 'challenges', text: 'What got in the way, and what are you doing about it?', maxLength: 1500, tags: [] },
      {
        id: 'story',
        text: 'One short example of the difference you made.',
        maxLength: 1000,
        tags: ['community-trust-empowerment-belonging'],
      },
    ],
  },
};

export const frequencies = ['quarterly', 'six-monthly', 'annual', 'one-off', 'milestone'] as const;
export type Frequency = (typeof frequencies)[number];

/**
 * How much reporting a grant carries, by its size: small grants report once a year on a light
 * form, larger ones quarterly on a fuller one. Each consortium may set its own.
 */
export interface ReportingPolicy {
  thresholdPence: number;
  small: { frequency: Frequency; template: 'light' | 'full' };
  large: { frequency: Frequency; template: 'light' | 'full' };
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
  templateId: 'light' | 'full';
  label: string;
}

const stepMonths: Partial<Record<Frequency, number>> = { quarterly: 3, 'six-monthly': 6, annual: 12 };

/** The report periods of a grant: by frequency over its dates, or one report on a given date. */
export function reportPeriods(
  grant: { amount: number; plannedStart: string; plannedEnd: string },
  policy: ReportingPolicy,
  override?: {
    frequency?: Frequency | undefined;
    template?: 'light' | 'full' | undefined;
    dueDate?: string | undefined;
    milestone?: string | undefined;
  },
): ReportPeriod[] {
  const tier = grant.amount < policy.thresholdPence ? policy.small : policy.large;
  const frequency = override?.frequency ?? tier.frequency;
  const templateId = override?.template ?? tier.template;
  if (frequency === 'one-off' || frequency === 'milestone') {
    if (!override?.dueDate) throw invalid('reporting.dueDate', 'required-for-one-off', `a ${frequency} report needs a dueDate`);
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
      label: `${frequency === 'annual' ? 'Annual' : frequency === 'quarterly' ? 'Quarterly' : 'Six-monthly'} report ${i + 1} (${start} to ${end})`,
    });
    start = nextStart;
  }
  return periods;
}

/** A report is due at the end of its due date in England: midnight London time after it. */
export const dueMoment = (dueDate: string): Date => londonTime(addDays(dueDate, 1), '00:00');

/** Reminders at 09:00 London time on each offset day, before the report is very late. */
export function reminderTimes(dueDate: string, policy: ReportingPolicy): { offsetDays: number; at: Date }[] {
  return policy.reminderOffsetsDays.map((offsetDays) => ({ offsetDays, at: londonTime(addDays(dueDate, offsetDays), '09:00') }));
}

export const veryLateMoment = (dueDate: string, policy: ReportingPolicy): Date =>
  londonTime(addDays(dueDate, policy.veryLateAfterDays), '09:00');

/** Checks answers against the template: every measure a non-negative number, every question answered within its length. */
export function checkAnswers(template: ReportTemplate, answers: { measures: Record<string, string>; questions: Record<string, string> }) {
  const issues: { field: string; rule: string; message: string }[] = [];
  const measures: Record<string, number> = {};
  for (const m of template.measures) {
    const raw = (answers.measures[m.id] ?? '').trim().replace(/[£,%\s]/g, '');
    if (raw === '') {
      issues.push({ field: `measures.${m.id}`, rule: 'required', message: `${m.label}: please give a figure (0 if none)` });
      continue;
    }
    const n = Number(raw);
    const ok = Number.isFinite(n) && n >= 0 && (m.type !== 'number' || Number.isInteger(n)) && (m.type !== 'percentage' || n <= 100);
    if (!ok) {
      issues.push({
        field: `measures.${m.id}`,
        rule: `valid-${m.type}`,
        message: `${m.label}: "${answers.measures[m.id]}" is not a valid ${m.type === 'number' ? 'whole number' : m.type}`,
      });
      continue;
    }
    // Currency answers are pounds on the form and whole pence in storage.
    measures[m.id] = m.type === 'currency' ? Math.round(n * 100) : n;
  }
  const questions: Record<string, string> = {};
  for (const q of template.questions) {
    const text = (answers.questions[q.id] ?? '').trim();
    if (!text) issues.push({ field: `questions.${q.id}`, rule: 'required', message: `"${q.text}" needs an answer` });
    else if (text.length > q.maxLength)
      issues.push({
        field: `questions.${q.id}`,
        rule: 'max-length',
        message: `"${q.text}": at most ${q.maxLength} characters (you wrote ${text.length})`,
      });
    else questions[q.id] = text;
  }
  return { issues, measures, questions };
}
