import { issueLink } from '../platform/links/registry';
import { sendOnce } from '../platform/send-once';
import { conditionLink, conditionScope } from './condition-link';
import { grantContext } from './context';
import { conditionDecidedEmail } from './outcome-mail';
import type { GrantsDeps } from './store';

/** How long an emailed evidence link for a condition works. */
export const CONDITION_LINK_DAYS = 180;

/**
 * A condition was decided (condition.decided): the provider hears the outcome, once per
 * decision however often the event is delivered. The decision is known by its time (the
 * event's `occurredAt`) and outcome; a condition decided again since (not met, then met on new
 * evidence) sends its own email for that later decision, so this one sends nothing.
 */
export async function notifyConditionDecided(
  deps: Pick<GrantsDeps, 'platform' | 'consortia' | 'pools' | 'grants' | 'mailer' | 'clock'>,
  input: { grantId: string; conditionId: string; outcome: string; decidedAt: string },
) {
  const { conditions, tranches } = await deps.grants.getPlan(input.grantId);
  const condition = conditions.find((c) => c.id === input.conditionId);
  const decision = condition?.decision;
  if (!condition || !decision || decision.at !== input.decidedAt || decision.outcome !== input.outcome) return { sent: false };
  const ctx = await grantContext(deps, input.grantId);
  const tranche = tranches.find((t) => t.id === condition.trancheId);
  const decided = { description: condition.description, decision };
  const email = async () => {
    if (decision.outcome !== 'not-met') return conditionDecidedEmail(ctx, decided, tranche);
    // The link that brought the evidence was spent by it (or, decided without evidence, may have
    // expired): the evidence page takes evidence again after "not met", through a new link.
    const validUntil = new Date(deps.clock.now().getTime() + CONDITION_LINK_DAYS * 86400_000).toISOString();
    return conditionDecidedEmail(ctx, decided, tranche, {
      url: await issueLink(deps, conditionLink, conditionScope(condition), validUntil),
      validUntil,
    });
  };
  return { sent: await sendOnce(deps, `condition-decided#${input.grantId}#${condition.id}#${decision.at}#${decision.outcome}`, email) };
}
