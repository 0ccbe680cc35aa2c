import { subjectOf } from '../../shared/platform/events';
import type { apiClient } from './client';
import { linksIn, openLink, postLink, scopeOf } from './mailbox-links';
import type { LocalRuntime } from './runtime';
import type { StoredEmail } from './ses-local';

const DAY = 86400_000;
type Api = ReturnType<typeof apiClient>;
type Check = (name: string, ok: boolean, detail?: string) => void;

/**
 * How each provider behaves with each of its reports (by grant title and report index): sends
 * it soon after the request, after the first or the second reminder, a few days after the due
 * date, early but needing changes, or never.
 */
export type Behaviour = 'early' | 'after-reminder' | 'after-two-reminders' | 'late' | 'changes' | 'never';

export interface ReportingYearInput {
  runtime: LocalRuntime;
  api: Api;
  lead: { id: string; email: string };
  grants: { id: string; title: string; plan: unknown; behaviours: Behaviour[]; evidenceOnDay?: string; waiveOnDay?: string }[];
  until: Date;
  progress: (line: string) => void;
  check: Check;
  /**
   * Runs after each day's reading and answering (other work of the same year). It may move the
   * clock on; the year then carries on from the next whole day after it.
   */
  onDay?: (today: string) => Promise<void>;
}

export interface ReportingFigures {
  reports: {
    requested: number;
    submittedViaLink: number;
    accepted: number;
    changesRequested: number;
    overdue: number;
    remindersSent: number;
  };
  payments: { released: number; blockedByConditions: number };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

type FormPlan = { date: string; url: string; grant: string; index: number };
type ReviewPlan = { date: string; reportId: string; requestChanges: boolean };
type ReportingGrant = ReportingYearInput['grants'][number];

const inDays = (from: Date, days: number) => day(new Date(from.getTime() + days * DAY));
/** The same time of day on the next day, or on the first day after `clock` if something moved the clock further on. */
function nextDay(now: Date, clock: Date): Date {
  let next = now.getTime() + DAY;
  while (next < clock.getTime()) next += DAY;
  return new Date(next);
}

/**
 * A year of follow-through, driven only by what people receive: providers act on the emails
 * in the SES emulator (opening the link, posting the form), the funder reviews what arrives.
 * Nothing is submitted behind the form's back, so `submittedViaLink` counts real form posts.
 */
export async function runReportingYear(x: ReportingYearInput): Promise<ReportingFigures> {
  const { runtime, api, lead } = x;
  for (const g of x.grants) await api.call(lead, 'POST', `/grants/${g.id}/plan`, g.plan);
  await runtime.settle();
  const year = new ReportingYear(x);
  await year.run();
  await runtime.advanceTo(x.until);
  return figures(x, year.submittedViaLink, year.changesRequested);
}

/** The providers' and the funder's plans for the days ahead, as read from the mailbox. */
class ReportingYear {
  /** Emails already read, by message id. */
  private readonly handled = new Set<string>();
  /** Forms to post, by report id (or `evidence:<grant id>`), each on its day. */
  private readonly submitOn = new Map<string, FormPlan>();
  /** Reviews to make, by report id, each on its day. */
  private readonly reviewOn = new Map<string, ReviewPlan>();
  /** How many times each report has been reviewed. */
  private readonly reviewed = new Map<string, number>();
  /** How many reminders the provider has had for each report. */
  private readonly reminded = new Map<string, number>();
  /** Which grant each report belongs to, and its index among that grant's reports. */
  private readonly byReport = new Map<string, { grant: ReportingGrant; index: number }>();
  submittedViaLink = 0;
  changesRequested = 0;

  constructor(private readonly x: ReportingYearInput) {}

  /** Steps a day at a time until the end of the year: read the inbox, then act on what is due today. */
  async run(): Promise<void> {
    const { runtime } = this.x;
    for (let now = runtime.clock.now(); now < this.x.until; now = nextDay(now, runtime.clock.now())) {
      await runtime.advanceTo(now);
      const today = day(now);
      if (now.getUTCDate() === 1) this.x.progress(`${today}: reports and payments run…`);
      await this.readInbox(now);
      await this.postDueForms(today);
      await this.reviewWhatArrived(today);
      await this.waiveConditions(today);
      await this.x.onDay?.(today);
    }
  }

