import { dayInWords } from '../platform/format';
import type { Email } from '../platform/ports';
import type { GrantContext } from './context';

/** The footer of every email about a grant: who sends it, whom to ask, and not to forward the link. */
export const signOff = (c: GrantContext) =>
  `\n\n--\nSent by grantloop for the ${c.consortium.name} (${c.consortium.place}), which funds "${c.grant.title}".\n` +
  `Questions: ${c.lead.name}, ${c.lead.contactEmail}. The link is personal to this report: please do not forward it.`;

export function evidenceRequestEmail(c: GrantContext, description: string, link: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Evidence needed before payment: ${c.grant.title}`,
    text:
      `Hello ${c.recipient.name},\n\nBefore payment of your grant "${c.grant.title}", ${c.lead.name} needs evidence of the following:\n\n  ${description}\n\n` +
      `Send a short note or a web link here (no account needed):\n\n${link}\n${signOff(c)}`,
  };
}

export function evidenceReceivedEmail(c: GrantContext, description: string, pageUrl: string): Email {
  return {
    to: [c.lead.contactEmail],
    subject: `Evidence received: ${c.recipient.name}, ${c.grant.title}`,
    text:
      `Hello,\n\n${c.recipient.name} has sent evidence for a condition of "${c.grant.title}":\n\n  ${description}\n\n` +
      `Decide whether it is met (payments it guards wait until you do):\n\n${pageUrl}\n\n--\nSent by grantloop for the ${c.consortium.name}.`,
  };
}

/** Staff sent a new evidence link (the earlier one expired or was lost): the same request, saying what it replaces and until when it works. */
export function evidenceLinkReplacedEmail(c: GrantContext, description: string, link: string, validUntil: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `New link: Evidence needed before payment: ${c.grant.title}`,
    text:
      `Hello ${c.recipient.name},\n\n${c.lead.name} has sent you a new link for evidence on your grant "${c.grant.title}". ` +
      `It replaces the earlier link, which no longer works.\n\nThe evidence needed:\n\n  ${description}\n\n` +
      `Send a short note or a web link here (no account needed):\n\n${link}\n\n` +
      `The link works once, until ${dayInWords(validUntil)}. If it has stopped working before you send the evidence, ask ${c.lead.name} (${c.lead.contactEmail}) for a new one.\n${signOff(c)}`,
  };
}
