import { actingOrg, loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { newId } from '../platform/ids';
import { loadGrant } from '../pools/awards';
import { policyOf } from './codecs';
import { makeEvent, subject } from './events';
import { checkPlanDates, checkTranches } from './grant-plan';
import { type ConditionInput, planConditions, planReports, planTranches, type TrancheInput } from './plan-items';
import { type Frequency, reportPeriods } from './report-schedule';
import type { GrantsDeps } from './store';

/** Reading a grant and its plan. */
export type GrantReads = Pick<GrantsDeps, 'consortia' | 'pools' | 'grants'>;
/** …and recording changes to it. */
export type GrantRecords = GrantReads & Pick<GrantsDeps, 'clock'>;

export interface PlanInput {
  conditions: ConditionInput[];
  tranches: TrancheInput[];
  reporting?:
    | {
        frequency?: Frequency | undefined;
        template?: 'light' | 'full' | undefined;
        dueDate?: string | undefined;
        milestone?: string | undefined;
      }
    | undefined;
}

/**
 * The lead sets what follows an award: conditions, payment tranches summing to the grant, and
 * the report periods its size calls for. Setting it starts the grant workflow (by event).
 */
export async function setPlan(deps: GrantRecords, caller: Caller, grantId: string, input: PlanInput) {
  const { grant } = await loadGrant(deps, grantId);
  const consortium = await loadConsortium(deps, grant.consortiumId);
  actingOrg(caller, consortium, ['lead'], 'admin', { what: 'grant', id: grantId });
  checkTranches(grant.amount, input.tranches);
  const now = deps.clock.now();
  const periods = reportPeriods(grant, policyOf(consortium), input.reporting);
  checkPlanDates(grant, input, periods);
  const reports = planReports(grant, periods, () => newId(now));
  const tranches = planTranches(grantId, input.tranches, reports);
  const conditions = planConditions(grantId, input.conditions, tranches);
  await deps.grants.setPlan(
    grantId,
    { conditions, tranches, reports },
    makeEvent(
      'grant.plan-set',
      subject.grant(grantId),
      caller.user.id,
      { grantId, reports: reports.length, tranches: tranches.length, conditions: conditions.length },
      now,
    ),
  );
  return grantDetail(deps, caller, grantId);
}

export async function grantDetail(deps: GrantReads, caller: Caller, grantId: string) {
  const { grant, shares } = await loadGrant(deps, grantId);
  const consortium = await loadConsortium(deps, grant.consortiumId);
  requireReader(caller, consortium, 'grant', grantId);
  const [plan, reports, orgs] = await Promise.all([
    deps.grants.getPlan(grantId),
    deps.grants.listGrantReports(grantId),
    deps.consortia.getOrganisations([grant.recipientOrgId, ...shares.map((s) => s.funderOrgId)]),
  ]);
  return {
    ...grant,
    recipient: { id: grant.recipientOrgId, name: orgs.get(grant.recipientOrgId)?.name },
    funders: shares.map((s) => ({ ...s, name: orgs.get(s.funderOrgId)?.name })),
    conditions: plan.conditions,
    tranches: plan.tranches,
    reports,
    amendments: plan.amendments.sort((a, b) => (a.at < b.at ? -1 : 1)),
  };
}
