import { loadConsortium, requireReader } from '../consortia/access';
import { type Caller, requireOrgRole } from '../consortia/caller';
import { makeEvent, subject } from './events';
import { checkPolicy, type ReportingPolicy } from './report-schedule';
import type { GrantsDeps } from './store';

/** The lead sets how much reporting the consortium's grants carry (applies to plans set afterwards). */
export async function setReportingPolicy(
  deps: Pick<GrantsDeps, 'consortia' | 'clock'>,
  caller: Caller,
  consortiumId: string,
  input: ReportingPolicy,
) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  requireOrgRole(caller, consortium.leadOrgId, 'admin');
  const policy = checkPolicy(input);
  const now = deps.clock.now();
  // Kept on the consortium (one version guards both), so written by consortia's store.
  await deps.consortia.saveReportingPolicy(
    consortiumId,
    policy,
    consortium.version,
    makeEvent(
      'consortium.reporting-policy-set',
      subject.consortium(consortiumId),
      caller.user.id,
      { consortiumId, thresholdPence: policy.thresholdPence },
      now,
    ),
  );
  return { consortiumId, reportingPolicy: policy };
}
