import type { Organisation } from '../consortia/organisation';
import { dayInWords, plural } from '../platform/format';
import { addDays } from '../platform/london-time';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import type { Contract, Milestone } from './contract';

/** Evidence links work until 60 days after the milestone was due, so a late supplier can still send. */
export const evidenceLinkExpiry = (m: Pick<Milestone, 'dueDate'>) => `${addDays(m.dueDate, 60)}T23:59:59Z`;

export const MILESTONE_LINK = { kind: 'milestone', path: '/m' } as const;

const decisionWords = { met: 'met', partiallyMet: 'partly met', notMet: 'not met' } as const;

const when = (offsetDays: number, m: Milestone) =>
  offsetDays > 0
    ? `was due on ${dayInWords(m.dueDate)} and is overdue`
    : `is due on ${dayInWords(m.dueDate)} (in ${plural(-offsetDays, 'day')})`;

const sign = (council: Organisation) =>
  `\n\n--\nSent by grantloop for ${council.name}. Reply to ${council.contactEmail} with any questions.`;

export function supplierAlert(c: Contract, m: Milestone, council: Organisation, offsetDays: number, link: string): Email {
  return {
    to: [c.supplier.email],
    subject: `${offsetDays > 0 ? 'Overdue' : 'Coming up'}: ${m.title} (${c.title})`,
    text:
      `Hello ${c.supplier.name},\n\nMilestone ${m.id}, "${m.title}", of your contract "${c.title}" with ${council.name} ${when(offsetDays, m)}.\n\n` +
      `What is due: ${m.deliverable}\nEvidence we need: ${m.evidenceRequested}\n\n` +
      `Send it here, no account needed: ${link}\nThe link works once.${sign(council)}`,
  };
}

export function councilAlert(c: Contract, m: Milestone, council: Organisation, offsetDays: number): Email {
  return {
    to: [council.contactEmail],
    subject: `${offsetDays > 0 ? 'Overdue' : 'Coming up'}: ${m.title} (${c.title}, ${c.supplier.name})`,
    text:
      `Milestone ${m.id}, "${m.title}", of "${c.title}" (${c.supplier.name}) ${when(offsetDays, m)}; no evidence has arrived.\n\n` +
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
