import { invalid, notFound } from '../domain/errors';
import {
  adjustTranches,
  type Condition,
  type ConditionKind,
  checkTranches,
  checkTransition,
  decideCondition,
  type GrantStatus,
  type Tranche,
  trancheBlockers,
} from '../domain/grant-plan';
import { newId } from '../domain/ids';
import { allocation, release } from '../domain/ledger';
import { londonDate, londonTime } from '../domain/london-time';
import { checkCurrency, checkPence } from '../domain/money';
import type { Report } from '../domain/report';
import { defaultReportingPolicy, type Frequency, type ReportingPolicy, reportPeriods } from '../domain/reporting';
import { parseBucketKey } from '../domain/restriction';
import { TrancheReleasedError } from '../ports/pools';
import { keys } from '../store/keys';
import type { Caller } from './caller';
import { actingOrg, loadConsortium, requireReader } from './consortium-access';
import type { Deps } from './deps';
import { makeEvent } from './events';
import { balancesOf, grantBalances, moveMoney, withFreshPool } from './pools';
import { park, resume } from './waiting';

export type GrantDeps = Pick<Deps, 'store' | 'pools' | 'grants' | 'clock' | 'workflows' | 'mailer'>;

const subject = (grantId: string) => keys.grant(grantId).pk;
const TRANCHE_WAIT = 'tranche-ready';

export async function loadGrant(deps: Pick<Deps, 'pools'>, grantId: string) {
  const found = await deps.pools.getGrant(grantId);
  if (!found) throw notFound('grant', grantId);
  return found;
}

export const policyOf = (c: { reportingPolicy?: ReportingPolicy }): ReportingPolicy => c.reportingPolicy ?? defaultReportingPolicy;

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
export async function setPlan(deps: GrantDeps, caller: Caller, grantId: string, input: PlanInput) {
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
      subject(grantId),
      caller.user.id,
      { grantId, reports: reports.length, tranches: tranches.length, conditions: conditions.length },
      now,
    ),
  );
  return grantDetail(deps, caller, grantId);
}

