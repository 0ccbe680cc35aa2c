import type { GrantContext } from '../grants/context';
import { fromFunders, providerLink } from '../grants/mail';
import { composeEmail } from '../platform/email/message';
import { dayInWords } from '../platform/format';
import { addDays, endOfLondonDay } from '../platform/london-time';
import type { Email } from '../platform/ports';
import { PROVIDER_LINK_PATH } from './link-path';
import type { Report } from './report';

/** Links stay usable for a while after the report is very late, then the funder must send a new one. */
const LINK_VALID_DAYS_AFTER_DUE = 60;

/** Report links live at `/r/<token>` (see report-link.ts). */
export const REPORT_LINK = { kind: 'report', path: PROVIDER_LINK_PATH } as const;

/** The end of the London day 60 days after the due date: the email says "until 11:59pm on …". */
export const linkExpiry = (report: Report) => endOfLondonDay(addDays(report.dueDate, LINK_VALID_DAYS_AFTER_DUE));

/** The report link works until it is sent (drafts may be saved first), so it is not "once". */
const reportLink = (c: GrantContext, report: Report, link: string) =>
  providerLink(c, 'Fill in the report', link, linkExpiry(report), false);

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
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `Report due ${dayInWords(report.dueDate)}: ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [
      `Your ${report.label.toLowerCase()} for "${c.grant.title}" is due by ${dayInWords(report.dueDate)}.`,
      'It is a short form; you can save a draft and come back to it. No account or password is needed.',
    ],
    action: reportLink(c, report, link),
    ...fromFunders(c),
  });
}

export function reminderEmail(c: GrantContext, report: Report, link: string, offsetDays: number): Email {
  const when =
    offsetDays < 0
      ? `due in ${-offsetDays} day${offsetDays === -1 ? '' : 's'}`
      : offsetDays === 0
        ? 'due today'
        : `${offsetDays} day${offsetDays === 1 ? '' : 's'} overdue`;
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `${offsetDays > 0 ? 'Overdue' : 'Reminder'}: report ${when} for ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [`A reminder that your ${report.label.toLowerCase()} for "${c.grant.title}" is ${when} (due ${dayInWords(report.dueDate)}).`],
    action: reportLink(c, report, link),
    ...fromFunders(c),
  });
}

export function changesRequestedEmail(c: GrantContext, report: Report, link: string, comments: string): Email {
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `Changes requested: ${report.label} for ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [
      `Thank you for your report. ${c.lead.name} has asked for some changes:`,
      { quote: comments },
      'The form opens with what you sent filled in: change what was asked for, then send it again.',
    ],
    action: reportLink(c, report, link),
    ...fromFunders(c),
  });
}

/** Staff sent a new link (the one the provider had was lost, or they asked): the same request, saying what it replaces and until when it works. */
export function reportLinkReplacedEmail(c: GrantContext, report: Report, link: string): Email {
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `New link: ${report.label} for ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [
      `${c.lead.name} has sent you a new link for your ${report.label.toLowerCase()} for "${c.grant.title}", due ${dayInWords(report.dueDate)}.`,
      'It replaces the earlier link, which no longer works; anything you saved as a draft is kept.',
    ],
    action: reportLink(c, report, link),
    ...fromFunders(c),
  });
}

/** Nothing to do and no link: so nothing about links either. */
export function acceptedEmail(c: GrantContext, report: Report): Email {
  return composeEmail({
    to: [c.recipient.contactEmail],
    subject: `Report accepted: ${c.grant.title}`,
    greeting: c.recipient.name,
    body: [
      `Thank you: your ${report.label.toLowerCase()} for "${c.grant.title}" has been accepted. Nothing more is needed for this period.`,
    ],
    ...fromFunders(c),
  });
}

export function reviewRequestEmail(c: GrantContext, report: Report, pageUrl: string): Email {
  return composeEmail({
    to: [c.lead.contactEmail],
    subject: `Report to review: ${c.recipient.name}, ${c.grant.title}`,
    body: [
      `${c.recipient.name} has submitted its ${report.label.toLowerCase()} for "${c.grant.title}". Please accept it or ask for changes.`,
    ],
    action: { label: 'Review the report', url: pageUrl },
    sender: `the ${c.consortium.name}`,
  });
}

export function veryLateEmail(c: GrantContext, report: Report, pageUrl: string): Email {
  return composeEmail({
    to: [c.lead.contactEmail],
    subject: `Very late report: ${c.recipient.name}, ${c.grant.title}`,
    body: [
      `${c.recipient.name}'s ${report.label.toLowerCase()} for "${c.grant.title}" was due on ${dayInWords(report.dueDate)} and has not arrived despite reminders.`,
      'It may be worth a phone call: small organisations are often short of hands rather than unwilling.',
    ],
    action: { label: 'See the report in grantloop', url: pageUrl },
    sender: `the ${c.consortium.name}`,
  });
}
