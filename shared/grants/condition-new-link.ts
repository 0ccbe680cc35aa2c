import { actingOrg, loadConsortium } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { conflict, notFound } from '../platform/errors';
import { loadGrant } from '../pools/awards';
import { CONDITION_LINK_DAYS } from './condition-outcome';
import { grantContext } from './context';
import { makeEvent, subject } from './events';
import type { Condition } from './grant-plan';
import type { GrantsDeps } from './store';

type D = Pick<GrantsDeps, 'platform' | 'consortia' | 'pools' | 'grants' | 'clock'>;

/** What staff are told once a new link is on its way: to whom, and until when it works. */
interface NewLinkSent {
  conditionId: string;
  sentTo: { name: string; email: string };
  validUntil: string;
}

/**
 * Staff send a new evidence link for a condition still waiting for evidence (pending, or not
 * met), when the provider's link expired or was lost. Links are stored by hash only, so the old
 * ones cannot be found to revoke one by one: the condition's link generation goes up, and the
 * evidence page answers "replaced" (410) to a link of an earlier generation. A generation, not
 * a time, so that links issued in the same millisecond (a virtual clock) are told apart.
 * The link is issued and emailed by the function following `condition.link-replaced`
 * (condition-link-sent.ts), so the pages that call this carry no mail client.
 */
export async function sendNewConditionLink(deps: D, caller: Caller, grantId: string, conditionId: string): Promise<NewLinkSent> {
  const { grant } = await loadGrant(deps, grantId);
  // The lead's officers, as for deciding the condition.
  actingOrg(caller, await loadConsortium(deps, grant.consortiumId), ['lead'], 'officer', { what: 'grant', id: grantId });
  const { conditions } = await deps.grants.getPlan(grantId);
  const condition = conditions.find((c) => c.id === conditionId);
  if (!condition) throw notFound('condition', conditionId);
  refuseWhenNothingToSend(condition);
  const now = deps.clock.now();
  const linkGeneration = (condition.linkGeneration ?? 0) + 1;
  const validUntil = new Date(now.getTime() + CONDITION_LINK_DAYS * 86400_000).toISOString();
  const replaced = { ...condition, linkGeneration, linksReplacedAt: now.toISOString(), version: condition.version + 1 };
  const data = { grantId, conditionId, linkGeneration, validUntil };
  await deps.grants.saveCondition(
    replaced,
    condition.version,
    makeEvent('condition.link-replaced', subject.grant(grantId), caller.user.id, data, now),
  );
  const ctx = await grantContext(deps, grantId);
  return { conditionId, sentTo: { name: ctx.recipient.name, email: ctx.recipient.contactEmail }, validUntil };
}

function refuseWhenNothingToSend(c: Condition) {
  if (c.kind === 'ongoing') throw conflict('an ongoing condition has no evidence link to send', { rule: 'no-evidence-link' });
  if (c.status === 'evidence-submitted')
    throw conflict('the evidence for this condition has already been sent: decide it instead of sending a new link', {
      rule: 'evidence-already-sent',
    });
  if (c.status === 'met' || c.status === 'waived')
    throw conflict(`this condition is already ${c.status}: there is nothing to send a link for`, { rule: 'condition-decided' });
}
