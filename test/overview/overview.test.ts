import { describe, expect, it } from 'vitest';
import type { Grant } from '../../shared/grants/grant';
import type { Condition } from '../../shared/grants/grant-plan';
import { aggregateEvidence, type EvidenceItem } from '../../shared/overview/evidence';
import { fundingQuality, type GrantFacts } from '../../shared/overview/funding-quality';
import type { FundingShare } from '../../shared/pools/grant';
import { reportTemplates } from '../../shared/reporting/templates';

const grant = (id: string, recipient: string, amount: number, start: string, end: string, months = 12): Grant =>
  ({ id, recipientOrgId: recipient, title: id, amount, durationMonths: months, plannedStart: start, plannedEnd: end }) as Grant;
const share = (funderOrgId: string, amount: number, core = true): FundingShare =>
  ({
    funderOrgId,
    amount,
    bucket: funderOrgId,
    paid: 0,
    returned: 0,
    restriction: core ? { kind: 'core' } : { kind: 'restricted', lotId: 'north' },
  }) as FundingShare;
const conditions = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `C${i + 1}` }) as Condition);

describe('funding quality', () => {
  const facts: GrantFacts[] = [
    {
      grant: grant('g1', 'wva', 1_200_000, '2025-04-01', '2026-03-31'),
      recipientName: 'WVA',
      shares: [share('county', 1_200_000)],
      conditions: conditions(1),
    },
    // The same provider again after a 30-day gap: half core, two funders, the larger with 75%.
    {
      grant: grant('g2', 'wva', 2_000_000, '2026-05-01', '2027-04-30'),
      recipientName: 'WVA',
      shares: [share('county', 1_500_000), share('icb', 500_000, false)],
      conditions: conditions(2),
    },
    {
      grant: grant('g3', 'coast', 800_000, '2026-06-01', '2026-11-30', 6),
      recipientName: 'Coast',
      shares: [share('trust', 800_000)],
      conditions: [],
    },
  ];
  const q = fundingQuality('Wyvernshire', facts);

  it('measures each grant: length, gap since the provider’s previous grant, core share, conditions, funder concentration', () => {
    const [g1, g2, g3] = q.grants;
    expect(g1).toMatchObject({ months: 12, gapDays: null, corePercent: 100, conditions: 1, funders: 1, largestFunderPercent: 100 });
    expect(g1?.conditionsPer10k).toBeCloseTo(1 / 1.2, 10);
    expect(g2).toMatchObject({ gapDays: 30, corePercent: 75, conditions: 2, conditionsPer10k: 1, funders: 2, largestFunderPercent: 75 });
    expect(g3).toMatchObject({ months: 6, gapDays: null, conditions: 0, conditionsPer10k: 0 });
  });

  it('sums up the place: money-weighted core share and conditions per £10k, plain means elsewhere', () => {
    expect(q.place).toMatchObject({ place: 'Wyvernshire', grants: 3, amount: 4_000_000, meanMonths: 10, repeatGrants: 1, meanGapDays: 30 });
    expect(q.place.corePercent).toBeCloseTo((100 * 3_500_000) / 4_000_000, 10);
    expect(q.place.conditionsPerGrant).toBe(1);
    expect(q.place.conditionsPer10k).toBeCloseTo(0.75, 10);
    expect(q.place.meanLargestFunderPercent).toBeCloseTo(275 / 3, 10);
  });

  it('counts back-to-back grants as no gap, and an empty place as zeros', () => {
    const back = fundingQuality('X', [
      { ...facts[0], grant: grant('a', 'p', 100, '2025-04-01', '2026-03-31') } as GrantFacts,
      { ...facts[0], grant: grant('b', 'p', 100, '2026-04-01', '2027-03-31') } as GrantFacts,
    ]);
    expect(back.grants[1]?.gapDays).toBe(0);
    expect(fundingQuality('Y', []).place).toMatchObject({ grants: 0, amount: 0, meanGapDays: null, corePercent: 0 });
  });
});

describe('evidence', () => {
  const item = (
    reportId: string,
    measures: Record<string, number>,
    difference: string,
    template: 'light' | 'full' = 'light',
  ): EvidenceItem => ({
    reportId,
    grantTitle: 'Grant',
    providerName: 'Provider',
    financialYear: '2026-27',
    template: reportTemplates[template],
    submission: { n: 1, measures, questions: { difference, story: difference }, submittedAt: '2026-07-01T09:00:00Z', via: 'link' },
  });

  it('sums counts and money under every function and pathway they are tagged with, and averages percentages', () => {
    const e = aggregateEvidence([
      item('r1', { 'groups-supported': 11, 'funding-secured': 840_025 }, 'Eleven groups helped.'),
      item('r2', { 'groups-supported': 4, 'funding-secured': 1_000, 'groups-satisfied': 80 }, 'Four more.', 'full'),
      item('r3', { 'groups-supported': 1, 'funding-secured': 0, 'groups-satisfied': 90 }, '', 'full'),
    ]);
    const tag = (t: string) => e.tags.find((x) => x.tag === t);
    expect(e.reports).toBe(3);
    expect(tag('facilitating-funding')?.measures).toEqual([
      expect.objectContaining({ id: 'funding-secured', value: 841_025, reports: 3, unit: 'GBP' }),
    ]);
    expect(tag('better-targeted-resources')?.measures[0]?.value).toBe(841_025);
    expect(tag('organisational-development')?.measures[0]).toMatchObject({ value: 16, unit: 'organisations' });
    const trust = tag('community-trust-empowerment-belonging');
    expect(trust?.measures[0]).toMatchObject({ id: 'groups-satisfied', value: 85, reports: 2 });
    // Empty answers are not excerpts; a report counts once per area however many answers it gave there.
    expect(trust?.excerpts.map((x) => x.text)).toEqual(['Eleven groups helped.', 'Four more.']);
    expect(trust?.reports).toBe(3);
    expect(tag('advocacy')).toMatchObject({ reports: 0, measures: [], excerpts: [] });
  });

  it('shortens long answers to a readable excerpt', () => {
    const e = aggregateEvidence([item('r1', {}, 'x'.repeat(1000))]);
    const excerpt = e.tags.find((t) => t.tag === 'community-trust-empowerment-belonging')?.excerpts[0]?.text ?? '';
    expect(excerpt).toHaveLength(280);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
