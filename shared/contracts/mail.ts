import type { Organisation } from '../consortia/organisation';
import { dayInWords, plural } from '../platform/format';
import { addDays, londonDate } from '../platform/london-time';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import type { Contract, Milestone } from './contract';
import { daysBetween } from './rag';

/**
 * Evidence links work until 60 days after the milestone was due, so a late supplier can still
 * send; one sent later than that (asked for now, or a late alert) still gets 30 days.
 */
export function evidenceLinkExpiry(m: Pick<Milestone, 'dueDate'>, now: Date): string {
  const afterDue = `${addDays(m.dueDate, 60)}T23:59:59Z`;
  const fromNow = `${addDays(londonDate(now), 30)}T23:59:59Z`;
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

const sign = (council: Organisation) =>
  `\n\n--\nSent by grantloop for ${council.name}. Reply to ${council.contactEmail} with any questions.`;

/** The link sent to the supplier: by an alert, or at once when the council asks for the evidence now. */
export interface EvidenceLink {
  url: string;
  expiresAt: string;
  /** The London day the email goes. */
  today: string;
  requested?: boolean;
}

export function supplierAlert(c: Contract, m: Milestone, council: Organisation, link: EvidenceLink): Email {
  const asked = link.requested ? `${council.name} asks you to send the evidence for it now.\n\n` : '';
  return {
    to: [c.supplier.email],
    subject: `${headline(m, link.today, link.requested === true)}: ${m.title} (${c.title})`,
    text:
      `Hello ${c.supplier.name},\n\nMilestone ${m.id}, "${m.title}", of your contract "${c.title}" with ${council.name} ${when(m, link.today)}.\n\n${asked}` +
      `What is due: ${m.deliverable}\nEvidence we need: ${m.evidenceRequested}\n\n` +
      `Send it here, no account needed: ${link.url}\n` +
      // The expiry's calendar day: the link works all of it in England (and an hour more in summer).
      `The link works once, until ${dayInWords(link.expiresAt.slice(0, 10))}. If it has stopped working, contact ${council.name} at ${council.contactEmail} for a new one.${sign(council)}`,
  };
}

export function councilAlert(c: Contract, m: Milestone, council: Organisation, today: string): Email {
  return {
    to: [council.contactEmail],
    subject: `${headline(m, today, false)}: ${m.title} (${c.title}, ${c.supplier.name})`,
    text:
      `Milestone ${m.id}, "${m.title}", of "${c.title}" (${c.supplier.name}) ${when(m, today)}; no evidence has arrived.\n\n` +
      `The supplier has been sent a link to send it. The contract: ${staffPageUrl(staffPaths.contract(c.id))}${sign(council)}`,
  };
}

export function decisionEmails(c: Contract, m: Milestone, council: Organisation): Email[] {
  const decision = m.decision;
  if (!decision) return [];
  const why = decision.reason ? `\n\nWhy: ${decision.reason}` : '';
  const what = `Milestone ${m.id}, "${m.title}", of "${c.title}" is now ${decisionWords[decision.status]}${m.dateMet ? ` (met on ${dayInWords(m.dateMet)})` : ''}.${why}`;
  return [
    {
      to: [c.supplier.email],
      subject: `${m.title}: ${decisionWords[decision.status]} (${c.title})`,
      text: `Hello ${c.supplier.name},\n\n${what}${sign(council)}`,
    },
    {
      to: [council.contactEmail],
      subject: `${m.title}: ${decisionWords[decision.status]} (${c.title}, ${c.supplier.name})`,
      text: `${what}\n\nThe contract: ${staffPageUrl(staffPaths.contract(c.id))}${sign(council)}`,
    },
  ];
}

export function evidenceArrived(c: Contract, m: Milestone, council: Organisation): Email {
  return {
    to: [council.contactEmail],
    subject: `Evidence to decide: ${m.title} (${c.title}, ${c.supplier.name})`,
    text:
      `${c.supplier.name} sent evidence for milestone ${m.id}, "${m.title}", of "${c.title}":\n\n  ${m.evidence?.text ?? ''}${m.evidence?.url ? `\n  ${m.evidence.url}` : ''}\n\n` +
      `Decide whether it is met at ${staffPageUrl(staffPaths.contract(c.id))}${sign(council)}`,
  };
}
