import { actingOrg, loadConsortium } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { DomainError } from '../platform/errors';
import { loadReport, REVIEW_WAIT, resumeReport } from './cycle';
import { makeEvent, subject } from './events';
import type { ReportingDeps } from './store';

/** The funder accepts the report or asks for changes; this resumes the workflow once. */
export async function review(
  deps: Pick<ReportingDeps, 'reports' | 'consortia' | 'platform' | 'workflows' | 'clock'>,
  caller: Caller,
  reportId: string,
  input: { decision: 'accept' | 'request-changes'; comments?: string | undefined },
) {
  const { report } = await loadReport(deps, reportId);
  actingOrg(caller, await loadConsortium(deps, report.consortiumId), ['lead'], 'officer', { what: 'report', id: reportId });
  if (input.decision === 'request-changes' && !input.comments?.trim()) {
    throw new DomainError('validation', 'comments: say what should change', [
      { field: 'comments', rule: 'required-for-changes', message: 'say what should change' },
    ]);
  }
  const now = deps.clock.now();
  const n = report.reviews + 1;
  await deps.reports.addReview(
    report,
    {
      n,
      decision: input.decision,
      ...(input.comments ? { comments: input.comments.trim() } : {}),
      by: caller.user.id,
      at: now.toISOString(),
    },
    makeEvent('report.reviewed', subject(reportId), caller.user.id, { reportId, decision: input.decision }, now),
  );
  await resumeReport(deps, reportId, REVIEW_WAIT, { decision: input.decision, comments: input.comments ?? '' });
  return { reportId, decision: input.decision, review: n };
}
