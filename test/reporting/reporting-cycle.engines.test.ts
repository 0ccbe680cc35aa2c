import { describe, expect, it } from 'vitest';
import { openLink, postLink, scopeOf } from '../../infra/local/mailbox-links';
import { award, grant, grantFixture, inDays, lightAnswers, linkIn, mail, plan, report } from '../support/grant';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });

const advance = (days: number) => stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + days * DAY));
const execution = (name: string) => stack.runtime.sfn.list().find((e) => e.name === name);
const states = (name: string) =>
  execution(name)
    ?.history.filter((h) => h.type === 'StateEntered')
    .map((h) => h.state);
const oneOff = (dueInDays: number) => ({ frequency: 'one-off', template: 'light', dueDate: inDays(stack, dueInDays) });

/** A grant of its tranches' total (one tranche of £5,000 today unless given), planned with one light report due in `dueInDays`. */
async function grantWithReport(
  title: string,
  dueInDays: number,
  tranches: { amount: number; dueDate: string; reportIndex?: number }[] = [{ amount: 500_000, dueDate: inDays(stack, 0) }],
  durationMonths = 12,
) {
  const g = await award(
    f,
    title,
    tranches.reduce((sum, t) => sum + t.amount, 0),
    durationMonths,
  );
  const p = await plan(f, g.id, { tranches, reporting: oneOff(dueInDays) });
  return { grantId: g.id, reportId: (p.reports[0] as { id: string }).id };
}

/** The lead accepts the report: its workflow, settled, went through `before` and then a last review to Accept. */
async function acceptReport(reportId: string, before: string[]) {
  await stack.api.call(f.lead.admin, 'POST', `/reports/${reportId}/review`, { decision: 'accept' });
  await stack.runtime.settle();
  expect(states(`report-${reportId}`)).toEqual([...before, 'AwaitReview', 'ReviewDecision', 'Accept']);
}

