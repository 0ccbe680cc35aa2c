import { pounds } from '../platform/format';
import type { ReportTemplateId } from './report';

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

interface Measure {
  id: string;
  label: string;
  type: 'number' | 'currency' | 'percentage';
  unit?: string;
  tags: ReportTag[];
}
interface Question {
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

/** Asked in every template, so light and quarterly reports can be added up together. */
const coreMeasures: Measure[] = [
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
];

/** Two built-in templates: light for small grants, fuller for larger ones. */
export const reportTemplates: Record<ReportTemplateId, ReportTemplate> = {
  light: {
    id: 'light',
    name: 'Light annual report',
    measures: coreMeasures,
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
      ...coreMeasures,
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

/**
 * A submission's answers as the form shows them, so a provider asked for changes starts from
 * what they sent rather than an empty form: money back in pounds with separators ("8,400.25",
 * which checkAnswers reads again as the same pence), other figures as plain numbers. Only the
 * template's own figures and questions are kept.
 */
export function answersAsTyped(template: ReportTemplate, sent: { measures: Record<string, number>; questions: Record<string, string> }) {
  const measures: Record<string, string> = {};
  for (const m of template.measures) {
    const v = sent.measures[m.id];
    if (v !== undefined) measures[m.id] = m.type === 'currency' ? pounds(v).replace('£', '') : String(v);
  }
  const questions: Record<string, string> = {};
  for (const q of template.questions) {
    const text = sent.questions[q.id];
    if (text !== undefined) questions[q.id] = text;
  }
  return { measures, questions };
}
