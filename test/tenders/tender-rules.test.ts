import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/platform/errors';
import { regimeOf } from '../../shared/tenders/regime';
import { type Criterion, rankBids, TIE_RULE } from '../../shared/tenders/scoring';
import { bidsUnsealed, budgetOf, checkTender as check, type TenderInput, takesBids } from '../../shared/tenders/tender';
import { twoLots, winterDates } from '../support/tender-input';

const now = new Date('2026-11-22T09:00:00Z');
const criteria: Criterion[] = [
  { id: 'local-knowledge', title: 'Local knowledge and relationships', kind: 'quality', weight: 40 },
  { id: 'delivery', title: 'Delivery plan', kind: 'quality', weight: 30 },
  { id: 'price', title: 'Price', kind: 'price', weight: 30 },
];
const input = (over: Partial<TenderInput> = {}): TenderInput => ({
  title: 'Wyvernshire infrastructure support 2027–2030',
  description: 'Two lots: organisational support, and volunteering support.',
  documents: [{ title: 'Specification', url: 'https://wyvernshire.example.org/spec.pdf' }],
  lots: twoLots(30_000_000, 15_000_000),
  procedure: 'open',
  lightTouch: true,
  authorityType: 'sub-central',
  advertised: true,
  criteria,
  dates: winterDates,
  funders: [
    { orgId: 'county', amount: 25_000_000 },
    { orgId: 'icb', amount: 20_000_000 },
  ],
  panel: ['u1', 'u2'],
  ...over,
});

/** Checks a tender in the regime its lots' values put it in (as drafting does). */
const checkTender = (i: TenderInput, at: Date) =>
  check(i, at, regimeOf({ estimatedValue: budgetOf(i), lightTouch: i.lightTouch, authorityType: i.authorityType, on: '2026-11-22' }));

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return (e.issues ?? []).map((i) => `${i.field} ${i.rule}`);
    throw e;
  }
  return [];
};

