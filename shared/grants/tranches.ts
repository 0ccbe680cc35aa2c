import { notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { londonDate, londonTime } from '../platform/london-time';
import { park, resume } from '../platform/waiting';
import { loadGrant } from '../pools/awards';
import { moveMoney } from '../pools/payments';
import { makeEvent, subject } from './events';
import { type GrantStatus, trancheBlockers } from './grant-plan';
import { type GrantsDeps, TrancheReleasedError } from './store';

/** The grant workflow's steps (grants-tranches.asl.json). */
const GRANT_WORKFLOW = 'grant';
const TRANCHE_WAIT = 'tranche-ready';

type Plans = Pick<GrantsDeps, 'pools' | 'grants' | 'clock'>;

/** A Standard execution may run a year; the grant workflow hands over to a fresh one well before. */
export const RENEW_AFTER_DAYS = 330;

/**
 * The next tranche to release, in order, and whether it can go now. When it cannot, how long to
 * wait: until its date, or a while before checking again (a decision or an accepted report
 * wakes the workflow sooner).
 */
export async function nextTranche(deps: Plans, input: { grantId: string; startedAt?: string | undefined }) {
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

/**
 * The grant workflow's step before each wait: pays every tranche that can go now, in order (a
 * retried step finds a paid tranche released and pays nothing twice), then says what comes next:
 * all paid, hand over, or wait. One step instead of a check and a payment per tranche keeps the
 * workflow to three state transitions per wake-up.
 */
export async function advanceTranches(deps: Plans, input: { grantId: string; startedAt?: string | undefined }) {
  const paid: number[] = [];
  for (;;) {
    const next = await nextTranche(deps, input);
    if (next.done || !next.ready) return { ...next, paid };
    // Each pass pays the earliest scheduled tranche, so the loop ends with the plan.
    const released = await releaseTranche(deps, { grantId: input.grantId, trancheSeq: next.trancheSeq });
    paid.push(released.trancheSeq);
  }
}

export async function awaitTranche(
  deps: Plans & Pick<GrantsDeps, 'platform' | 'workflows'>,
  input: { grantId: string; taskToken: string; executionName: string },
) {
  await park(deps, subject.grant(input.grantId), TRANCHE_WAIT, input, 30);
  // A decision that landed between the check and now found no token to wake: look again.
  if ((await nextTranche(deps, input)).ready) await nudgeGrant(deps, input.grantId);
  return { waiting: true };
}

/** Wakes the grant workflow if it is waiting on a tranche; harmless if it is not. */
export async function nudgeGrant(deps: Pick<GrantsDeps, 'platform' | 'workflows'>, grantId: string) {
  return resume(deps, subject.grant(grantId), TRANCHE_WAIT, { nudged: true });
}

/** Pays one tranche; a retried step finds it released and pays nothing twice. */
export async function releaseTranche(deps: Plans, input: { grantId: string; trancheSeq: number }) {
  const plan = await deps.grants.getPlan(input.grantId);
  const tranche = plan.tranches.find((t) => t.seq === input.trancheSeq);
  if (!tranche) throw notFound('tranche', String(input.trancheSeq));
  if (tranche.status === 'released') return { released: false, alreadyReleased: true, trancheSeq: tranche.seq };
  try {
    await moveMoney(
      deps,
      {
        grantId: input.grantId,
        kind: 'payment',
        amount: tranche.amount,
        memo: `tranche ${tranche.seq} of grant ${input.grantId}`,
        actor: 'workflow',
        eventData: { tranche: tranche.seq },
      },
      (write) => deps.grants.releaseTranche(write, { grantId: input.grantId, seq: tranche.seq }),
    );
  } catch (error) {
    if (error instanceof TrancheReleasedError) return { released: false, alreadyReleased: true, trancheSeq: tranche.seq };
    // A simultaneous release of the same tranche may win while this one re-plans against the
    // paid grant (and finds nothing left to pay): that is the same outcome, not a failure.
    const now = (await deps.grants.getPlan(input.grantId)).tranches.find((t) => t.seq === tranche.seq);
    if (now?.status === 'released') return { released: false, alreadyReleased: true, trancheSeq: tranche.seq };
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
          subject.grant(input.grantId),
          'workflow',
          { grantId: input.grantId, from: 'awarded', to: 'active' },
          now,
        ),
      )
      .catch(() => undefined);
  }
  return { released: true, trancheSeq: tranche.seq, amount: tranche.amount };
}

export async function startGrantWorkflow(deps: Pick<GrantsDeps, 'workflows' | 'clock'>, grantId: string) {
  return deps.workflows.start(GRANT_WORKFLOW, `grant-${grantId}`, { grantId, generation: 1, startedAt: deps.clock.now().toISOString() });
}

/** Continue-as-new: the next generation picks up where this one stopped (the state is all in the table). */
export async function continueGrant(deps: Pick<GrantsDeps, 'workflows' | 'clock'>, input: { grantId: string; generation: number }) {
  const generation = input.generation + 1;
  const started = await deps.workflows.start(GRANT_WORKFLOW, `grant-${input.grantId}-g${generation}`, {
    grantId: input.grantId,
    generation,
    startedAt: deps.clock.now().toISOString(),
  });
  return { generation, ...started };
}