  /** Reads each new email about one of the grants and plans the answer to it. */
  private async readInbox(now: Date): Promise<void> {
    for (const email of await this.x.runtime.emails()) {
      if (this.handled.has(email.messageId)) continue;
      this.handled.add(email.messageId);
      const grant = this.x.grants.find((g) => email.subject.endsWith(g.title));
      if (!grant) continue;
      const url = linksIn(email, 'report')[0];
      if (/^Report due /.test(email.subject) && url) await this.onReportDue(grant, url, now);
      // A late provider answers from the latest email it has, as a person would.
      if (/^(Reminder|Overdue): /.test(email.subject) && url) await this.onReminder(url, now);
      if (/^Changes requested: /.test(email.subject) && url) await this.onChangesRequested(grant, url, now);
      if (/^Report to review: /.test(email.subject)) this.onReportToReview(email, now);
      if (/^Evidence needed before payment: /.test(email.subject) && url && grant.evidenceOnDay) {
        this.submitOn.set(`evidence:${grant.id}`, { date: grant.evidenceOnDay, url, grant: grant.title, index: -1 });
      }
    }
  }

  /** Opens the link in a report request and plans the submission as the provider's behaviour says. */
  private async onReportDue(grant: ReportingGrant, url: string, now: Date): Promise<void> {
    const page = (await openLink(url)).html;
    const reportId = scopeOf(page);
    const index = [...this.byReport.values()].filter((r) => r.grant === grant).length;
    this.byReport.set(reportId, { grant, index });
    const behaviour = grant.behaviours[index] ?? 'early';
    const due = /Due<\/dt><dd>([^<]+)</.exec(page)?.[1] ?? '';
    const dueDate = day(new Date(`${due} 12:00 UTC`));
    if (behaviour === 'early' || behaviour === 'changes')
      this.submitOn.set(reportId, { date: inDays(now, 3), url, grant: grant.title, index });
    if (behaviour === 'late')
      this.submitOn.set(reportId, { date: inDays(new Date(`${dueDate}T12:00:00Z`), 3), url, grant: grant.title, index });
  }

  /** Switches a planned submission to the link in the latest reminder, or plans it the day after the reminder it waited for. */
  private async onReminder(url: string, now: Date): Promise<void> {
    const reportId = scopeOf((await openLink(url)).html);
    const plan = this.submitOn.get(reportId);
    if (plan) this.submitOn.set(reportId, { ...plan, url });
    const info = this.byReport.get(reportId);
    const seen = (this.reminded.get(reportId) ?? 0) + 1;
    this.reminded.set(reportId, seen);
    const behaviour = info?.grant.behaviours[info.index];
    if (info && ((behaviour === 'after-reminder' && seen === 1) || (behaviour === 'after-two-reminders' && seen === 2)))
      this.submitOn.set(reportId, { date: inDays(now, 1), url, grant: info.grant.title, index: info.index });
  }

  /** Plans a resubmission two days after the funder asks for changes. */
  private async onChangesRequested(grant: ReportingGrant, url: string, now: Date): Promise<void> {
    const reportId = scopeOf((await openLink(url)).html);
    this.submitOn.set(reportId, { date: inDays(now, 2), url, grant: grant.title, index: this.byReport.get(reportId)?.index ?? 0 });
  }

  /** Plans the funder's review two days on; a `changes` report is sent back the first time. */
  private onReportToReview(email: StoredEmail, now: Date): void {
    // The email links to the report's page, as the funder's officer would follow it.
    const reportId = /\/app\/reports\/([0-9A-Z]{26})/.exec(email.body.text ?? '')?.[1] as string;
    const info = this.byReport.get(reportId);
    const first = !this.reviewed.has(reportId);
    this.reviewOn.set(reportId, {
      date: inDays(now, 2),
      reportId,
      requestChanges: first && info?.grant.behaviours[info.index] === 'changes',
    });
  }

  /** Posts every form whose day has come, at the link from the email. */
  private async postDueForms(today: string): Promise<void> {
    for (const [id, plan] of [...this.submitOn]) {
      if (plan.date > today) continue;
      this.submitOn.delete(id);
      await this.postForm(id, plan);
    }
  }