describe('a tender as drafted', () => {
  it('accepts a two-lot light-touch tender whose contributions equal its lots', () => {
    expect(checkTender(input(), now).title).toContain('Wyvernshire');
    expect(budgetOf(input())).toBe(45_000_000);
  });

  it('names every problem at once, each with its field and rule', () => {
    const issues = issuesOf(() =>
      checkTender(
        input({
          title: ' ',
          criteria: [
            { ...(criteria[0] as Criterion), weight: 60 },
            { ...(criteria[2] as Criterion) },
            { ...(criteria[2] as Criterion), id: 'price-2' },
          ],
          lots: [input().lots[0], { ...input().lots[0], value: 0 }] as TenderInput['lots'],
          dates: { ...input().dates, submissionDeadline: '2026-12-01T12:00:00Z' },
          documents: [{ title: 'Spec', url: 'http://insecure.example/spec' }],
        }),
        now,
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'title required',
        'lots[1].id unique-lot',
        'lots[1].value positive-pence',
        'criteria weights-sum-100',
        'criteria one-price',
        'dates.submissionDeadline date-order',
        'documents[0].url https-url',
        'funders contributions-equal-budget',
      ]),
    );
  });

  it('holds a public contract to its regime: advertised (s.21(1)), and a voluntary standstill only for light touch, of at least eight working days (s.51(5))', () => {
    // £663,540.00 in two lots, light touch: at the light-touch threshold, so a light-touch contract.
    const lightTouch = (over: Partial<TenderInput>) =>
      input({
        lots: [{ ...(input().lots[0] as TenderInput['lots'][number]), value: 66_354_000 }],
        funders: [{ orgId: 'county', amount: 66_354_000 }],
        ...over,
      });
    expect(issuesOf(() => checkTender(lightTouch({ advertised: false }), now))).toEqual(['advertised tender-notice-required']);
    expect(issuesOf(() => checkTender(lightTouch({ voluntaryStandstillDays: 10 }), now))).toEqual([]);
    expect(issuesOf(() => checkTender(lightTouch({ voluntaryStandstillDays: 7 }), now))).toEqual([
      'voluntaryStandstillDays standstill-days',
    ]);
    // The same value for goods and services of a council is above its £207,720 threshold: the standstill is mandatory.
    expect(issuesOf(() => checkTender(lightTouch({ lightTouch: false, voluntaryStandstillDays: 10 }), now))).toEqual([
      'voluntaryStandstillDays mandatory-standstill',
    ]);
    // £450,000 of light-touch services is below threshold: it may be run by invitation, and has no standstill at all.
    expect(issuesOf(() => checkTender(input({ advertised: false }), now))).toEqual([]);
    expect(issuesOf(() => checkTender(input({ voluntaryStandstillDays: 8 }), now))).toEqual(['voluntaryStandstillDays no-standstill']);
  });

  it('needs a quality criterion, and dates that follow one another from now', () => {
    expect(issuesOf(() => checkTender(input({ criteria: [{ id: 'price', title: 'Price', kind: 'price', weight: 100 }] }), now))).toEqual([
      'criteria quality-required',
    ]);
    expect(issuesOf(() => checkTender(input({ dates: { ...input().dates, clarificationDeadline: '2026-11-01T12:00:00Z' } }), now))).toEqual(
      ['dates.clarificationDeadline date-order'],
    );
  });

  it('keeps bids sealed until the submission deadline, and takes none after it', () => {
    const t = { ...input(), status: 'published' as const };
    expect(bidsUnsealed(t, new Date('2027-01-15T11:59:59Z'))).toBe(false);
    expect(takesBids(t, new Date('2027-01-15T11:59:59Z'))).toBe(true);
    expect(bidsUnsealed(t, new Date('2027-01-15T12:00:00Z'))).toBe(true);
    expect(takesBids(t, new Date('2027-01-15T12:00:00Z'))).toBe(false);
    expect(takesBids({ ...t, status: 'cancelled' }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
});

describe('evaluation', () => {
  const bids = [
    { bidId: 'a', price: 30_000_000, submittedAt: '2027-01-10T10:00:00Z' },
    { bidId: 'b', price: 25_000_000, submittedAt: '2027-01-12T10:00:00Z' },
    { bidId: 'c', price: 28_000_000, submittedAt: '2027-01-14T10:00:00Z' },
  ];
  const score = (scorerId: string, bidId: string, local: number, delivery: number) => [
    { scorerId, bidId, criterionId: 'local-knowledge', score: local },
    { scorerId, bidId, criterionId: 'delivery', score: delivery },
  ];

  it('averages independent scores, leaves a conflicted scorer out of that bid only, and scores price against the lowest', () => {
    const scores = [...score('s1', 'a', 80, 70), ...score('s2', 'a', 60, 70), ...score('s1', 'b', 50, 60), ...score('s2', 'b', 100, 100)];
    // s2 declared a conflict on bid b: only s1's scores count for it.
    const ranked = rankBids(criteria, bids.slice(0, 2), scores, [{ scorerId: 's2', bidId: 'b' }]);
    const a = ranked.find((r) => r.bidId === 'a');
    const b = ranked.find((r) => r.bidId === 'b');
    expect(a?.perCriterion['local-knowledge']).toEqual({ score: 70, scorers: 2, moderated: false });
    expect(b?.perCriterion['local-knowledge']).toEqual({ score: 50, scorers: 1, moderated: false });
    expect(a?.perCriterion.price?.score).toBe(83.33);
    expect(b?.perCriterion.price?.score).toBe(100);
    // In whole hundredths, exactly: a = (40×70 + 30×70 + 30×83.33) / 100 = 73.999; b = (40×50 + 30×60 + 30×100) / 100 = 68.
    expect(a?.total).toBe(73.999);
    expect(b?.total).toBe(68);
    expect(ranked.map((r) => r.bidId)).toEqual(['a', 'b']);
  });

  it('lets moderation replace a criterion’s score, with its reason kept by the caller', () => {
    const scores = [...score('s1', 'a', 80, 70), ...score('s1', 'b', 50, 60)];
    const ranked = rankBids(
      criteria,
      bids.slice(0, 2),
      scores,
      [],
      [{ bidId: 'b', criterionId: 'local-knowledge', score: 95, reason: 'evidence of local partnerships was missed' }],
    );
    expect(ranked.find((r) => r.bidId === 'b')?.perCriterion['local-knowledge']).toEqual({ score: 95, scorers: 1, moderated: true });
    expect(ranked[0]?.bidId).toBe('b');
  });

  it('breaks a tie by quality, then lower price, then earlier submission, and says which step decided', () => {
    const quality = (s: string, q: number) => score(s, s, q, q);
    const qualityOnly: Criterion[] = [
      { id: 'local-knowledge', title: 'Local', kind: 'quality', weight: 50 },
      { id: 'delivery', title: 'Delivery', kind: 'quality', weight: 50 },
    ];
    // Same quality, different prices, quality-only criteria: equal totals; the lower price ranks first.
    const byPrice = rankBids(qualityOnly, bids, [...quality('a', 70), ...quality('b', 70), ...quality('c', 70)], []);
    expect(byPrice.map((r) => [r.bidId, r.tieBrokenBy])).toEqual([
      ['b', 'price'],
      ['c', 'price'],
      ['a', undefined],
    ]);
    const samePrice = bids.map((b) => ({ ...b, price: 20_000_000 }));
    const bySubmission = rankBids(qualityOnly, samePrice, [...quality('a', 70), ...quality('b', 70), ...quality('c', 70)], []);
    expect(bySubmission.map((r) => [r.bidId, r.tieBrokenBy])).toEqual([
      ['a', 'earlier-submission'],
      ['b', 'earlier-submission'],
      ['c', undefined],
    ]);
    expect(TIE_RULE).toContain('quality');
  });
});
