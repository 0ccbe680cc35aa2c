import { issueLink } from '../platform/links/registry';
import { sendOnce } from '../platform/send-once';
import { conditionLink, conditionScope } from './condition-link';
import { grantContext } from './context';
import { evidenceLinkReplacedEmail } from './mail';
import type { GrantsDeps } from './store';

/**
 * condition.link-replaced → the provider gets the new link, once per generation however often
 * the event is delivered. A generation already replaced again sends nothing: the later event
 * sends the link that works.
 */
export async function sendReplacedConditionLink(
  deps: Pick<GrantsDeps, 'platform' | 'consortia' | 'pools' | 'grants' | 'mailer' | 'clock'>,
  input: { grantId: string; conditionId: string; linkGeneration: number; validUntil: string },
) {
  const { conditions } = await deps.grants.getPlan(input.grantId);
  const condition = conditions.find((c) => c.id === input.conditionId);
  if (!condition || (condition.linkGeneration ?? 0) !== input.linkGeneration) return { sent: false };
  if (condition.status !== 'pending' && condition.status !== 'not-met') return { sent: false };
  const email = async () => {
    const url = await issueLink(deps, conditionLink, conditionScope(condition), input.validUntil);
    return evidenceLinkReplacedEmail(await grantContext(deps, input.grantId), condition.description, url, input.validUntil);
  };
  const scope = `condition-link#${input.grantId}#${condition.id}#${input.linkGeneration}`;
  return { sent: await sendOnce(deps, scope, email) };
}
