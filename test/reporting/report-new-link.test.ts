import { describe, expect, it } from 'vitest';
import { openReport } from '../../shared/reporting/cycle';
import { subject } from '../../shared/reporting/events';
import { providerLinks } from '../../shared/reporting/links';
import { sendReplacedReportLink } from '../../shared/reporting/report-link-sent';
import { sendNewReportLink } from '../../shared/reporting/report-new-link';
import { lightAnswers } from '../support/grant';
import { memoryGrant, onlyNewestLinkSent } from '../support/memory-grant';

/**
 * Fast: "send a new link" for a report, on the in-memory adapters. Values typed by hand: the
 * memory clock starts on 1 April 2026; the one-off report is due 30 June 2026, and the time to
 * send it (so any link to it) ends 60 days later, on 29 August 2026.
 */
async function setup() {
  const g = await memoryGrant({
    conditions: [],
    tranches: [{ amount: 600_000, dueDate: '2026-05-01' }],
    reporting: { frequency: 'one-off', template: 'light', dueDate: '2026-06-30' },
  });
  const reportId = (g.planned.reports[0] as { id: string }).id;
  await openReport(g.d, { reportId });
  const replacements = async () =>
    (await g.d.platform.listEvents(subject(reportId)))
      .filter((e) => e.type === 'report.link-replaced')
      .map((e) => e.data as { reportId: string; linkGeneration: number })
      .sort((a, b) => a.linkGeneration - b.linkGeneration);
  const deliverLast = async () => sendReplacedReportLink(g.d, (await replacements()).at(-1) as never);
  return { ...g, reportId, replacements, deliverLast };
}

const tokenIn = (text = '') => /\/r\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] as string;

describe('send a new report link (in memory)', () => {
  it('replaces every earlier link; the new one opens the form with the draft kept, and says until when it works', async () => {
    const s = await setup();
    const first = tokenIn(s.emails()[0]?.text);
    await providerLinks.post(s.d, first, { scope: s.reportId, action: 'save', 'questions.next': 'Half written' });
    const sent = await sendNewReportLink(s.d, s.lead.caller, s.reportId);
    expect(sent).toEqual({
      reportId: s.reportId,
      sentTo: { name: 'Wyvern Voluntary Action', email: s.recipient.org.contactEmail },
      // 11:59pm on 29 August 2026 in London (BST).
      validUntil: '2026-08-29T22:59:00.000Z',
    });
    // The use case sends nothing itself; its follower does, once however often it runs.
    expect(s.emails()).toHaveLength(1);
    expect(await s.deliverLast()).toEqual({ sent: true });
    expect(await s.deliverLast()).toEqual({ sent: false });
    const email = s.emails().at(-1);
    expect(email?.subject).toBe('New link: Report for Community grant');
    expect(email?.text).toContain('This link works until 11:59pm on 29 August 2026.');
    expect(email?.text).toContain('anything you saved as a draft is kept');
    const replaced = { kind: 'problem', status: 410, title: 'This link has been replaced' };
    expect(await providerLinks.view(s.d, first)).toMatchObject(replaced);
    expect(await providerLinks.post(s.d, first, lightAnswers(s.reportId))).toMatchObject(replaced);
    const second = tokenIn(email?.text);
    expect(await providerLinks.view(s.d, second)).toMatchObject({
      kind: 'form',
      model: { values: { questions: { next: 'Half written' } } },
    });
    expect(await providerLinks.post(s.d, second, lightAnswers(s.reportId))).toMatchObject({ kind: 'done' });
    expect((await s.d.reports.getReport(s.reportId))?.report).toMatchObject({ status: 'submitted', submissions: 1, linkGeneration: 1 });
  });

  it('sends nothing for a generation already replaced again', async () => {
    const s = await setup();
    await onlyNewestLinkSent(
      s,
      () => sendNewReportLink(s.d, s.lead.caller, s.reportId),
      (replaced) => sendReplacedReportLink(s.d, replaced),
    );
  });

  it('refuses a member, a report already sent, and a report whose time to send has ended, in plain English', async () => {
    const s = await setup();
    await expect(sendNewReportLink(s.d, s.member.caller, s.reportId)).rejects.toMatchObject({ kind: 'forbidden' });
    // 30 August 2026: the day after the last day the report could be sent.
    s.sys.advanceDays(151);
    await expect(sendNewReportLink(s.d, s.lead.caller, s.reportId)).rejects.toMatchObject({
      kind: 'conflict',
      message: 'the time to send this report ended at 11:59pm on 29 August 2026',
    });
    const t = await setup();
    await providerLinks.post(t.d, tokenIn(t.emails()[0]?.text), lightAnswers(t.reportId));
    await expect(sendNewReportLink(t.d, t.lead.caller, t.reportId)).rejects.toMatchObject({
      kind: 'conflict',
      message: 'this report is submitted: there is nothing to send a link for',
    });
    expect([...s.emails(), ...t.emails()].filter((e) => e.subject.startsWith('New link'))).toEqual([]);
  });
});
