import { timeInWords } from '../platform/format';
import type { Email } from '../platform/ports';
import type { Consortium } from './consortium';
import type { Organisation } from './organisation';

/** Plain, short emails that say who sent them and why; no links carry workflow tokens. */
const footer = (c: Consortium) =>
  `\n\n--\nSent by grantloop on behalf of the ${c.name} consortium (${c.place}).\nYou are receiving this because your organisation is listed as a member.`;

const roleText = { lead: 'the lead funder', member: 'a member', observer: 'an observer' } as const;

export function invitationEmail(c: Consortium, org: Organisation, lead: Organisation, pageUrl: string): Email {
  const role = c.members.find((m) => m.orgId === org.id)?.role ?? 'member';
  return {
    to: [org.contactEmail],
    subject: `${c.name}: ${org.name} has been added as ${roleText[role]}`,
    text:
      `Hello,\n\n${lead.name} is setting up the ${c.name} consortium for ${c.place} and has listed ${org.name} as ${roleText[role]}.\n` +
      `The consortium lets its funders pool money, run joint funding rounds and see exactly who paid for what.\n\n` +
      (role === 'lead'
        ? `As the lead, please confirm the consortium in grantloop. Until you do, nothing is funded:\n\n${pageUrl}`
        : `There is nothing for you to do now. You will hear from us when ${lead.name} confirms the consortium.`) +
      footer(c),
  };
}

export function leadReminderEmail(c: Consortium, lead: Organisation, deadline: string, pageUrl: string): Email {
  return {
    to: [lead.contactEmail],
    subject: `Reminder: please confirm the ${c.name} consortium`,
    text:
      `Hello,\n\nThe ${c.name} consortium is waiting for ${lead.name}, as lead, to confirm it in grantloop:\n\n${pageUrl}\n\n` +
      `If it is not confirmed by ${timeInWords(deadline)}, the invitation lapses and it will need to be set up again.` +
      footer(c),
  };
}

export function activatedEmail(c: Consortium, org: Organisation, lead: Organisation): Email {
  return {
    to: [org.contactEmail],
    subject: `${c.name} is now active`,
    text: `Hello,\n\n${lead.name} has confirmed the ${c.name} consortium. It is now active, with ${c.members.length} member organisations.${footer(c)}`,
  };
}

export function lapsedEmail(c: Consortium, org: Organisation): Email {
  return {
    to: [org.contactEmail],
    subject: `${c.name} was not confirmed and has lapsed`,
    text: `Hello,\n\nThe ${c.name} consortium was not confirmed by its lead in time, so the invitation has lapsed. Nothing was funded.${footer(c)}`,
  };
}
