import { subjectOf } from '../../shared/platform/events';
import type { apiClient } from './client';
import type { LocalRuntime } from './runtime';
import type { StoredEmail } from './ses-local';

const DAY = 86400_000;
type Api = ReturnType<typeof apiClient>;
type Check = (name: string, ok: boolean, detail?: string) => void;

/** How each provider behaves with each of its reports (by grant title and report index). */
export type Behaviour = 'early' | 'late' | 'changes' | 'never';

export interface ReportingYearInput {
  runtime: LocalRuntime;
  api: Api;
  lead: { id: string; email: string };
  grants: { id: string; title: string; plan: unknown; behaviours: Behaviour[]; evidenceOnDay?: string; waiveOnDay?: string }[];
  until: Date;
  progress: (line: string) => void;
  check: Check;
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

const linkIn = (e: StoredEmail) => /(https?:\/\/\S+\/r\/[A-Za-z0-9_-]+)/.exec(e.body.text ?? '')?.[1];
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A year of follow-through, driven only by what people receive: providers act on the emails
 * in the SES emulator (opening the link, posting the form), the funder reviews what arrives.
 * Nothing is submitted behind the form's back, so `submittedViaLink` counts real form posts.
 */
export async function runReportingYear(x: ReportingYearInput): Promise<ReportingFigures> {
  const { runtime, api, lead } = x;
  for (const g of x.grants) await api.call(lead, 'POST', `/grants/${g.id}/plan`, g.plan);
  await runtime.settle();

  const handled = new Set<string>();
  const submitOn = new Map<string, { date: string; url: string; grant: string; index: number }>();
  const reviewOn = new Map<string, { date: string; reportId: string; requestChanges: boolean }>();
  const reviewed = new Map<string, number>();
  let submittedViaLink = 0;
  let changesRequested = 0;
  const byReport = new Map<string, { grant: (typeof x.grants)[number]; index: number }>();

  for (let now = x.runtime.clock.now(); now < x.until; now = new Date(now.getTime() + DAY)) {
    await runtime.advanceTo(now);
    const today = day(now);
    if (now.getUTCDate() === 1) x.progress(`${today}: reports and payments run…`);
    for (const email of await runtime.emails()) {
      if (handled.has(email.messageId)) continue;
      handled.add(email.messageId);
      const grant = x.grants.find((g) => email.subject.endsWith(g.title));
      if (!grant) continue;
      const url = linkIn(email);
      if (/^Report due /.test(email.subject) && url) {
        const page = await fetch(url).then((r) => r.text());
        const reportId = /name="scope" value="([^"]+)"/.exec(page)?.[1] as string;
        const index = [...byReport.values()].filter((r) => r.grant === grant).length;
        byReport.set(reportId, { grant, index });
        const behaviour = grant.behaviours[index] ?? 'early';
        const due = /Due<\/dt><dd>([^<]+)</.exec(page)?.[1] ?? '';
        const dueDate = day(new Date(`${due} 12:00 UTC`));
        if (behaviour === 'early' || behaviour === 'changes')
          submitOn.set(reportId, { date: day(new Date(now.getTime() + 3 * DAY)), url, grant: grant.title, index });
        if (behaviour === 'late')
          submitOn.set(reportId, {
            date: day(new Date(new Date(`${dueDate}T12:00:00Z`).getTime() + 3 * DAY)),
            url,
            grant: grant.title,
            index,
          });
      }
      // A late provider answers from the latest email it has, as a person would.
      if (/^(Reminder|Overdue): /.test(email.subject) && url) {
        const reportId = /name="scope" value="([^"]+)"/.exec(await fetch(url).then((r) => r.text()))?.[1] ?? '';
        const plan = submitOn.get(reportId);
        if (plan) submitOn.set(reportId, { ...plan, url });
      }
      if (/^Changes requested: /.test(email.subject) && url) {
        const reportId = /name="scope" value="([^"]+)"/.exec(await fetch(url).then((r) => r.text()))?.[1] as string;
        submitOn.set(reportId, {
          date: day(new Date(now.getTime() + 2 * DAY)),
          url,
          grant: grant.title,
          index: byReport.get(reportId)?.index ?? 0,
        });
      }
      if (/^Report to review: /.test(email.subject)) {
        const reportId = /\(report ([0-9A-Z]{26})\)/.exec(email.body.text ?? '')?.[1] as string;
        const info = byReport.get(reportId);
        const first = !reviewed.has(reportId);
        reviewOn.set(reportId, {
          date: day(new Date(now.getTime() + 2 * DAY)),
          reportId,
          requestChanges: first && info?.grant.behaviours[info.index] === 'changes',
        });
      }
      if (/^Evidence needed before payment: /.test(email.subject) && url && grant.evidenceOnDay) {
        submitOn.set(`evidence:${grant.id}`, { date: grant.evidenceOnDay, url, grant: grant.title, index: -1 });
      }
    }
    for (const [id, plan] of [...submitOn]) {
      if (plan.date > today) continue;
      submitOn.delete(id);
      const page = await fetch(plan.url).then((r) => r.text());
      const scope = /name="scope" value="([^"]+)"/.exec(page)?.[1] ?? '';
      const form = id.startsWith('evidence:')
        ? { scope, action: 'submit', text: 'Adopted by the trustees; published on our website', url: 'https://example.org/policy' }
        : answers(scope, page);
      const res = await fetch(plan.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
      const html = await res.text();
      if (res.status === 200 && html.includes('Thank you: your report has been sent')) submittedViaLink++;
      if (res.status === 200 && html.includes('Thank you: your evidence has been sent')) {
        await runtime.settle();
        await api.call(lead, 'POST', `/grants/${id.slice('evidence:'.length)}/conditions/C1/decision`, { outcome: 'met' });
      }
      x.check(
        `form posted at the emailed link for ${plan.grant} (${id.startsWith('evidence:') ? 'evidence' : `report ${plan.index + 1}`})`,
        res.status === 200,
        `${res.status}`,
      );
      await runtime.settle();
    }
    for (const [id, r] of [...reviewOn]) {
      if (r.date > today) continue;
      reviewOn.delete(id);
      reviewed.set(id, (reviewed.get(id) ?? 0) + 1);
      if (r.requestChanges) changesRequested++;
      await api.call(
        lead,
        'POST',
        `/reports/${r.reportId}/review`,
        r.requestChanges
          ? { decision: 'request-changes', comments: 'Please add how many of the groups were new to you this quarter.' }
          : { decision: 'accept' },
      );
      await runtime.settle();
    }
    for (const g of x.grants) {
      if (g.waiveOnDay === today) {
        await api.call(lead, 'POST', `/grants/${g.id}/conditions/C1/decision`, {
          outcome: 'waived',
          reason: 'Policy in place at the partner organisation; waived by the panel',
        });
        await runtime.settle();
      }
    }
  }
  await runtime.advanceTo(x.until);
  return figures(x, submittedViaLink, changesRequested);
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