describe('reporting cycle (workflows/reporting-cycle.asl.json, run locally)', () => {
  it('on time: the request goes out four weeks before the due date; an early submission gets no reminders, and acceptance releases the tranche waiting on it', async () => {
    const { grantId, reportId } = await grantWithReport('On-time grant', 40, [
      { amount: 200_000, dueDate: inDays(stack, 0) },
      { amount: 300_000, dueDate: inDays(stack, 1), reportIndex: 0 },
    ]);
    await advance(13); // opens at due − 28 = day 12
    const [request] = await mail(f, f.recipient.contactEmail, /^Report due .*: On-time grant$/);
    expect(request).toBeDefined();
    const url = linkIn(request as { body: { text?: string } });
    const page = await openLink(url);
    expect(page.status).toBe(200);
    expect((await grant(f, grantId)).tranches.map((t) => t.status)).toEqual(['released', 'scheduled']);
    const sent = await postLink(url, lightAnswers(scopeOf(page.html)));
    expect(sent.status).toBe(200);
    expect(sent.html).toContain('Thank you: your report has been sent');
    await stack.runtime.settle();
    expect((await report(f, reportId)).report.status).toBe('submitted');
    expect((await stack.request('POST', `/reports/${reportId}/review`, { as: f.lead.admin, body: { decision: 'accept' } })).status).toBe(
      202,
    );
    await stack.runtime.settle();
    await advance(30); // past every reminder date
    expect((await report(f, reportId)).report).toMatchObject({ status: 'accepted', remindersSent: 0 });
    expect(await mail(f, f.recipient.contactEmail, /^(Reminder|Overdue): .*On-time grant$/)).toHaveLength(0);
    expect(await mail(f, f.recipient.contactEmail, /^Report accepted: On-time grant$/)).toHaveLength(1);
    expect(states(`report-${reportId}`)).toEqual(['OpenPeriod', 'AwaitSubmission', 'AwaitReview', 'ReviewDecision', 'Accept']);
    expect((await grant(f, grantId)).tranches.map((t) => t.status)).toEqual(['released', 'released']);
  });

  it('late after reminders: three reminders before it, overdue at the due date, no escalation, then accepted', async () => {
    const { reportId } = await grantWithReport('Late grant', 30);
    await advance(32); // due day 30 → overdue; reminders on days 16, 27, 30
    expect((await report(f, reportId)).report).toMatchObject({ status: 'overdue', remindersSent: 3 });
    const reminders = await mail(f, f.recipient.contactEmail, /^(Reminder|Overdue): report .* for Late grant$/);
    expect(reminders.map((e) => e.subject)).toEqual([
      'Reminder: report due in 14 days for Late grant',
      'Reminder: report due in 3 days for Late grant',
      'Reminder: report due today for Late grant',
    ]);
    // The most recent reminder's link works, like any other.
    const url = linkIn(reminders.at(-1) as { body: { text?: string } });
    const page = await openLink(url);
    expect((await postLink(url, lightAnswers(scopeOf(page.html)))).status).toBe(200);
    await stack.runtime.settle();
    await advance(10); // the +7 reminder fires after the submission and sends nothing
    expect((await report(f, reportId)).report).toMatchObject({ status: 'submitted', remindersSent: 3 });
    expect(await mail(f, f.lead.org.contactEmail, /^Very late report: .*Late grant$/)).toHaveLength(0);
    await acceptReport(reportId, ['OpenPeriod', 'AwaitSubmission', 'MarkOverdue', 'AwaitLateSubmission']);
  });

  it('changes requested, then accepted: a new link goes out with the comments; the first link is spent', async () => {
    const { reportId } = await grantWithReport('Changes grant', 35);
    await advance(8);
    const first = linkIn((await mail(f, f.recipient.contactEmail, /^Report due .*: Changes grant$/))[0] as { body: { text?: string } });
    const page = await openLink(first);
    await postLink(first, lightAnswers(scopeOf(page.html)));
    await stack.runtime.settle();
    const noComments = await stack.request('POST', `/reports/${reportId}/review`, {
      as: f.lead.admin,
      body: { decision: 'request-changes' },
    });
    expect(noComments.status).toBe(400);
    await stack.api.call(f.lead.admin, 'POST', `/reports/${reportId}/review`, {
      decision: 'request-changes',
      comments: 'Please say how many groups were new to you.',
    });
    await stack.runtime.settle();
    expect((await report(f, reportId)).report.status).toBe('changes-requested');
    const [changes] = await mail(f, f.recipient.contactEmail, /^Changes requested: .* for Changes grant$/);
    expect(changes?.body.text).toContain('Please say how many groups were new to you.');
    expect((await openLink(first)).status).toBe(410);
    const second = linkIn(changes as { body: { text?: string } });
    const again = await openLink(second);
    expect(again.html).toContain('Please say how many groups were new to you.');
    expect((await postLink(second, lightAnswers(scopeOf(again.html)))).status).toBe(200);
    await stack.runtime.settle();
    await acceptReport(reportId, ['OpenPeriod', 'AwaitSubmission', 'AwaitReview', 'ReviewDecision', 'RequestChanges', 'AwaitResubmission']);
    const done = await report(f, reportId);
    expect(done.report).toMatchObject({ status: 'accepted', submissions: 2 });
  });

  it('never submitted: four reminders as configured, the funder told once when very late, then marked not submitted', async () => {
    const { reportId } = await grantWithReport('Silent grant', 30);
    await advance(30 + 22); // very late 21 days after the due date
    expect((await report(f, reportId)).report).toMatchObject({ status: 'very-late', remindersSent: 4 });
    const [veryLate] = await mail(f, f.lead.org.contactEmail, /^Very late report: .*Silent grant$/);
    // Emails to staff link to the page where they act.
    expect(veryLate?.body.text).toContain(`${stack.runtime.apiUrl}/app/reports/${reportId}`);
    // A reminder delivered twice (Scheduler is at-least-once) sends one email.
    await stack.runtime.lambdas.invoke('sendReportReminder', { kind: 'report-reminder', reportId, offsetDays: 7 });
    expect(await mail(f, f.recipient.contactEmail, /^Overdue: report 7 days overdue for Silent grant$/)).toHaveLength(1);
    await advance(61);
    expect((await report(f, reportId)).report.status).toBe('not-submitted');
    expect(await mail(f, f.recipient.contactEmail, /^(Reminder|Overdue): .*Silent grant$/)).toHaveLength(4);
    expect(await mail(f, f.lead.org.contactEmail, /^Very late report: .*Silent grant$/)).toHaveLength(1);
    expect(states(`report-${reportId}`)).toEqual([
      'OpenPeriod',
      'AwaitSubmission',
      'MarkOverdue',
      'AwaitLateSubmission',
      'MarkVeryLate',
      'AwaitVeryLateSubmission',
      'MarkNotSubmitted',
    ]);
    const overdue = await stack.api.call<{ count: number }>(
      f.lead.admin,
      'GET',
      `/consortia/${f.consortiumId}/reports?status=not-submitted`,
    );
    expect(overdue.count).toBeGreaterThanOrEqual(1);
  });
});

