import { describe, expect, it } from 'vitest';
import { aboveThreshold, bid, fundedConsortium, getTender, linkTo, publishedTender, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * Assessment summaries (Procurement Act 2023, s.50(3)): two lots, three bidders. Each bidder is
 * emailed, before the contract award notice, its own scores with the panel's reasons beside the
 * winning tender's, and nothing of the other unsuccessful bidder: not its reasons, its scores or
 * its price. Every figure expected here is worked out by hand from the scores and prices below.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });

const bidders = {
  A: ['Ashdown Community Action', 'bids@ashdown.example.org'],
  B: ['Brookfield Volunteers', 'hello@brookfield.example.org'],
  C: ['Coldharbour CVS', 'office@coldharbour.example.org'],
} as const;
type Who = keyof typeof bidders;
// Lot 1 (worth £600,000): A £500,000, B £450,000, C £550,000. Lot 2 (£300,000): A £250,000, C £260,000.
const prices: Record<Who, Record<string, string>> = {
  A: { 'org-support': '500000', volunteering: '250000' },
  B: { 'org-support': '450000' },
  C: { 'org-support': '550000', volunteering: '260000' },
};
// Quality scores (local knowledge 50%, delivery 20%; price 30%), the same from both scorers.
const quality: Record<string, [number, number]> = { A1: [90, 85], B1: [60, 60], C1: [80, 95], A2: [50, 50], C2: [90, 90] };

