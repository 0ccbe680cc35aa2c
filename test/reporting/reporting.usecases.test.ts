import { describe, expect, it } from 'vitest';
import { setPlan } from '../../shared/grants/plan';
import { awaitTranche, nextTranche } from '../../shared/grants/tranches';
import type { LinkPage } from '../../shared/platform/links/registry';
import { hashLinkToken } from '../../shared/platform/links/token';
import { addDays, londonDate, londonTime } from '../../shared/platform/london-time';
import { allocateDirect } from '../../shared/pools/awards';
import {
  acceptReport,
  awaitReview,
  awaitSubmission,
  markReport,
  OPEN_PERIOD_FUNCTION,
  openReport,
  requestChanges,
  scheduleReportPeriods,
  startReportCycle,
} from '../../shared/reporting/cycle';
import { subject } from '../../shared/reporting/events';
import { providerLinks } from '../../shared/reporting/links';
import { REMINDER_FUNCTION, scheduleReminders, sendReminder } from '../../shared/reporting/reminders';
import { review } from '../../shared/reporting/review';
import { reportDetail, reportsByStatus } from '../../shared/reporting/views';
import { lightAnswers } from '../support/grant';
import { organisation } from '../support/memory';
import { fundedPool, systemWithFunders } from '../support/usecases';

/** Fast: the reporting use cases on the in-memory adapters (no engines); the workflow around them is tested in reporting-cycle.engines.test.ts. */
async function setup() {
  const { sys, admin, funders } = await systemWithFunders(2);
  const [lead, member] = funders;
  const provider = await organisation(sys, admin, 'Wyvern Voluntary Action', 'provider');
  const outsider = await organisation(sys, admin, 'Elsewhere Foundation');
  const { c, pool } = await fundedPool(sys, [lead, member], member, 'Grants Fund', 100_000_000);
  const today = londonDate(sys.clock.now());
  type Reporting = { frequency?: 'quarterly' | 'one-off'; template?: 'light'; dueDate?: string };
  type Tranches = { amount: number; dueDate: string; reportIndex?: number }[];

  /** A £5,000 grant to the provider, with the report(s) its plan calls for (one-off by default). */
  async function grant(title: string, dueInDays: number, opts: { reporting?: Reporting; tranches?: Tranches } = {}) {
    const award = { recipientOrgId: provider.org.id, amount: 500_000, currency: 'GBP', durationMonths: 12, plannedStart: today };
    const g = await allocateDirect(sys.deps, lead.caller, pool.id, { ...award, title });
    const plan = await setPlan(sys.deps, lead.caller, g.id, {
      conditions: [],
      tranches: opts.tranches ?? [{ amount: 500_000, dueDate: today }],
      reporting: opts.reporting ?? { frequency: 'one-off', template: 'light', dueDate: addDays(today, dueInDays) },
    });
    return { grantId: g.id, reportId: (plan.reports[0] as { id: string }).id, reports: plan.reports };
  }
  const mails = (to: string, subjectLine: RegExp) => sys.outside.emails.filter((e) => e.to.includes(to) && subjectLine.test(e.subject));
  /** A grant whose report has been opened; the token comes from the request email, as the provider would click it. */
  async function opened(title: string, dueInDays = 30, opts: { tranches?: Tranches } = {}) {
    const g = await grant(title, dueInDays, opts);
    await openReport(sys.deps, { reportId: g.reportId });
    const request = mails(provider.org.contactEmail, new RegExp(`^Report due .*: ${title}$`));
    expect(request).toHaveLength(1);
    return { ...g, token: tokenIn(request[0]?.text ?? '') };
  }
  const status = async (reportId: string) => (await sys.deps.reports.getReport(reportId))?.report.status;
  const events = async (reportId: string) => (await sys.deps.platform.listEvents(subject(reportId))).map((e) => e.type);
  return { sys, lead, member, provider, outsider, c, today, grant, opened, mails, status, events };
}

const tokenIn = (text: string) => {
  const match = /https?:\/\/\S+\/r\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(text);
  if (!match) throw new Error(`no link in email: ${text}`);
  return match[1] as string;
};
const callback = (id: string) => ({ taskToken: `token-${id}`, executionName: `run-${id}` });
const problem = (page: LinkPage) => (page.kind === 'problem' ? { status: page.status, title: page.title, contact: page.contact } : page);

