import { actingOrg, loadConsortium } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { notFound } from '../platform/errors';
import { issueLink } from '../platform/links/registry';
import { staffPageUrl, staffPaths } from '../platform/pages';
import { sendOnce } from '../platform/send-once';
import { loadGrant } from '../pools/awards';
import { conditionLink } from './condition-link';
import { CONDITION_LINK_DAYS } from './condition-outcome';
import { grantContext } from './context';
import { makeEvent, subject } from './events';
import { decideCondition } from './grant-plan';
import { evidenceReceivedEmail, evidenceRequestEmail } from './mail';
import type { GrantRecords } from './plan';
import type { GrantsDeps } from './store';
import { nudgeGrant } from './tranches';

/** The funder decides on a condition; a met or waived one may free a tranche at once. */
export async function decide(
  deps: GrantRecords & Pick<GrantsDeps, 'platform' | 'workflows'>,
  caller: Caller,
  grantId: string,
  conditionId: string,
  input: { outcome: 'met' | 'waived' | 'not-met'; reason?: string | undefined },
) {
  const { grant } = await loadGrant(deps, grantId);
  actingOrg(caller, await loadConsortium(deps, grant.consortiumId), ['lead'], 'officer', { what: 'grant', id: grantId });
  const plan = await deps.grants.getPlan(grantId);
  const condition = plan.conditions.find((c) => c.id === conditionId);
  if (!condition) throw notFound('condition', conditionId);
  const now = deps.clock.now();
  const next = decideCondition(condition, input.outcome, input.reason, caller.user.id, now.toISOString());
  await deps.grants.saveCondition(
    next,
    condition.version,
    makeEvent('condition.decided', subject.grant(grantId), caller.user.id, { grantId, conditionId, outcome: input.outcome }, now),
  );
  if (input.outcome !== 'not-met') await nudgeGrant(deps, grantId);
  return next;
}

/** Evidence arrived through a link (condition.evidence-submitted): the lead is told where to decide, once per submission. */
export async function notifyEvidenceReceived(
  deps: Pick<GrantsDeps, 'platform' | 'consortia' | 'pools' | 'grants' | 'mailer' | 'clock'>,
  input: { grantId: string; conditionId: string },
) {
  const { conditions } = await deps.grants.getPlan(input.grantId);
  const condition = conditions.find((c) => c.id === input.conditionId);
  if (!condition?.evidence) return { sent: false };
  const ctx = await grantContext(deps, input.grantId);
  const email = evidenceReceivedEmail(ctx, condition.description, staffPageUrl(staffPaths.grant(input.grantId)));
  return { sent: await sendOnce(deps, `evidence-received#${input.grantId}#${condition.id}#${condition.evidence.submittedAt}`, email) };
}

/** Condition evidence is asked for by link as soon as the plan is set (grant.plan-set). */
export async function requestConditionEvidence(
  deps: Pick<GrantsDeps, 'platform' | 'consortia' | 'pools' | 'grants' | 'mailer' | 'clock'>,
  input: { grantId: string },
) {
  const ctx = await grantContext(deps, input.grantId);
  const { conditions } = await deps.grants.getPlan(input.grantId);
  let sent = 0;
  for (const c of conditions.filter((x) => x.status === 'pending' && x.kind !== 'ongoing')) {
    const validUntil = new Date(deps.clock.now().getTime() + CONDITION_LINK_DAYS * 86400_000).toISOString();
    const email = async () =>
      evidenceRequestEmail(
        ctx,
        c.description,
        await issueLink(deps, conditionLink, { kind: 'condition', conditionId: c.id, grantId: input.grantId }, validUntil),
        validUntil,
      );
    if (await sendOnce(deps, `evidence#${input.grantId}#${c.id}`, email)) sent++;
  }
  return { emailsSent: sent };
}
