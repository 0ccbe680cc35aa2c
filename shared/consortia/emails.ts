import { composeEmail, type EmailMessage } from '../platform/email/message';
import { timeInWords } from '../platform/format';
import type { Email } from '../platform/ports';
import type { Consortium } from './consortium';
import type { Organisation } from './organisation';

/** Plain, short emails that say who sent them and why; no links carry workflow tokens. */
const from = (c: Consortium): Pick<EmailMessage, 'sender' | 'why'> => ({
  sender: `the ${c.name} consortium (${c.place})`,
  why: 'You are receiving this because your organisation is listed as a member.',
});

const roleText = { lead: 'the lead funder', member: 'a member', observer: 'an observer' } as const;

export function invitationEmail(c: Consortium, org: Organisation, lead: Organisation, pageUrl: string): Email {
  const role = c.members.find((m) => m.orgId === org.id)?.role ?? 'member';
  const intro = [
    `${lead.name} is setting up the ${c.name} consortium for ${c.place} and has listed ${org.name} as ${roleText[role]}.`,
    'The consortium lets its funders pool money, run joint funding rounds and see exactly who paid for what.',
  ];
  return composeEmail({
    to: [org.contactEmail],
    subject: `${c.name}: ${org.name} has been added as ${roleText[role]}`,
    ...(role === 'lead'
      ? {
          body: [...intro, 'As the lead, please confirm the consortium in grantloop. Until you do, nothing is funded.'],
          action: { label: 'Confirm the consortium', url: pageUrl },
        }
      : { body: [...intro, `There is nothing for you to do now. You will hear from us when ${lead.name} confirms the consortium.`] }),
    ...from(c),
  });
}

export function leadReminderEmail(c: Consortium, lead: Organisation, deadline: string, pageUrl: string): Email {
  return composeEmail({
    to: [lead.contactEmail],
    subject: `Reminder: please confirm the ${c.name} consortium`,
    body: [`The ${c.name} consortium is waiting for ${lead.name}, as lead, to confirm it in grantloop.`],
    action: { label: 'Confirm the consortium', url: pageUrl },
    after: [`If it is not confirmed by ${timeInWords(deadline)}, the invitation lapses and it will need to be set up again.`],
    ...from(c),
  });
}

export function activatedEmail(c: Consortium, org: Organisation, lead: Organisation): Email {
  return composeEmail({
    to: [org.contactEmail],
    subject: `${c.name} is now active`,
    body: [`${lead.name} has confirmed the ${c.name} consortium. It is now active, with ${c.members.length} member organisations.`],
    ...from(c),
  });
}

export function lapsedEmail(c: Consortium, org: Organisation): Email {
  return composeEmail({
    to: [org.contactEmail],
    subject: `${c.name} was not confirmed and has lapsed`,
    body: [`The ${c.name} consortium was not confirmed by its lead in time, so the invitation has lapsed. Nothing was funded.`],
    ...from(c),
  });
}
