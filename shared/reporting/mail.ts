import type { GrantContext } from '../grants/context';
import { signOff } from '../grants/mail';
import type { Report } from '../grants/report-schedule';
import { dayInWords } from '../platform/format';
import { addDays } from '../platform/london-time';
import type { Email } from '../platform/ports';

/** Links stay usable for a while after the report is very late, then the funder must send a new one. */
export const LINK_VALID_DAYS_AFTER_DUE = 60;

/** Report links live at `/r/<token>` (see report-link.ts). */
export const REPORT_LINK = { kind: 'report', path: '/r' } as const;

export const linkExpiry = (report: Report) => `${addDays(report.dueDate, LINK_VALID_DAYS_AFTER_DUE)}T23:59:59.000Z`;

/** `generation`: the report's link generation when issued (absent: 0), so a replaced link is known. */
export type ReportScope = { kind: 'report'; reportId: string; grantId: string; generation?: string };

/** The scope of a new link for a report now: its current generation. */
export const reportScope = (r: Pick<Report, 'id' | 'grantId' | 'linkGeneration'>): ReportScope => ({
  kind: 'report',
  reportId: r.id,
  grantId: r.grantId,
  ...(r.linkGeneration ? { generation: String(r.linkGeneration) } : {}),
});

export function reportRequestEmail(c: GrantContext, report: Report, link: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Report due ${dayInWords(report.dueDate)}: ${c.grant.title}`,
    text:
      `Hello ${c.recipient.name},\n\nYour ${report.label.toLowerCase()} for "${c.grant.title}" is due by ${dayInWords(report.dueDate)}.\n` +
      `It is a short form; you can save a draft and come back to it. No account or password is needed:\n\n${link}\n${signOff(c)}`,
  };
}

export function reminderEmail(c: GrantContext, report: Report, link: string, offsetDays: number): Email {
  const when =
    offsetDays < 0
      ? `due in ${-offsetDays} day${offsetDays === -1 ? '' : 's'}`
      : offsetDays === 0
        ? 'due today'
        : `${offsetDays} day${offsetDays === 1 ? '' : 's'} overdue`;
  return {
    to: [c.recipient.contactEmail],
    subject: `${offsetDays > 0 ? 'Overdue' : 'Reminder'}: report ${when} for ${c.grant.title}`,
    text: `Hello ${c.recipient.name},\n\nA reminder that your ${report.label.toLowerCase()} for "${c.grant.title}" is ${when} (due ${dayInWords(report.dueDate)}).\n\n${link}\n${signOff(c)}`,
  };
}

export function changesRequestedEmail(c: GrantContext, report: Report, link: string, comments: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Changes requested: ${report.label} for ${c.grant.title}`,
    text: `Hello ${c.recipient.name},\n\nThank you for your report. ${c.lead.name} has asked for some changes:\n\n${comments}\n\nYou can update and resend it here:\n\n${link}\n${signOff(c)}`,
  };
}

/** Staff sent a new link (the one the provider had was lost, or they asked): the same request, saying what it replaces and until when it works. */
export function reportLinkReplacedEmail(c: GrantContext, report: Report, link: string): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `New link: ${report.label} for ${c.grant.title}`,
    text:
      `Hello ${c.recipient.name},\n\n${c.lead.name} has sent you a new link for your ${report.label.toLowerCase()} for "${c.grant.title}", due ${dayInWords(report.dueDate)}. ` +
      `It replaces the earlier link, which no longer works; anything you saved as a draft is kept.\n\n${link}\n\n` +
      // The expiry's calendar day: the link works all of it in England (and an hour more in summer).
      `The link works until ${dayInWords(linkExpiry(report).slice(0, 10))}. If it stops working before you send the report, ask ${c.lead.name} (${c.lead.contactEmail}) for a new one.\n${signOff(c)}`,
  };
}

export function acceptedEmail(c: GrantContext, report: Report): Email {
  return {
    to: [c.recipient.contactEmail],
    subject: `Report accepted: ${c.grant.title}`,
    text: `Hello ${c.recipient.name},\n\nThank you: your ${report.label.toLowerCase()} for "${c.grant.title}" has been accepted. Nothing more is needed for this period.${signOff(c)}`,
  };
}

export function reviewRequestEmail(c: GrantContext, report: Report, pageUrl: string): Email {
  return {
    to: [c.lead.contactEmail],
    subject: `Report to review: ${c.recipient.name}, ${c.grant.title}`,
    text: `Hello,\n\n${c.recipient.name} has submitted its ${report.label.toLowerCase()} for "${c.grant.title}". Please accept it or ask for changes:\n\n${pageUrl}\n\n--\nSent by grantloop for the ${c.consortium.name}.`,
  };
}

export function veryLateEmail(c: GrantContext, report: Report, pageUrl: string): Email {
  return {
    to: [c.lead.contactEmail],
    subject: `Very late report: ${c.recipient.name}, ${c.grant.title}`,
    text:
      `Hello,\n\n${c.recipient.name}'s ${report.label.toLowerCase()} for "${c.grant.title}" was due on ${dayInWords(report.dueDate)} and has not arrived despite reminders.\n` +
      `It may be worth a phone call: small organisations are often short of hands rather than unwilling.\n\nThe report in grantloop: ${pageUrl}\n\n--\nSent by grantloop for the ${c.consortium.name}.`,
  };
}
