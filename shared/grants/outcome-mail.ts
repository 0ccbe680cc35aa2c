import type { Block } from '../platform/email/message';
import { composeEmail } from '../platform/email/message';
import { dayInWords, pounds } from '../platform/format';
import type { Email } from '../platform/ports';
import type { GrantContext } from './context';
import type { Condition, Tranche } from './grant-plan';
import { fromFunders, providerLink } from './mail';

/** Who the email is from and to, and the grant: what it reads of a GrantContext. */
interface OutcomeContext {
  consortium: Pick<GrantContext['consortium'], 'name' | 'place'>;
  lead: Pick<GrantContext['lead'], 'name' | 'contactEmail'>;
  recipient: Pick<GrantContext['recipient'], 'name' | 'contactEmail'>;
  grant: Pick<GrantContext['grant'], 'title'>;
}

/** A decided condition, as its email needs it. */
type DecidedCondition = Pick<Condition, 'description'> & { decision: NonNullable<Condition['decision']> };

/** The tranche a condition guards, as the email reads it. */
type GuardedTranche = Pick<Tranche, 'amount' | 'dueDate' | 'status'>;

/** A fresh evidence link for a condition that was not met: where to send, and until when. */
interface EvidenceLink {
  url: string;
  validUntil: string;
}

const subjects = { met: 'Condition met', waived: 'Condition waived', 'not-met': 'Condition not met' } as const;

function verdict(c: OutcomeContext, condition: DecidedCondition): Block[] {
  const { outcome, at } = condition.decision;
  const grant = `your grant "${c.grant.title}"`;
  const what =
    outcome === 'met'
      ? `that this condition of ${grant} is met`
      : outcome === 'waived'
        ? `to waive this condition of ${grant}, so you no longer need to meet it`
        : `that this condition of ${grant} is not met`;
  return [`On ${dayInWords(at)}, ${c.lead.name}, which leads the ${c.consortium.name}, decided ${what}:`, { quote: condition.description }];
}

/**
 * What the decision does to the money. A met or waived condition stops holding its tranche, but
 * the grant workflow still pays it only on its date and once no other condition, report or
 * suspension holds it (trancheBlockers), so the email promises no more than that.
 */
function payment(outcome: DecidedCondition['decision']['outcome'], tranche: GuardedTranche | undefined): string {
  if (!tranche || tranche.status === 'cancelled') return 'This condition does not hold back any payment.';
  const which = `the payment of ${pounds(tranche.amount)} due on ${dayInWords(tranche.dueDate)}`;
  if (tranche.status === 'released') return `The payment it was attached to (${pounds(tranche.amount)}) has already been made.`;
  if (outcome === 'not-met') return `What happens to the payment: ${which} stays held back until this condition is met or waived.`;
  return (
    `What happens to the payment: this condition no longer holds back ${which}. ` +
    'It will be paid on that date (or straight away if the date has passed) once nothing else holds it back, ' +
    'such as another condition or a report still to be accepted.'
  );
}

/**
 * The provider hears the outcome of one decision on a condition of its grant. After "not met"
 * the evidence page takes evidence again, but the link that brought the first evidence was used
 * up by it: the email carries a new one, and says when it stops working.
 */
export function conditionDecidedEmail(
  c: OutcomeContext,
  condition: DecidedCondition,
  tranche: GuardedTranche | undefined,
  link?: EvidenceLink,
): Email {
  const { outcome, reason } = condition.decision;
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `${subjects[outcome]}: ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [
      ...verdict(c, condition),
      ...(reason ? [`Their reason: ${reason}`] : []),
      payment(outcome, tranche),
      link
        ? 'What you can do: if you can show that the condition is met, send new evidence (a short note or a web link; no account needed).'
        : 'There is nothing you need to do.',
    ],
    action: link ? providerLink(c, 'Send new evidence', link.url, link.validUntil) : undefined,
    ...fromFunders(c),
  });
}