describe('grant workflow (workflows/grant.asl.json, run locally)', () => {
  it('a tranche is held while its condition is open, and released once evidence is accepted as met', async () => {
    const g = await award(f, 'Conditional grant', 600_000);
    await plan(f, g.id, {
      conditions: [{ description: 'A safeguarding policy adopted by the trustees', kind: 'before-first-payment' }],
      tranches: [
        { amount: 300_000, dueDate: inDays(stack, 2) },
        { amount: 300_000, dueDate: inDays(stack, 5) },
      ],
      reporting: oneOff(60),
    });
    const [ask] = await mail(f, f.recipient.contactEmail, /^Evidence needed before payment: Conditional grant$/);
    await advance(6);
    let now = await grant(f, g.id);
    expect(now.tranches.map((t) => t.status)).toEqual(['scheduled', 'scheduled']);
    expect(now.tranches[0]?.blockedByConditionsAt).toBeDefined();
    const url = linkIn(ask as { body: { text?: string } });
    const page = await openLink(url);
    expect(page.html).toContain('A safeguarding policy adopted by the trustees');
    const sent = await postLink(url, {
      scope: scopeOf(page.html),
      text: 'Adopted at the trustees meeting on 3 May',
      url: 'https://wva.example.org/safeguarding',
    });
    expect(sent.status).toBe(200);
    await stack.runtime.settle();
    const [received] = await mail(f, f.lead.org.contactEmail, /^Evidence received: .*Conditional grant$/);
    expect(received?.body.text).toContain(`${stack.runtime.apiUrl}/app/grants/${g.id}`);
    expect((await grant(f, g.id)).conditions[0]?.status).toBe('evidence-submitted');
    await stack.api.call(f.lead.admin, 'POST', `/grants/${g.id}/conditions/C1/decision`, { outcome: 'met' });
    await stack.runtime.settle();
    now = await grant(f, g.id);
    expect(now.tranches.map((t) => t.status)).toEqual(['released', 'released']);
    expect(now.status).toBe('active');
    expect(execution(`grant-${g.id}`)?.status).toBe('SUCCEEDED');
  });

  it('a waived condition needs a reason, then frees its tranche; a retried release pays nothing twice', async () => {
    const g = await award(f, 'Waived grant', 400_000);
    await plan(f, g.id, {
      conditions: [{ description: 'Audited accounts for last year', kind: 'before-tranche', trancheIndex: 1 }],
      tranches: [
        { amount: 100_000, dueDate: inDays(stack, 1) },
        { amount: 300_000, dueDate: inDays(stack, 3) },
      ],
      reporting: oneOff(60),
    });
    await advance(4);
    expect((await grant(f, g.id)).tranches.map((t) => t.status)).toEqual(['released', 'scheduled']);
    const noReason = await stack.request('POST', `/grants/${g.id}/conditions/C1/decision`, {
      as: f.lead.admin,
      body: { outcome: 'waived' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toContainEqual(expect.objectContaining({ field: 'reason', rule: 'reason-required' }));
    await stack.api.call(f.lead.admin, 'POST', `/grants/${g.id}/conditions/C1/decision`, {
      outcome: 'waived',
      reason: 'Independent examination accepted for a charity of this size',
    });
    await stack.runtime.settle();
    expect((await grant(f, g.id)).tranches.map((t) => t.status)).toEqual(['released', 'released']);
    const paidBefore = (await stack.api.call<{ paid: number }>(f.lead.admin, 'GET', `/pools/${f.poolId}`)).paid;
    // The step that pays, run again as a retry would: it finds both tranches paid and pays nothing.
    const again = (await stack.runtime.lambdas.invoke('nextTranche', { grantId: g.id })) as { done: boolean; paid: number[] };
    expect(again).toMatchObject({ done: true, paid: [] });
    expect((await stack.api.call<{ paid: number }>(f.lead.admin, 'GET', `/pools/${f.poolId}`)).paid).toBe(paidBefore);
    // Each tranche was paid exactly once; the waits between were re-checks.
    const items = (await stack.tableText()).split('\n').flatMap((page) => JSON.parse(page) as Record<string, { S?: string }>[]);
    const payments = items.filter((i) => i.entity?.S === 'event' && i.type?.S === 'payment.made' && i.subject?.S === `grant#${g.id}`);
    expect(payments).toHaveLength(2);
    expect(states(`grant-${g.id}`)?.at(-1)).toBe('AllReleased');
  });

  it("the consortium's own reporting policy decides how much a grant reports", async () => {
    const policy = {
      thresholdPence: 100_000,
      small: { frequency: 'annual', template: 'light' },
      large: { frequency: 'six-monthly', template: 'full' },
      dueDaysAfterPeriodEnd: 21,
      reminderOffsetsDays: [-7, 0],
      veryLateAfterDays: 14,
    };
    const bad = await stack.request('PUT', `/consortia/${f.consortiumId}/reporting-policy`, {
      as: f.lead.admin,
      body: { ...policy, reminderOffsetsDays: [-7, 20] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toContainEqual(expect.objectContaining({ field: 'reminderOffsetsDays', rule: 'before-very-late' }));
    expect((await stack.request('PUT', `/consortia/${f.consortiumId}/reporting-policy`, { as: f.lead.admin, body: policy })).status).toBe(
      200,
    );
    const g = await award(f, 'Six-monthly grant', 500_000);
    const p = await plan(f, g.id, { tranches: [{ amount: 500_000, dueDate: inDays(stack, 1) }] });
    expect(p.reports.map((r) => (r as unknown as { templateId: string; label: string }).label)).toEqual([
      expect.stringMatching(/^Six-monthly report 1/),
      expect.stringMatching(/^Six-monthly report 2/),
    ]);
    expect(p.reports.every((r) => (r as unknown as { templateId: string }).templateId === 'full')).toBe(true);
  });

  it('an amount amendment: a raise draws more from the pool, a cut hands unpaid money back; tranches follow and the history is kept', async () => {
    const { grantId } = await grantWithReport('Amended grant', 60, [
      { amount: 100_000, dueDate: inDays(stack, 0) },
      { amount: 300_000, dueDate: inDays(stack, 30) },
    ]);
    await advance(1);
    const committed = async () =>
      (await stack.api.call<{ committed: number; available: number }>(f.lead.admin, 'GET', `/pools/${f.poolId}`)).committed;
    const before = await committed();
    const amend = (amount: number) =>
      stack.request('POST', `/grants/${grantId}/amendments`, {
        as: f.lead.admin,
        body: { kind: 'amount', amount, currency: 'GBP', reason: 'panel decision' },
      });
    expect((await amend(500_000)).status).toBe(201);
    let now = await stack.api.call<{
      amount: number;
      funders: { amount: number }[];
      tranches: { amount: number; status: string }[];
      amendments: { kind: string }[];
    }>(f.lead.admin, 'GET', `/grants/${grantId}`);
    expect(now.amount).toBe(500_000);
    expect(now.funders.reduce((a, s) => a + s.amount, 0)).toBe(500_000);
    expect(now.tranches.map((t) => [t.amount, t.status])).toEqual([
      [100_000, 'released'],
      [400_000, 'scheduled'],
    ]);
    expect(await committed()).toBe(before + 100_000);
    expect((await amend(100_000)).status).toBe(201);
    now = await stack.api.call(f.lead.admin, 'GET', `/grants/${grantId}`);
    expect(now.tranches.map((t) => [t.amount, t.status])).toEqual([
      [100_000, 'released'],
      [0, 'cancelled'],
    ]);
    expect(now.funders.reduce((a, s) => a + s.amount, 0)).toBe(100_000);
    expect(await committed()).toBe(before - 300_000);
    const belowPaid = await amend(90_000);
    expect(belowPaid.status).toBe(409);
    expect(belowPaid.body).toMatchObject({ rule: 'unpaid-tranche' });
    expect(now.amendments.filter((a) => a.kind === 'amount')).toHaveLength(2);
    await advance(31);
    expect(execution(`grant-${grantId}`)?.status).toBe('SUCCEEDED');
    const { dynamoPools: dynamoPoolStore } = await import('../../shared/pools/dynamodb-store');
    const { reconcile } = await import('../../shared/pools/reconcile');
    const check = await reconcile(
      { pools: dynamoPoolStore },
      (await dynamoPoolStore.getPool(f.poolId)) as NonNullable<Awaited<ReturnType<typeof dynamoPoolStore.getPool>>>,
    );
    expect(check.problems).toEqual([]);
  });

  it('a grant that outlives a year hands over to a fresh execution before the limit, and the new one pays', async () => {
    // Two years long: its second tranche, after the first year, is within the grant's dates.
    const { grantId } = await grantWithReport(
      'Long grant',
      60,
      [
        { amount: 100_000, dueDate: inDays(stack, 0) },
        { amount: 100_000, dueDate: inDays(stack, 420) },
      ],
      24,
    );
    await advance(421);
    expect(states(`grant-${grantId}`)?.at(-1)).toBe('HandedOver');
    expect(execution(`grant-${grantId}`)?.status).toBe('SUCCEEDED');
    const first = execution(`grant-${grantId}`) as { startDate: string; stopDate?: string };
    expect((Date.parse(first.stopDate as string) - Date.parse(first.startDate)) / DAY).toBeLessThan(365);
    expect(states(`grant-${grantId}-g2`)?.at(-1)).toBe('AllReleased');
    expect((await grant(f, grantId)).tranches.map((t) => t.status)).toEqual(['released', 'released']);
  });

  it('tranches must add up to the grant; a plan is set once', async () => {
    const g = await award(f, 'Checked grant', 100_000);
    const bad = await stack.request('POST', `/grants/${g.id}/plan`, {
      as: f.lead.admin,
      body: { tranches: [{ amount: 99_999, dueDate: inDays(stack, 1) }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toContainEqual(expect.objectContaining({ field: 'tranches', rule: 'sum-to-grant' }));
    await plan(f, g.id, { tranches: [{ amount: 100_000, dueDate: inDays(stack, 1) }], reporting: oneOff(60) });
    const twice = await stack.request('POST', `/grants/${g.id}/plan`, {
      as: f.lead.admin,
      body: { tranches: [{ amount: 100_000, dueDate: inDays(stack, 1) }], reporting: oneOff(60) },
    });
    expect(twice.status).toBe(409);
  });
});
