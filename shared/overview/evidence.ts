import { loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { financialYearOf } from '../pools/pledge';
import type { Submission } from '../reporting/records';
import { consortiumReports } from '../reporting/report-table';
import { infrastructureFunctions, outcomePathways, type ReportTag, type ReportTemplate, reportTemplates } from '../reporting/templates';
import type { OverviewDeps } from './what-needs-me';

export const tagLabels: Record<ReportTag, string> = {
  'facilitating-funding': 'Facilitating funding',
  'organisational-development': 'Organisational development',
  advocacy: 'Advocacy',
  'volunteering-and-participation': 'Volunteering and community participation',
  convening: 'Convening',
  'better-targeted-resources': 'Better targeted resources',
  'improved-policy-making': 'Improved policy making',
  'community-trust-empowerment-belonging': 'Increased community trust, empowerment and belonging',
};

export interface EvidenceItem {
  reportId: string;
  grantTitle: string;
  providerName: string;
  financialYear: string;
  template: ReportTemplate;
  submission: Submission;
}

export interface MeasureTotal {
  id: string;
  label: string;
  type: 'number' | 'currency' | 'percentage';
  unit?: string | undefined;
  /** Numbers and money are summed; a percentage is averaged over the reports that gave it. */
  value: number;
  reports: number;
}

const EXCERPT = 280;

/** Sums each tag's measures (with their units), counts its reports and keeps short excerpts of its narrative answers. */
export function aggregateEvidence(items: EvidenceItem[]) {
  const tags = [...infrastructureFunctions, ...outcomePathways].map((tag) => {
    const measures = new Map<string, MeasureTotal>();
    const reports = new Set<string>();
    const excerpts: { reportId: string; grantTitle: string; providerName: string; text: string }[] = [];
    for (const item of items) {
      for (const m of item.template.measures.filter((x) => x.tags.includes(tag))) {
        const v = item.submission.measures[m.id];
        if (v === undefined) continue;
        reports.add(item.reportId);
        const cur = measures.get(m.id) ?? { id: m.id, label: m.label, type: m.type, unit: m.unit, value: 0, reports: 0 };
        const n = cur.reports + 1;
        cur.value = m.type === 'percentage' ? (cur.value * cur.reports + v) / n : cur.value + v;
        cur.reports = n;
        measures.set(m.id, cur);
      }
      for (const q of item.template.questions.filter((x) => x.tags.includes(tag))) {
        const text = item.submission.questions[q.id]?.trim();
        if (!text) continue;
        reports.add(item.reportId);
        excerpts.push({
          reportId: item.reportId,
          grantTitle: item.grantTitle,
          providerName: item.providerName,
          text: text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text,
        });
      }
    }
    const kind: 'function' | 'pathway' = (infrastructureFunctions as readonly string[]).includes(tag) ? 'function' : 'pathway';
    return { tag, kind, label: tagLabels[tag], measures: [...measures.values()], reports: reports.size, excerpts: excerpts.slice(0, 3) };
  });
  return { reports: new Set(items.map((i) => i.reportId)).size, tags };
}

/**
 * Evidence for one consortium (its place) and one financial year: the latest submission of
 * every report that was submitted or accepted, aggregated by function and outcome pathway.
 */
export async function consortiumEvidence(deps: OverviewDeps, caller: Caller, consortiumId: string, year?: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const table = await consortiumReports(deps, caller, consortiumId);
  const answered = table.rows.filter((r) => r.status === 'accepted' || r.status === 'submitted');
  const items: EvidenceItem[] = [];
  for (const r of answered) {
    const found = await deps.reports.getReport(r.id);
    const submission = found?.submissions.at(-1);
    if (!submission) continue;
    const financialYear = financialYearOf(new Date(`${r.periodEnd}T12:00:00Z`));
    items.push({
      reportId: r.id,
      grantTitle: r.grantTitle,
      providerName: r.providerName,
      financialYear,
      template: reportTemplates[r.templateId],
      submission,
    });
  }
  const years = [...new Set(items.map((i) => i.financialYear))].sort();
  const chosen = year && years.includes(year) ? year : years.at(-1);
  const inYear = items.filter((i) => i.financialYear === chosen);
  return {
    consortium: { id: consortium.id, name: consortium.name, place: consortium.place },
    years,
    year: chosen,
    accepted: answered.filter((r) => r.status === 'accepted' && inYear.some((i) => i.reportId === r.id)).length,
    ...aggregateEvidence(inYear),
  };
}