describe('reporting use cases (in memory)', () => {
  it('each period gets one deterministic opening schedule (09:00 London at the period end); repeating creates none; the cycle starts once', async () => {
    const { sys, grant } = await setup();
    const { grantId, reports, reportId } = await grant('Quarterly grant', 0, { reporting: { frequency: 'quarterly', template: 'light' } });
    expect(reports).toHaveLength(4);
    expect(await scheduleReportPeriods(sys.deps, { grantId })).toEqual({ reports: 4, schedulesCreated: 4 });
    for (const r of reports) {
      expect(sys.outside.schedules.get(`report-${r.id}-open`)).toEqual({
        name: `report-${r.id}-open`,
        at: londonTime(r.periodEnd, '09:00'),
        target: OPEN_PERIOD_FUNCTION,
        input: { kind: 'report-open', reportId: r.id },
      });
    }
    expect(sys.outside.schedules.get(`report-${reportId}-open`)?.at.toISOString()).toBe('2026-06-30T08:00:00.000Z');
    expect(await scheduleReportPeriods(sys.deps, { grantId })).toEqual({ reports: 4, schedulesCreated: 0 });
    // A one-off report due in 20 days would have opened 28 days before: it opens a minute from now.
    const soon = await grant('Soon grant', 20);
    await scheduleReportPeriods(sys.deps, { grantId: soon.grantId });
    expect(sys.outside.schedules.get(`report-${soon.reportId}-open`)?.at).toEqual(new Date(sys.clock.now().getTime() + 60_000));
    expect(await startReportCycle(sys.deps, reportId)).toEqual({ started: true });
    expect(await startReportCycle(sys.deps, reportId)).toEqual({ started: false });
    expect(sys.outside.started.get(`report-${reportId}`)).toEqual({ workflowId: 'reporting-cycle', input: { reportId } });
  });

  it('opening moves scheduled → requested with one report.opened event and emails one link, however often retried; it returns the timers', async () => {
    const { sys, grant, provider, mails, status, events } = await setup();
    const { reportId } = await grant('Open grant', 30);
    const first = await openReport(sys.deps, { reportId });
    expect(await status(reportId)).toBe('requested');
    expect(first).toEqual({
      dueAt: '2026-05-01T23:00:00.000Z',
      veryLateAt: '2026-05-22T08:00:00.000Z',
      secondsUntilDue: (Date.parse('2026-05-01T23:00:00.000Z') - sys.clock.now().getTime()) / 1000,
      secondsUntilVeryLate: (Date.parse('2026-05-22T08:00:00.000Z') - sys.clock.now().getTime()) / 1000,
    });
    await openReport(sys.deps, { reportId });
    await openReport(sys.deps, { reportId });
    const request = mails(provider.org.contactEmail, /^Report due .*: Open grant$/);
    expect(request).toHaveLength(1);
    expect(request[0]?.text).toContain('No account or password is needed');
    const link = await sys.deps.platform.getLink(hashLinkToken(tokenIn(request[0]?.text ?? '')));
    expect(link).toMatchObject({ status: 'active', scope: { kind: 'report', reportId } });
    expect(await events(reportId)).toEqual(['report.opened']);
  });

  it('the link: GET twice changes nothing; a draft saves without consuming; mistakes come back as 422 and write nothing', async () => {
    const { sys, opened, status } = await setup();
    const { reportId, token } = await opened('Draft grant');
    const before = sys.table.size;
    const views = [await providerLinks.view(sys.deps, token), await providerLinks.view(sys.deps, token)];
    for (const v of views)
      expect(v).toMatchObject({ kind: 'form', status: 200, model: { grantTitle: 'Draft grant', report: { status: 'requested' } } });
    expect(sys.table.size).toBe(before);
    const draft = { scope: reportId, action: 'save', 'measures.groups-supported': '9', 'questions.difference': 'Half done' };
    const saved = await providerLinks.post(sys.deps, token, draft);
    expect(saved).toMatchObject({ kind: 'form', status: 200, model: { notice: expect.stringContaining('Draft saved') } });
    expect(await providerLinks.view(sys.deps, token)).toMatchObject({
      model: {
        values: { measures: { 'groups-supported': '9' }, questions: { difference: 'Half done' } },
        // 09:00 UTC on 1 April 2026 is 10am BST.
        notice: 'Draft saved at 10am on 1 April 2026',
      },
    });
    expect((await sys.deps.platform.getLink(hashLinkToken(token)))?.status).toBe('active');
    const afterDraft = sys.table.size;
    const mistakes = { ...lightAnswers(reportId), 'measures.groups-supported': 'lots', 'questions.next': ' ' };
    const wrong = await providerLinks.post(sys.deps, token, mistakes);
    expect(wrong).toMatchObject({ kind: 'form', status: 422 });
    const issues = wrong.kind === 'form' ? wrong.model.errors : [];
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ['measures.groups-supported', 'valid-number'],
      ['questions.next', 'required'],
    ]);
    expect(sys.table.size).toBe(afterDraft);
    expect(await status(reportId)).toBe('requested');
    expect((await sys.deps.platform.getLink(hashLinkToken(token)))?.status).toBe('active');
  });

  it('a submission is taken once and resumes the parked token; the same link again is 410 and writes nothing', async () => {
    const { sys, opened, lead, status, events } = await setup();
    const { reportId, token } = await opened('Submit grant');
    expect(await awaitSubmission(sys.deps, { reportId, ...callback('sub') })).toEqual({ waiting: true });
    sys.advanceDays(1);
    expect(await providerLinks.post(sys.deps, token, lightAnswers(reportId))).toMatchObject({
      kind: 'done',
      title: 'Thank you: your report has been sent',
    });
    expect(sys.outside.tokens.get('token-sub')).toEqual({ output: { submitted: 1 } });
    const found = await sys.deps.reports.getReport(reportId);
    expect(found?.report).toMatchObject({ status: 'submitted', submissions: 1 });
    expect(found?.submissions).toEqual([
      expect.objectContaining({ n: 1, via: 'link', measures: { 'groups-supported': 14, 'funding-secured': 1_250_050 } }),
    ]);
    const before = sys.table.size;
    const used = { status: 410, title: 'This link has already been used', contact: { name: lead.org.name, email: lead.org.contactEmail } };
    expect(problem(await providerLinks.post(sys.deps, token, lightAnswers(reportId)))).toEqual(used);
    expect(problem(await providerLinks.view(sys.deps, token))).toEqual(used);
    expect(sys.table.size).toBe(before);
    expect((await sys.deps.reports.getReport(reportId))?.submissions).toHaveLength(1);
    expect(await events(reportId)).toEqual(['report.opened', 'report.submitted']);
    // A workflow that parks its token after the submission arrived is resumed at once.
    await awaitSubmission(sys.deps, { reportId, ...callback('late-park') });
    expect(sys.outside.tokens.get('token-late-park')).toEqual({ output: { submitted: 1 } });
    expect(await status(reportId)).toBe('submitted');
  });

  it('another report’s form, unknown and malformed tokens, and a submission through an expired link are refused, writing nothing', async () => {
    const { sys, opened, status } = await setup();
    const bravo = await opened('Bravo grant', 27);
    const charlie = await opened('Charlie grant');
    const before = sys.table.size;
    const crossed = await providerLinks.post(sys.deps, bravo.token, lightAnswers(charlie.reportId));
    expect(problem(crossed)).toMatchObject({ status: 409, title: 'This link belongs to a different form' });
    const tampered = `${bravo.token.slice(0, -1)}${bravo.token.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [tampered, 'x'.repeat(43), 'short', `${bravo.token}x`, '']) {
      const pages = [await providerLinks.view(sys.deps, token), await providerLinks.post(sys.deps, token, lightAnswers(bravo.reportId))];
      for (const page of pages) expect(problem(page)).toEqual({ status: 404, title: 'This link is not recognised', contact: undefined });
    }
    sys.advanceDays(27 + 61); // links stay valid 60 days after the due date
    expect(await providerLinks.post(sys.deps, bravo.token, lightAnswers(bravo.reportId))).not.toMatchObject({ kind: 'done' });
    expect(sys.table.size).toBe(before);
    expect((await sys.deps.reports.getReport(bravo.reportId))?.submissions).toHaveLength(0);
    for (const r of [bravo, charlie]) expect(await status(r.reportId)).toBe('requested');
  });

  it('an expired link is 410 on GET and POST, names the lead to ask, and saves no draft', async () => {
    const { sys, opened, lead } = await setup();
    const { reportId, token } = await opened('Expired grant', 27);
    sys.advanceDays(27 + 61);
    const before = sys.table.size;
    const expired = { status: 410, title: 'This link has expired', contact: { name: lead.org.name, email: lead.org.contactEmail } };
    const late = { scope: reportId, action: 'save', 'questions.next': 'Late' };
    expect(problem(await providerLinks.post(sys.deps, token, late))).toEqual(expired);
    expect(problem(await providerLinks.view(sys.deps, token))).toEqual(expired);
    expect(problem(await providerLinks.post(sys.deps, token, lightAnswers(reportId)))).toEqual(expired);
    expect(sys.table.size).toBe(before);
  });

  it('review: only the lead, changes need comments, accept resumes the review token; a second review after the step moved on is a conflict', async () => {
    const { sys, opened, lead, member, mails } = await setup();
    const { reportId, token } = await opened('Review grant');
    await providerLinks.post(sys.deps, token, lightAnswers(reportId));
    await awaitReview(sys.deps, { reportId, ...callback('review') });
    await awaitReview(sys.deps, { reportId, ...callback('review') });
    expect(mails(lead.org.contactEmail, /^Report to review: Wyvern Voluntary Action, Review grant$/)).toHaveLength(1);
    await expect(review(sys.deps, member.caller, reportId, { decision: 'accept' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(review(sys.deps, lead.caller, reportId, { decision: 'request-changes', comments: '  ' })).rejects.toMatchObject({
      kind: 'validation',
      issues: [expect.objectContaining({ field: 'comments', rule: 'required-for-changes' })],
    });
    expect(await review(sys.deps, lead.caller, reportId, { decision: 'accept' })).toEqual({ reportId, decision: 'accept', review: 1 });
    expect(sys.outside.tokens.get('token-review')).toEqual({ output: { decision: 'accept', comments: '' } });
    await acceptReport(sys.deps, { reportId });
    await expect(review(sys.deps, lead.caller, reportId, { decision: 'accept' })).rejects.toMatchObject({
      kind: 'conflict',
      details: { rule: 'review-once' },
    });
    expect((await sys.deps.reports.getReport(reportId))?.reviews).toHaveLength(1);
  });

  it('a second review of the same submission is a conflict even before the workflow moves on', async () => {
    const { sys, opened, lead } = await setup();
    const { reportId, token } = await opened('Twice grant');
    await providerLinks.post(sys.deps, token, lightAnswers(reportId));
    await review(sys.deps, lead.caller, reportId, { decision: 'accept' });
    await expect(review(sys.deps, lead.caller, reportId, { decision: 'request-changes', comments: 'More' })).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it('a review made before the workflow reaches its review step resumes the step at once, and the funder is not asked again', async () => {
    const { sys, opened, lead, mails } = await setup();
    const { reportId, token } = await opened('Quick review grant');
    await providerLinks.post(sys.deps, token, lightAnswers(reportId));
    await review(sys.deps, lead.caller, reportId, { decision: 'request-changes', comments: 'One more figure, please.' });
    expect(await awaitReview(sys.deps, { reportId, ...callback('late-step') })).toEqual({ waiting: false });
    expect(sys.outside.tokens.get('token-late-step')).toEqual({
      output: { decision: 'request-changes', comments: 'One more figure, please.' },
    });
    expect(mails(lead.org.contactEmail, /^Report to review: /)).toHaveLength(0);
  });

  it('changes requested: a new link goes out with the comments, the first stays spent, and the resubmission resumes the next wait', async () => {
    const { sys, opened, lead, provider, mails, status } = await setup();
    const { reportId, token } = await opened('Changes grant');
    await providerLinks.post(sys.deps, token, lightAnswers(reportId));
    await awaitReview(sys.deps, { reportId, ...callback('review') });
    const comments = 'Please say how many groups were new to you.';
    await review(sys.deps, lead.caller, reportId, { decision: 'request-changes', comments: `  ${comments} ` });
    expect(await requestChanges(sys.deps, { reportId })).toEqual({ secondsToResubmit: 14 * 86400 });
    await requestChanges(sys.deps, { reportId });
    expect(await status(reportId)).toBe('changes-requested');
    const changes = mails(provider.org.contactEmail, /^Changes requested: Report for Changes grant$/);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.text).toContain(comments);
    const second = tokenIn(changes[0]?.text ?? '');
    expect(second).not.toBe(token);
    expect(problem(await providerLinks.view(sys.deps, token))).toMatchObject({ status: 410, title: 'This link has already been used' });
    expect(await providerLinks.view(sys.deps, second)).toMatchObject({ model: { comments, report: { status: 'changes-requested' } } });
    await awaitSubmission(sys.deps, { reportId, ...callback('resubmit') });
    expect(await providerLinks.post(sys.deps, second, lightAnswers(reportId))).toMatchObject({ kind: 'done' });
    expect(sys.outside.tokens.get('token-resubmit')).toEqual({ output: { submitted: 2 } });
    expect((await sys.deps.reports.getReport(reportId))?.report).toMatchObject({ status: 'submitted', submissions: 2 });
  });

  it('acceptance thanks the provider once and nudges the grant’s parked tranche, which is then ready', async () => {
    const { sys, opened, lead, provider, today, mails, status, events } = await setup();
    const { grantId, reportId, token } = await opened('Tranche grant', 30, {
      tranches: [{ amount: 500_000, dueDate: today, reportIndex: 0 }],
    });
    await awaitTranche(sys.deps, { grantId, ...callback('tranche') });
    expect(sys.outside.tokens.has('token-tranche')).toBe(false);
    expect((await nextTranche(sys.deps, { grantId })).ready).toBe(false);
    await providerLinks.post(sys.deps, token, lightAnswers(reportId));
    await review(sys.deps, lead.caller, reportId, { decision: 'accept' });
    expect(await acceptReport(sys.deps, { reportId })).toEqual({ status: 'accepted' });
    await acceptReport(sys.deps, { reportId });
    expect(await status(reportId)).toBe('accepted');
    expect(mails(provider.org.contactEmail, /^Report accepted: Tranche grant$/)).toHaveLength(1);
    expect(sys.outside.tokens.get('token-tranche')).toEqual({ output: { nudged: true } });
    expect((await nextTranche(sys.deps, { grantId })).ready).toBe(true);
    expect((await events(reportId)).filter((e) => e === 'report.accepted')).toHaveLength(1);
  });

  it('acceptance of a report whose tranche is not due yet leaves the grant workflow asleep (its timer is set for that date)', async () => {
    const { sys, opened, lead, today } = await setup();
    const { grantId, reportId, token } = await opened('Untied grant', 30, {
      tranches: [{ amount: 500_000, dueDate: addDays(today, 90), reportIndex: 0 }],
    });
    await awaitTranche(sys.deps, { grantId, ...callback('untied') });
    await providerLinks.post(sys.deps, token, lightAnswers(reportId));
    await review(sys.deps, lead.caller, reportId, { decision: 'accept' });
    expect(await acceptReport(sys.deps, { reportId })).toEqual({ status: 'accepted' });
    expect(sys.outside.tokens.has('token-untied')).toBe(false);
    expect(await sys.deps.platform.getWaitingTask(`grant#${grantId}`, 'tranche-ready')).toMatchObject({ taskToken: 'token-untied' });
  });

  it('markReport: overdue, very late (the funder told once) and not submitted, each only from the statuses that allow it', async () => {
    const { sys, grant, lead, mails, status, events } = await setup();
    const { reportId } = await grant('Silent grant', 30);
    expect(await markReport(sys.deps, { reportId, status: 'overdue' })).toMatchObject({ status: 'scheduled', escalated: false });
    await openReport(sys.deps, { reportId });
    sys.advanceDays(31);
    const overdue = await markReport(sys.deps, { reportId, status: 'overdue' });
    expect(overdue).toMatchObject({ status: 'overdue', escalated: false });
    expect(overdue.secondsUntilNext).toBe((Date.parse('2026-05-22T08:00:00.000Z') - sys.clock.now().getTime()) / 1000);
    expect(await markReport(sys.deps, { reportId, status: 'overdue' })).toMatchObject({ status: 'overdue' });
    sys.advanceDays(21);
    const veryLate = await markReport(sys.deps, { reportId, status: 'very-late' });
    expect(veryLate).toEqual({ status: 'very-late', escalated: true, secondsUntilNext: 60 * 86400 });
    expect(await markReport(sys.deps, { reportId, status: 'very-late' })).toMatchObject({ status: 'very-late', escalated: false });
    expect(mails(lead.org.contactEmail, /^Very late report: Wyvern Voluntary Action, Silent grant$/)).toHaveLength(1);
    sys.advanceDays(60);
    expect(await markReport(sys.deps, { reportId, status: 'not-submitted' })).toMatchObject({ status: 'not-submitted' });
    expect(await markReport(sys.deps, { reportId, status: 'overdue' })).toMatchObject({ status: 'not-submitted' });
    expect(await status(reportId)).toBe('not-submitted');
    expect(await events(reportId)).toEqual(['report.opened', 'report.overdue', 'report.very-late', 'report.not-submitted']);
  });

  it('reminders are scheduled at 09:00 London time (BST or GMT) for each future offset; each is sent once, and none after submission', async () => {
    const { sys, grant, opened, provider, mails } = await setup();
    // Due 5 November: the clocks go back on 25 October, between the -14 and -3 reminders.
    const autumn = await grant('Autumn grant', 218);
    expect((await sys.deps.reports.getReport(autumn.reportId))?.report.dueDate).toBe('2026-11-05');
    expect(await scheduleReminders(sys.deps, { reportId: autumn.reportId })).toEqual({ schedulesCreated: 4 });
    expect(await scheduleReminders(sys.deps, { reportId: autumn.reportId })).toEqual({ schedulesCreated: 0 });
    const at = (suffix: string) => sys.outside.schedules.get(`report-${autumn.reportId}-reminder-${suffix}`);
    expect(at('m14')).toMatchObject({ at: new Date('2026-10-22T08:00:00Z'), target: REMINDER_FUNCTION });
    expect(at('m14')?.input).toEqual({ kind: 'report-reminder', reportId: autumn.reportId, offsetDays: -14 });
    expect([at('m3')?.at, at('p0')?.at, at('p7')?.at]).toEqual([
      new Date('2026-11-02T09:00:00Z'),
      new Date('2026-11-05T09:00:00Z'),
      new Date('2026-11-12T09:00:00Z'),
    ]);
    // Due in 10 days: the -14 reminder is already past and is not scheduled.
    const soon = await grant('Soon grant', 10);
    expect(await scheduleReminders(sys.deps, { reportId: soon.reportId })).toEqual({ schedulesCreated: 3 });
    expect(sys.outside.schedules.has(`report-${soon.reportId}-reminder-m14`)).toBe(false);
    expect((await sendReminder(sys.deps, { reportId: soon.reportId, offsetDays: -3 })).reason).toBe('report is scheduled');
    const { reportId, token } = await opened('Reminded grant', 30);
    expect(await sendReminder(sys.deps, { reportId, offsetDays: -14 })).toEqual({ sent: true, reason: 'reminded' });
    expect(await sendReminder(sys.deps, { reportId, offsetDays: -14 })).toEqual({ sent: false, reason: 'already sent' });
    const reminders = mails(provider.org.contactEmail, /^(Reminder|Overdue): .*Reminded grant$/);
    expect(reminders.map((e) => e.subject)).toEqual(['Reminder: report due in 14 days for Reminded grant']);
    expect(await providerLinks.view(sys.deps, tokenIn(reminders[0]?.text ?? ''))).toMatchObject({ kind: 'form', status: 200 });
    await providerLinks.post(sys.deps, token, lightAnswers(reportId));
    expect(await sendReminder(sys.deps, { reportId, offsetDays: 7 })).toEqual({ sent: false, reason: 'report is submitted' });
    expect((await sys.deps.reports.getReport(reportId))?.report.remindersSent).toBe(1);
    expect((await sys.deps.platform.listEvents(subject(reportId))).filter((e) => e.type === 'report.reminder-sent')).toHaveLength(1);
  });

  it('reportsByStatus lists from the status index by due date; reportDetail hides drafts; both are not-found to outsiders', async () => {
    const { sys, c, opened, member, outsider } = await setup();
    const later = await opened('Later grant', 40);
    const sooner = await opened('Sooner grant', 30);
    const requested = await reportsByStatus(sys.deps, member.caller, c.id, 'requested');
    expect(requested).toMatchObject({ consortiumId: c.id, status: 'requested', count: 2 });
    expect(requested.reports.map((r) => r.id)).toEqual([sooner.reportId, later.reportId]);
    await providerLinks.post(sys.deps, later.token, { scope: later.reportId, action: 'save', 'questions.difference': 'Private draft' });
    await providerLinks.post(sys.deps, sooner.token, lightAnswers(sooner.reportId));
    expect((await reportsByStatus(sys.deps, member.caller, c.id, 'requested')).reports.map((r) => r.id)).toEqual([later.reportId]);
    expect((await reportsByStatus(sys.deps, member.caller, c.id, 'submitted')).reports.map((r) => r.id)).toEqual([sooner.reportId]);
    const detail = await reportDetail(sys.deps, member.caller, later.reportId);
    expect(detail).not.toHaveProperty('draft');
    expect(JSON.stringify(detail)).not.toContain('Private draft');
    expect(detail).toMatchObject({ report: { id: later.reportId }, template: { id: 'light' }, submissions: [] });
    expect((await reportDetail(sys.deps, member.caller, sooner.reportId)).submissions).toHaveLength(1);
    await expect(reportDetail(sys.deps, outsider.caller, sooner.reportId)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(reportsByStatus(sys.deps, outsider.caller, c.id, 'submitted')).rejects.toMatchObject({ kind: 'not-found' });
  });
});
