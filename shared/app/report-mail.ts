import { config } from '../config/env';
import type { Consortium } from '../domain/consortium';
import type { Grant } from '../domain/grant';
import { type LinkScope, newLinkToken } from '../domain/link-token';
import { addDays } from '../domain/london-time';
import type { Organisation } from '../domain/organisation';
import type { Report } from '../domain/report';
import type { Email } from '../ports';
import type { Deps } from './deps';

/** Links stay usable for a while after the report is very late, then the funder must send a new one. */
export const LINK_VALID_DAYS_AFTER_DUE = 60;

/** A new single-use link for one report or one condition; only its hash is stored. */
export async function issueLink(deps: Pick<Deps, 'grants' | 'clock'>, scope: LinkScope, validUntil: string): Promise<string> {
  const { token, hash } = newLinkToken();
  await deps.grants.putLink({ hash, scope, status: 'active', expiresAt: validUntil, createdAt: deps.clock.now().toISOString() });
  return `${config.appUrl().replace(/\/$/, '')}/r/${token}`;
}

export const linkExpiry = (report: Report) => `${addDays(report.dueDate, LINK_VALID_DAYS_AFTER_DUE)}T23:59:59.000Z`;

export interface MailContext {
  consortium: Consortium;
  lead: Organisation;
  recipient: Organisation;
  grant: Grant;
}

const signOff = (c: MailContext) =>
  `\n\n--\nSent by grantloop for the ${c.consortium.name} (${c.consortium.place}), which funds "${c.grant.title}".\n` +
  `Questions: ${c.lead.name}, ${c.lead.contactEmail}. The link is personal to this report: please do not forward it.`;

const formatDate = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function reportRequestEmail(c: MailContext, report: Report, link: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Report due ${formatDate(report.dueDate)}: ${c.grant.title}`,
    text:
      `Hello ${c.recipient.name},\n\nYour ${report.label.toLowerCase()} for "${c.grant.title}" is due by ${formatDate(report.dueDate)}.\n` +
      `It is a short form; you can save a draft and come back to it. No account or password is needed:\n\n${link}\n${signOff(c)}`,
  };
}

export function reminderEmail(c: MailContext, report: Report, link: string, offsetDays: number): Email {
  const when =
    offsetDays < 0
      ? `due in ${-offsetDays} day${offsetDays === -1 ? '' : 's'}`
      : offsetDays === 0
        ? 'due today'
        : `${offsetDays} day${offsetDays === 1 ? '' : 's'} overdue`;
  return {
    to: [c.recipient.contactEmail],
    subject: `${offsetDays > 0 ? 'Overdue' : 'Reminder'}: report ${when} for ${c.grant.title}`,
    text: `Hello ${c.recipient.name},\n\nA reminder that your ${report.label.toLowerCase()} for "${c.grant.title}" is ${when} (due ${formatDate(report.dueDate)}).\n\n${link}\n${signOff(c)}`,
  };
}

export function changesRequestedEmail(c: MailContext, report: Report, link: string, comments: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Changes requested: ${report.label} for ${c.grant.title}`,
    text: `Hello ${c.recipient.name},\n\nThank you for your report. ${c.lead.name} has asked for some changes:\n\n${comments}\n\nYou can update and resend it here:\n\n${link}\n${signOff(c)}`,
  };
}

export function acceptedEmail(c: MailContext, report: Report): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Report accepted: ${c.grant.title}`,
    text: `Hello ${c.recipient.name},\n\nThank you: your ${report.label.toLowerCase()} for "${c.grant.title}" has been accepted. Nothing more is needed for this period.${signOff(c)}`,
  };
}

export function reviewRequestEmail(c: MailContext, report: Report): Email {
  return {
    to: [c.lead.contactEmail],
    subject: `Report to review: ${c.recipient.name}, ${c.grant.title}`,
    text: `Hello,\n\n${c.recipient.name} has submitted its ${report.label.toLowerCase()} for "${c.grant.title}". Please accept it or ask for changes in grantloop (report ${report.id}).\n\n--\nSent by grantloop for the ${c.consortium.name}.`,
  };
}

export function veryLateEmail(c: MailContext, report: Report): Email {
  return {
    to: [c.lead.contactEmail],
    subject: `Very late report: ${c.recipient.name}, ${c.grant.title}`,
    text:
      `Hello,\n\n${c.recipient.name}'s ${report.label.toLowerCase()} for "${c.grant.title}" was due on ${formatDate(report.dueDate)} and has not arrived despite reminders.\n` +
      `It may be worth a phone call: small organisations are often short of hands rather than unwilling. (Report ${report.id}.)\n\n--\nSent by grantloop for the ${c.consortium.name}.`,
  };
}

export function evidenceRequestEmail(c: MailContext, description: string, link: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Evidence needed before payment: ${c.grant.title}`,
    text:
      `Hello ${c.recipient.name},\n\nBefore payment of your grant "${c.grant.title}", ${c.lead.name} needs evidence of the following:\n\n  ${description}\n\n` +
      `Send a short note or a web link here (no account needed):\n\n${link}\n${signOff(c)}`,
  };
}