export async function grantDetail(deps: GrantDeps, caller: Caller, grantId: string) {
  const { grant, shares } = await loadGrant(deps, grantId);
  const consortium = await loadConsortium(deps, grant.consortiumId);
  requireReader(caller, consortium, 'grant', grantId);
  const [plan, reports, orgs] = await Promise.all([
    deps.grants.getPlan(grantId),
    deps.grants.listGrantReports(grantId),
    deps.store.getOrganisations([grant.recipientOrgId, ...shares.map((s) => s.funderOrgId)]),
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

/** The funder decides on a condition; a met or waived one may free a tranche at once. */
export async function decide(
  deps: GrantDeps,
  caller: Caller,
  grantId: string,
  conditionId: string,
  input: { outcome: 'met' | 'waived' | 'not-met'; reason?: string | undefined },
) {
  const { grant } = await loadGrant(deps, grantId);
  actingOrg(caller, await loadConsortium(deps, grant.consortiumId), ['lead'], 'officer');
  const plan = await deps.grants.getPlan(grantId);
  const condition = plan.conditions.find((c) => c.id === conditionId);
  if (!condition) throw notFound('condition', conditionId);
  const now = deps.clock.now();
  const next = decideCondition(condition, input.outcome, input.reason, caller.user.id, now.toISOString());
  await deps.grants.saveCondition(
    next,
    condition.version,
    makeEvent('condition.decided', subject(grantId), caller.user.id, { grantId, conditionId, outcome: input.outcome }, now),
  );
  if (input.outcome !== 'not-met') await nudgeGrant(deps, grantId);
  return next;
}

/** Amendments are kept as history with who and why. */
export async function amend(
  deps: GrantDeps,
  caller: Caller,
  grantId: string,
  input:
    | { kind: 'dates'; plannedStart: string; plannedEnd: string; reason: string }
    | { kind: 'conditions'; add: { description: string; kind: 'ongoing' }; reason: string }
    | { kind: 'amount'; amount: number; currency: string; reason: string },
) {
  const { grant } = await loadGrant(deps, grantId);
  actingOrg(caller, await loadConsortium(deps, grant.consortiumId), ['lead'], 'admin');
  const now = deps.clock.now();
  const at = now.toISOString();
  if (input.kind === 'amount') {
    checkCurrency('currency', input.currency, grant.currency);
    return amendAmount(deps, grantId, input.amount, input.reason, caller.user.id);
  }
  if (input.kind === 'dates') {
    if (input.plannedEnd < input.plannedStart) throw invalid('plannedEnd', 'after-start', 'the end date must not be before the start date');
    const amendment = {
      id: newId(now),
      kind: 'dates' as const,
      changes: { plannedStart: [grant.plannedStart, input.plannedStart], plannedEnd: [grant.plannedEnd, input.plannedEnd] },
      reason: input.reason,
      by: caller.user.id,
      at,
    };
    await deps.grants.amendDates(
      grantId,
      input,
      amendment,
      makeEvent('grant.amended', subject(grantId), caller.user.id, { grantId, kind: 'dates' }, now),
    );
    return amendment;
  }
  const plan = await deps.grants.getPlan(grantId);
  const condition: Condition = {
    id: `C${plan.conditions.length + 1}`,
    grantId,
    description: input.add.description,
    kind: 'ongoing',
    status: 'pending',
    version: 1,
  };
  const amendment = {
    id: newId(now),
    kind: 'conditions' as const,
    changes: { added: condition.id, description: condition.description },
    reason: input.reason,
    by: caller.user.id,
    at,
  };
  await deps.grants.addCondition(
    condition,
    amendment,
    makeEvent('grant.amended', subject(grantId), caller.user.id, { grantId, kind: 'conditions' }, now),
  );
  return amendment;
}

export async function changeStatus(deps: GrantDeps, caller: Caller, grantId: string, input: { status: GrantStatus; reason: string }) {
  const { grant } = await loadGrant(deps, grantId);
  actingOrg(caller, await loadConsortium(deps, grant.consortiumId), ['lead'], 'admin');
  const from = (grant as { status: GrantStatus }).status;
  checkTransition(from, input.status);
  const now = deps.clock.now();
  const amendment = {
    id: newId(now),
    kind: 'status' as const,
    changes: { status: [from, input.status] },
    reason: input.reason,
    by: caller.user.id,
    at: now.toISOString(),
  };
  await deps.grants.saveGrantStatus(
    grantId,
    from,
    input.status,
    amendment,
    makeEvent('grant.status-changed', subject(grantId), caller.user.id, { grantId, from, to: input.status }, now),
  );
  return { grantId, status: input.status };
}

// ---- grant workflow steps (grant.asl.json) ----

/**
 * The next tranche to release, in order, and whether it can go now. When it cannot, how long to
 * wait: until its date, or a while before checking again (a decision or an accepted report
 * wakes the workflow sooner).
 */
/** A Standard execution may run a year; the grant workflow hands over to a fresh one well before. */
export const RENEW_AFTER_DAYS = 330;

export async function nextTranche(deps: GrantDeps, input: { grantId: string; startedAt?: string | undefined }) {
  const { grant } = await loadGrant(deps, input.grantId);
  const [plan, reports] = await Promise.all([deps.grants.getPlan(input.grantId), deps.grants.listGrantReports(input.grantId)]);
  const status = (grant as { status?: GrantStatus }).status ?? 'awarded';
  const tranche = [...plan.tranches].sort((a, b) => a.seq - b.seq).find((t) => t.status === 'scheduled');
  if (!tranche) return { done: true, renew: false, ready: false, trancheSeq: 0, waitSeconds: 1 };
  const now = deps.clock.now();
  const renewAt = input.startedAt ? new Date(input.startedAt).getTime() + RENEW_AFTER_DAYS * 86400_000 : Number.POSITIVE_INFINITY;
  const today = londonDate(now);
  const blockers = trancheBlockers(tranche, plan.conditions, reports.find((r) => r.id === tranche.reportId)?.status, today);
  const held = status === 'suspended' || status === 'terminated';
  const ready = !held && !blockers.notYetDue && blockers.conditions.length === 0 && !blockers.report;
  if (!blockers.notYetDue && blockers.conditions.length > 0)
    await deps.grants.markTrancheBlocked(input.grantId, tranche.seq, now.toISOString());
  const dueAt = londonTime(tranche.dueDate, '09:00').getTime();
  const wanted = blockers.notYetDue ? Math.max(1, Math.ceil((dueAt - now.getTime()) / 1000)) : 30 * 86400;
  // Never wait past the hand-over point; once there, hand over instead of waiting.
  const renew = !ready && now.getTime() >= renewAt;
  const waitSeconds = Math.max(1, Math.min(wanted, Math.ceil((renewAt - now.getTime()) / 1000)));
  return { done: false, renew, ready, trancheSeq: tranche.seq, waitSeconds, blockers: { ...blockers, held } };
}

export async function awaitTranche(deps: GrantDeps, input: { grantId: string; taskToken: string; executionName: string }) {
  await park(deps, subject(input.grantId), TRANCHE_WAIT, input, 30);
  // A decision that landed between the check and now found no token to wake: look again.
  if ((await nextTranche(deps, input)).ready) await nudgeGrant(deps, input.grantId);
  return { waiting: true };
}

/** Wakes the grant workflow if it is waiting on a tranche; harmless if it is not. */
export async function nudgeGrant(deps: Pick<Deps, 'store' | 'workflows'>, grantId: string) {
  return resume(deps, subject(grantId), TRANCHE_WAIT, { nudged: true });
}

/** Pays one tranche; a retried step finds it released and pays nothing twice. */
export async function releaseTranche(deps: GrantDeps, input: { grantId: string; trancheSeq: number }) {
  const plan = await deps.grants.getPlan(input.grantId);
  const tranche = plan.tranches.find((t) => t.seq === input.trancheSeq);
  if (!tranche) throw notFound('tranche', String(input.trancheSeq));
  if (tranche.status === 'released') return { released: false, alreadyReleased: true, trancheSeq: tranche.seq };
  try {
    await moveMoney(deps, {
      grantId: input.grantId,
      kind: 'payment',
      amount: tranche.amount,
      memo: `tranche ${tranche.seq} of grant ${input.grantId}`,
      actor: 'workflow',
      trancheRelease: { seq: tranche.seq },
    });
  } catch (error) {
    if (error instanceof TrancheReleasedError) return { released: false, alreadyReleased: true, trancheSeq: tranche.seq };
    throw error;
  }
  const { grant } = await loadGrant(deps, input.grantId);
  if ((grant as { status?: GrantStatus }).status === 'awarded') {
    const now = deps.clock.now();
    await deps.grants
      .saveGrantStatus(
        input.grantId,
        'awarded',
        'active',
        {
          id: newId(now),
          kind: 'status',
          changes: { status: ['awarded', 'active'] },
          reason: 'first tranche paid',
          by: 'workflow',
          at: now.toISOString(),
        },
        makeEvent(
          'grant.status-changed',
          subject(input.grantId),
          'workflow',
          { grantId: input.grantId, from: 'awarded', to: 'active' },
          now,
        ),
      )
      .catch(() => undefined);
  }
  return { released: true, trancheSeq: tranche.seq, amount: tranche.amount };
}

export async function startGrantWorkflow(deps: Pick<Deps, 'workflows' | 'clock'>, workflowArn: string, grantId: string) {
  return deps.workflows.start(workflowArn, `grant-${grantId}`, { grantId, generation: 1, startedAt: deps.clock.now().toISOString() });
}

/** Continue-as-new: the next generation picks up where this one stopped (the state is all in the table). */
export async function continueGrant(
  deps: Pick<Deps, 'workflows' | 'clock'>,
  workflowArn: string,
  input: { grantId: string; generation: number },
) {
  const generation = input.generation + 1;
  const started = await deps.workflows.start(workflowArn, `grant-${input.grantId}-g${generation}`, {
    grantId: input.grantId,
    generation,
    startedAt: deps.clock.now().toISOString(),
  });
  return { generation, ...started };
}

/**
 * Changes what a grant is worth. A raise is a further allocation from the pool (shares pro rata
 * to what is available now, as for an award); a cut releases unpaid commitment back to the
 * funders it came from. The grant, its shares, its unpaid tranches, the ledger entry and the
 * amendment are written in one transaction; it can never go below what has been paid.
 */
async function amendAmount(deps: GrantDeps, grantId: string, to: number, reason: string, actor: string) {
  checkPence('amount', to);
  const now = deps.clock.now();
  return withFreshPool(deps, (await loadGrant(deps, grantId)).grant.poolId, async (pool, buckets) => {
    const { grant, shares } = await loadGrant(deps, grantId);
    const delta = to - grant.amount;
    if (delta === 0) throw invalid('amount', 'changed', `the grant is already ${to} pence`);
    const tranches = adjustTranches((await deps.grants.getPlan(grantId)).tranches, delta);
    const memo = `amendment of grant ${grantId}: ${grant.amount} → ${to} pence (${reason})`;
    const entry =
      delta > 0
        ? allocation(balancesOf(buckets), grantId, delta, { lotId: grant.lotId, purpose: grant.purpose }, memo).entry
        : release(grantBalances(shares, grantId), grantId, -delta, memo);
    const changes = new Map<string, number>();
    for (const p of entry.postings) {
      if (p.account.startsWith(`grant:${grantId}:`)) changes.set(p.account.slice(`grant:${grantId}:`.length), -p.amount);
    }
    const amendment = {
      id: newId(now),
      kind: 'amount' as const,
      changes: { amount: [grant.amount, to], tranches },
      reason,
      by: actor,
      at: now.toISOString(),
    };
    await deps.pools.writeLedger({
      poolId: pool.id,
      expectedSeq: pool.ledgerSeq,
      entry,
      at: now.toISOString(),
      actor,
      totals: { committed: delta },
      buckets: [...changes].map(([bucket, d]) => ({ bucket, ...parseBucketKey(bucket), delta: { available: -d, committed: d } })),
      grantAmount: {
        grantId,
        from: grant.amount,
        to,
        shares: [...changes].map(([bucket, d]) => ({ bucket, ...parseBucketKey(bucket), delta: d })),
        tranches,
        amendment,
      },
      event: makeEvent('grant.amended', subject(grantId), actor, { grantId, kind: 'amount', from: grant.amount, to }, now),
    });
    return amendment;
  });
}
