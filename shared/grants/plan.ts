import { actingOrg, loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { invalid } from '../platform/errors';
import { newId } from '../platform/ids';
import { loadGrant } from '../pools/awards';
import { makeEvent, subject } from './events';
import { type Condition, type ConditionKind, checkTranches, type Tranche } from './grant-plan';
import { type Frequency, policyOf, type Report, reportPeriods } from './report-schedule';
import type { GrantsDeps } from './store';

/** Reading a grant and its plan. */
export type GrantReads = Pick<GrantsDeps, 'consortia' | 'pools' | 'grants'>;
/** …and recording changes to it. */
export type GrantRecords = GrantReads & Pick<GrantsDeps, 'clock'>;

export interface PlanInput {
  conditions: { description: string; kind: ConditionKind; trancheIndex?: number | undefined }[];
  tranches: { amount: number; dueDate: string; reportIndex?: number | undefined }[];
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
  actingOrg(caller, consortium, ['lead'], 'admin');
  checkTranches(grant.amount, input.tranches);
  const now = deps.clock.now();
  const periods = reportPeriods(grant, policyOf(consortium), input.reporting);
  const reports: Report[] = periods.map((p) => ({
    id: newId(now),
    grantId,
    poolId: grant.poolId,
    consortiumId: grant.consortiumId,
    recipientOrgId: grant.recipientOrgId,
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
  const tranches: Tranche[] = input.tranches.map((t, i) => {
    if (t.reportIndex !== undefined && !reports[t.reportIndex]) {
      throw invalid(
        `tranches[${i}].reportIndex`,
        'report-exists',
        `there are ${reports.length} report periods; index ${t.reportIndex} does not exist`,
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
  const conditions: Condition[] = input.conditions.map((c, i) => {
    const tranche =
      c.kind === 'before-first-payment' ? tranches[0] : c.kind === 'before-tranche' ? tranches[c.trancheIndex ?? -1] : undefined;
    if (c.kind === 'before-tranche' && !tranche)
      throw invalid(`conditions[${i}].trancheIndex`, 'tranche-exists', 'a before-tranche condition needs the index of an existing tranche');
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
