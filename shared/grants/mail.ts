import type { Action, EmailMessage } from '../platform/email/message';
import { composeEmail } from '../platform/email/message';
import type { Email } from '../platform/ports';
import type { GrantContext } from './context';

/** What the footer reads of a grant's context. */
interface Funders {
  consortium: Pick<GrantContext['consortium'], 'name' | 'place'>;
  lead: Pick<GrantContext['lead'], 'name' | 'contactEmail'>;
  grant: Pick<GrantContext['grant'], 'title'>;
}

/**
 * Who every email about a grant is from: the consortium that funds it, with its lead to ask.
 * The provider's emails say so in full; staff emails only name the consortium.
 */
export const fromFunders = (c: Funders): Pick<EmailMessage, 'sender' | 'questions'> => ({
  sender: `the ${c.consortium.name} (${c.consortium.place}), which funds "${c.grant.title}"`,
  questions: { name: c.lead.name, email: c.lead.contactEmail },
});

/** An emailed link to the provider: the lead is whom to ask for a new one. */
export const providerLink = (c: Pick<Funders, 'lead'>, label: string, url: string, until: string, once = true): Action => ({
  label,
  url,
  expires: { at: until, once, ask: { name: c.lead.name, email: c.lead.contactEmail } },
});

export function evidenceRequestEmail(c: GrantContext, description: string, link: string, validUntil: string): Email {
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `Evidence needed before payment: ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [
      `Before payment of your grant "${c.grant.title}", ${c.lead.name} needs evidence of the following:`,
      { quote: description },
      'Send a short note or a web link. No account is needed.',
    ],
    action: providerLink(c, 'Send the evidence', link, validUntil),
    ...fromFunders(c),
  });
}

export function evidenceReceivedEmail(c: GrantContext, description: string, pageUrl: string): Email {
  return composeEmail({
    to: [c.lead.contactEmail],
    subject: `Evidence received: ${c.recipient.name}, ${c.grant.title}`,
    body: [
      `${c.recipient.name} has sent evidence for a condition of "${c.grant.title}":`,
      { quote: description },
      'Decide whether it is met: the payments it guards wait until you do.',
    ],
    action: { label: 'Decide on the evidence', url: pageUrl },
    sender: `the ${c.consortium.name}`,
  });
}

/** Staff sent a new evidence link (the earlier one expired or was lost): the same request, saying what it replaces and until when it works. */
export function evidenceLinkReplacedEmail(c: GrantContext, description: string, link: string, validUntil: string): Email {
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `New link: Evidence needed before payment: ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [
      `${c.lead.name} has sent you a new link for evidence on your grant "${c.grant.title}". It replaces the earlier link, which no longer works.`,
      'The evidence needed:',
      { quote: description },
      'Send a short note or a web link. No account is needed.',
    ],
    action: providerLink(c, 'Send the evidence', link, validUntil),
    ...fromFunders(c),
  });
}
