import type { Organisation } from '../consortia/organisation';
import { composeEmail, type EmailMessage } from '../platform/email/message';
import { dayInWords, plural } from '../platform/format';
import { addDays, endOfLondonDay, londonDate } from '../platform/london-time';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import type { Contract, Milestone } from './contract';
import { daysBetween } from './rag';

/**
 * Evidence links work until 60 days after the milestone was due, so a late supplier can still
 * send; one sent later than that (asked for now, or a late alert) still gets 30 days. Each ends
 * at 11:59pm London time, which is what the email says.
 */
export function evidenceLinkExpiry(m: Pick<Milestone, 'dueDate'>, now: Date): string {
  const afterDue = endOfLondonDay(addDays(m.dueDate, 60));
  const fromNow = endOfLondonDay(addDays(londonDate(now), 30));
  return afterDue > fromNow ? afterDue : fromNow;
}

export const MILESTONE_LINK = { kind: 'milestone', path: '/m' } as const;

const decisionWords = { met: 'met', partiallyMet: 'partly met', notMet: 'not met' } as const;

/** Counted from the day the email goes, not the alert's offset: a late alert says how things stand. */
function when(m: Milestone, today: string): string {
  const left = daysBetween(today, m.dueDate);
  if (left < 0) return `was due on ${dayInWords(m.dueDate)} and is overdue`;
  return left === 0 ? `is due today, ${dayInWords(m.dueDate)}` : `is due on ${dayInWords(m.dueDate)} (in ${plural(left, 'day')})`;
}

const headline = (m: Milestone, today: string, requested: boolean) =>
  requested ? 'Evidence requested' : daysBetween(today, m.dueDate) < 0 ? 'Overdue' : 'Coming up';

/** The council sends every milestone email, and is whom to ask. */
const from = (council: Pick<Organisation, 'name' | 'contactEmail'>): Pick<EmailMessage, 'sender' | 'questions'> => ({
  sender: council.name,
  questions: { name: council.name, email: council.contactEmail },
});

/** The link sent to the supplier: by an alert, or at once when the council asks for the evidence now. */
interface EvidenceLink {
  url: string;
  expiresAt: string;
  /** The London day the email goes. */
  today: string;
  requested?: boolean;
}

export function supplierAlert(c: Contract, m: Milestone, council: Organisation, link: EvidenceLink): Email {
  return composeEmail({
    to: [c.supplier.email],
    subject: `${headline(m, link.today, link.requested === true)}: ${m.title} (${c.title})`,
    greeting: c.supplier.name,
    body: [
      `Milestone ${m.id}, "${m.title}", of your contract "${c.title}" with ${council.name} ${when(m, link.today)}.`,
      ...(link.requested ? [`${council.name} asks you to send the evidence for it now.`] : []),
      {
        facts: [
          ['What is due', m.deliverable],
          ['Evidence we need', m.evidenceRequested],
        ],
      },
      'Send it with this link. No account is needed.',
    ],
    action: {
      label: 'Send the evidence',
      url: link.url,
      expires: { at: link.expiresAt, once: true, ask: { name: council.name, email: council.contactEmail } },
    },
    ...from(council),
  });
}

export function councilAlert(c: Contract, m: Milestone, council: Organisation, today: string): Email {
  return composeEmail({
    to: [council.contactEmail],
    subject: `${headline(m, today, false)}: ${m.title} (${c.title}, ${c.supplier.name})`,
    body: [
      `Milestone ${m.id}, "${m.title}", of "${c.title}" (${c.supplier.name}) ${when(m, today)}; no evidence has arrived.`,
      'The supplier has been sent a link to send it.',
    ],
    action: { label: 'See the contract', url: staffPageUrl(staffPaths.contract(c.id)) },
    ...from(council),
  });
}

export function decisionEmails(c: Contract, m: Milestone, council: Organisation): Email[] {
  const decision = m.decision;
  if (!decision) return [];
  const what = [
    `Milestone ${m.id}, "${m.title}", of "${c.title}" is now ${decisionWords[decision.status]}${m.dateMet ? ` (met on ${dayInWords(m.dateMet)})` : ''}.`,
    ...(decision.reason ? [`Why: ${decision.reason}`] : []),
  ];
  return [
    composeEmail({
      to: [c.supplier.email],
      subject: `${m.title}: ${decisionWords[decision.status]} (${c.title})`,
      greeting: c.supplier.name,
      body: what,
      ...from(council),
    }),
    composeEmail({
      to: [council.contactEmail],
      subject: `${m.title}: ${decisionWords[decision.status]} (${c.title}, ${c.supplier.name})`,
      body: what,
      action: { label: 'See the contract', url: staffPageUrl(staffPaths.contract(c.id)) },
      ...from(council),
    }),
  ];
}

export function evidenceArrived(c: Contract, m: Milestone, council: Organisation): Email {
  return composeEmail({
    to: [council.contactEmail],
    subject: `Evidence to decide: ${m.title} (${c.title}, ${c.supplier.name})`,
    body: [
      `${c.supplier.name} sent evidence for milestone ${m.id}, "${m.title}", of "${c.title}":`,
      { quote: m.evidence?.text ?? '' },
      ...(m.evidence?.url ? [{ link: { label: 'The link the supplier sent', url: m.evidence.url } }] : []),
      'Decide whether it is met.',
    ],
    action: { label: 'Decide on the evidence', url: staffPageUrl(staffPaths.contract(c.id)) },
    ...from(council),
  });
}