  /** Posts one report or evidence form; accepted evidence is then marked met by the lead. */
  private async postForm(id: string, plan: FormPlan): Promise<void> {
    const { runtime, api, lead } = this.x;
    const page = (await openLink(plan.url)).html;
    const scope = scopeOf(page);
    const form = id.startsWith('evidence:')
      ? { scope, action: 'submit', text: 'Adopted by the trustees; published on our website', url: 'https://example.org/policy' }
      : answers(scope, page);
    const res = await postLink(plan.url, form);
    const html = res.html;
    if (res.status === 200 && html.includes('Thank you: your report has been sent')) this.submittedViaLink++;
    if (res.status === 200 && html.includes('Thank you: your evidence has been sent')) {
      await runtime.settle();
      await api.call(lead, 'POST', `/grants/${id.slice('evidence:'.length)}/conditions/C1/decision`, { outcome: 'met' });
    }
    this.x.check(
      `form posted at the emailed link for ${plan.grant} (${id.startsWith('evidence:') ? 'evidence' : `report ${plan.index + 1}`})`,
      res.status === 200,
      `${res.status}`,
    );
    await runtime.settle();
  }

  /** The lead reviews every report whose review day has come: accept, or ask for changes. */
  private async reviewWhatArrived(today: string): Promise<void> {
    for (const [id, r] of [...this.reviewOn]) {
      if (r.date > today) continue;
      this.reviewOn.delete(id);
      this.reviewed.set(id, (this.reviewed.get(id) ?? 0) + 1);
      if (r.requestChanges) this.changesRequested++;
      await this.x.api.call(
        this.x.lead,
        'POST',
        `/reports/${r.reportId}/review`,
        r.requestChanges
          ? { decision: 'request-changes', comments: 'Please add how many of the groups were new to you this quarter.' }
          : { decision: 'accept' },
      );
      await this.x.runtime.settle();
    }
  }

  /** The lead waives a grant's condition on the day its plan says. */
  private async waiveConditions(today: string): Promise<void> {
    for (const g of this.x.grants) {
      if (g.waiveOnDay === today) {
        await this.x.api.call(this.x.lead, 'POST', `/grants/${g.id}/conditions/C1/decision`, {
          outcome: 'waived',
          reason: 'Policy in place at the partner organisation; waived by the panel',
        });
        await this.x.runtime.settle();
      }
    }
  }
}

function answers(scope: string, page: string): Record<string, string> {
  const form: Record<string, string> = { scope, action: 'submit' };
  for (const [, name] of page.matchAll(/<input id="(measures\.[^"]+)"/g))
    form[name as string] = name?.includes('funding') ? '4,250.75' : name?.includes('satisfied') ? '86' : '12';
  for (const [, name] of page.matchAll(/<textarea id="(questions\.[^"]+)"/g))
    form[name as string] = 'Twelve groups supported, three of them new; two won their first grant.';
  return form;
}

async function figures(x: ReportingYearInput, submittedViaLink: number, changesRequested: number): Promise<ReportingFigures> {
  const { dynamoGrants } = await import('../../shared/grants/dynamodb-store');
  const { dynamoPlatform } = await import('../../shared/platform/aws/platform-store');
  let requested = 0;
  let accepted = 0;
  let overdue = 0;
  let remindersSent = 0;
  let submissions = 0;
  let released = 0;
  let blockedByConditions = 0;
  for (const g of x.grants) {
    for (const r of await dynamoGrants.listGrantReports(g.id)) {
      if (r.status !== 'scheduled') requested++;
      if (r.status === 'accepted') accepted++;
      remindersSent += r.remindersSent ?? 0;
      submissions += r.submissions;
      const events = await dynamoPlatform.listEvents(subjectOf('report', r.id));
      if (events.some((e) => e.type === 'report.overdue')) overdue++;
    }
    const { tranches } = await dynamoGrants.getPlan(g.id);
    released += tranches.filter((t) => t.status === 'released').length;
    blockedByConditions += tranches.filter((t) => t.blockedByConditionsAt).length;
  }
  x.check(
    'every submission recorded came through a form posted at an emailed link',
    submissions === submittedViaLink,
    `${submissions} recorded, ${submittedViaLink} posted`,
  );
  const reminderEmails = (await x.runtime.emails()).filter((e) => /^(Reminder|Overdue): report /.test(e.subject)).length;
  x.check(
    'reminders counted on reports match the reminder emails in the mailbox',
    reminderEmails === remindersSent,
    `${reminderEmails} emails, ${remindersSent} counted`,
  );
  return {
    reports: { requested, submittedViaLink, accepted, changesRequested, overdue, remindersSent },
    payments: { released, blockedByConditions },
  };
}