describe('assessment summaries', () => {
  it('each bidder gets its own scores and the winner’s with the reasons, nothing of the third bidder’s, before the UK6', async () => {
    const setup = await fundedConsortium(stack, funders, 'Summaries Fund', 40_000_000);
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Summaries tender', days: [2, 4, 6, 8], ...aboveThreshold });
    const t = await publishedTender(stack, funders, body);
    for (const [name, email] of Object.values(bidders))
      await stack.api.call(undefined, 'POST', `/tenders/${t.id}/interest`, { orgName: name, email });
    for (const who of ['A', 'B', 'C'] as Who[]) {
      const lots = Object.fromEntries(Object.entries(prices[who]).map(([lot, price]) => [lot, { price }]));
      expect((await bid(await linkTo(stack, bidders[who][1], /Summaries tender: your links/), lots)).status).toBe(200);
    }
    await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
    await stack.runtime.settle();

    // Which bid is whose: the OCDS bids release names each bid's tenderer once the bids are open.
    const ocds = await stack.api.call<{ releases: { bids?: { details: { id: string; tenderers: { name: string }[] }[] } }[] }>(
      f(0).admin,
      'GET',
      `/tenders/${t.id}/ocds?package=release`,
    );
    const details = ocds.releases.find((r) => r.bids)?.bids?.details ?? [];
    const whoseBid = (id: string) =>
      (Object.keys(bidders) as Who[]).find((w) => bidders[w][0] === details.find((d) => d.id === id)?.tenderers[0]?.name) as Who;
    for (const d of details) {
      const who = whoseBid(d.id);
      const lot = d.id.endsWith('.org-support') ? 1 : 2;
      const [local, delivery] = quality[`${who}${lot}`] as [number, number];
      for (const [s, scorer] of [f(0), f(1)].entries())
        await stack.api.call(scorer.admin, 'POST', `/tenders/${t.id}/scores`, {
          bidId: d.id,
          scores: { 'local-knowledge': local, delivery },
          reasons: { 'local-knowledge': `Note ${who}${lot}L${s}`, delivery: `Note ${who}${lot}D${s}` },
        });
    }
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/evaluation`);
    await stack.runtime.settle();
    for (const i of [0, 1, 2]) {
      if ((await getTender(stack, f(0), t.id)).status !== 'award-decision') break;
      await stack.api.call(f(i).admin, 'POST', `/tenders/${t.id}/award-votes`, { decision: 'approve' });
      await stack.runtime.settle();
    }
    const view = await getTender(stack, f(0), t.id);
    expect(view.status).toBe('standstill');

    const mail = async (who: Who) => {
      const found = (await stack.runtime.emails()).filter(
        (e) => e.destination.to.includes(bidders[who][1]) && e.subject === 'Summaries tender: your assessment summary',
      );
      expect(found, who).toHaveLength(1);
      return found[0] as (typeof found)[number];
    };
    const [a, b, c] = [await mail('A'), await mail('B'), await mail('C')];
    // Lot 1: A 50×90 + 20×85 + 30×90 (450,000 ÷ 500,000) = 89; B 50×60 + 20×60 + 30×100 = 72;
    // C 50×80 + 20×95 + 30×81.82 (450,000 ÷ 550,000, to two places) = 83.546. A wins.
    // Lot 2: A 50×50 + 20×50 + 30×100 = 65; C 50×90 + 20×90 + 30×96.15 (250,000 ÷ 260,000) = 91.845. C wins.
    expect(b.body.text).toContain(
      'Your total score is 72 out of 100. The most advantageous tender, from Ashdown Community Action, scored 89.',
    );
    expect(c.body.text).toContain(
      'Your total score is 83.55 out of 100. The most advantageous tender, from Ashdown Community Action, scored 89.',
    );
    expect(a.body.text).toContain('Your total score is 65 out of 100. The most advantageous tender, from Coldharbour CVS, scored 91.85.');
    expect(a.body.text).toContain('Your total score is 89 out of 100.');
    // Each has its own reasons (both scorers') and the winner's; the other unsuccessful bidder's never.
    const has = (m: typeof a, notes: string[]) =>
      notes.every((n) => (m.body.text ?? '').includes(`Note ${n}`) && (m.body.html ?? '').includes(`Note ${n}`));
    const none = (m: typeof a, notes: string[]) => notes.every((n) => !(m.body.text ?? '').includes(n) && !(m.body.html ?? '').includes(n));
    expect(has(b, ['B1L0', 'B1L1', 'B1D0', 'A1L0', 'A1D1'])).toBe(true);
    expect(none(b, ['Note C', 'Coldharbour', '£550,000.00', '£260,000.00', '83.55'])).toBe(true);
    expect(has(c, ['C1L0', 'A1L0', 'C2L1'])).toBe(true);
    expect(none(c, ['Note B', 'Brookfield', '£450,000.00', '72 out of'])).toBe(true);
    expect(has(a, ['A1L0', 'A2D1', 'C2L0'])).toBe(true);
    expect(none(a, ['Note B', 'Brookfield', '£450,000.00'])).toBe(true);
    // The price criterion names the bidder's own price (and the winner's, which the award notice publishes anyway).
    expect(b.body.text).toContain('A price of £450,000.00');
    expect(b.body.text).toContain('A price of £500,000.00');

    // Sent before the contract award notice: the workflow sends them first, and the award release says when.
    const states = stack.runtime.sfn
      .list()
      .find((e) => e.name === `tender-${t.id}-1`)
      ?.history.filter((h) => h.type === 'StateEntered')
      .map((h) => h.state);
    expect(states?.indexOf('SendAssessmentSummaries')).toBeLessThan(states?.indexOf('StartStandstill') ?? -1);
    const after = await stack.api.call<{ releases: { tag: string[]; awards?: Record<string, unknown>[] }[] }>(
      f(0).admin,
      'GET',
      `/tenders/${t.id}/ocds?package=release`,
    );
    const awards = after.releases.find((r) => r.tag.includes('award'))?.awards ?? [];
    expect(awards).toHaveLength(2);
    for (const award of awards) {
      const uk6 = (award.documents as { noticeType: string; datePublished: string }[]).find((d) => d.noticeType === 'UK6');
      expect(award.assessmentSummariesDateSent).toBe(view.assessmentSummaries?.sentAt);
      expect(String(award.assessmentSummariesDateSent) <= String(uk6?.datePublished)).toBe(true);
    }
    expect(view.assessmentSummaries).toMatchObject({ bidders: 3, lotIds: ['org-support', 'volunteering'] });
  });
});
