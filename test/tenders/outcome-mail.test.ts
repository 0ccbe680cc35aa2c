import { describe, expect, it } from 'vitest';
import { lotOutcomeEmail, lotOutcomes } from '../../shared/tenders/outcome-mail';
import type { Bid } from '../../shared/tenders/store';

/** The lot outcome email's builder: each bidder, each lot it bid for, nothing of any other bid. */
const lots = [
  { id: 'north', title: 'North Wyvern', value: 100_000, scope: { kind: 'geography' as const, label: 'North' } },
  { id: 'south', title: 'South Wyvern', value: 100_000, scope: { kind: 'geography' as const, label: 'South' } },
  { id: 'coast', title: 'Coast', value: 100_000, scope: { kind: 'geography' as const, label: 'Coast' } },
];
const bid = (interestId: string, prices: Record<string, number>): Bid => ({
  tenderId: 'T',
  interestId,
  lots: Object.entries(prices).map(([lotId, price]) => ({ lotId, price, answers: {}, documents: [] })),
  submittedAt: '2026-04-05T10:00:00.000Z',
  revision: 1,
});
const to = { to: 'bids@a.example.org', orgName: 'A Trust', tenderTitle: 'Support', consortiumName: 'Wyvern Fund' };
const buyer = { buyerName: 'Wyvernshire County Council', buyerEmail: 'tenders@wyvernshire.example.org' };

describe('lot outcome emails', () => {
  it('tell each bidder, lot by lot in the tender’s order, whether it won, who did, or that nobody was awarded the lot', () => {
    const outcomes = [
      { lotId: 'north', status: 'awarded' as const, winner: { interestId: 'A', orgName: 'A Trust', price: 90_000, total: 80 } },
      { lotId: 'south', status: 'awarded' as const, winner: { interestId: 'B', orgName: 'B Group', price: 70_000, total: 85 } },
      { lotId: 'coast', status: 'no-bids' as const },
    ];
    const byBidder = lotOutcomes({ lots, outcomes }, [bid('A', { south: 95_000, north: 90_000 }), bid('B', { south: 70_000 })]);
    expect(byBidder.get('A')).toEqual([
      { lotTitle: 'North Wyvern', outcome: 'successful', yourPrice: 90_000 },
      { lotTitle: 'South Wyvern', outcome: 'unsuccessful', yourPrice: 95_000, winner: 'B Group' },
    ]);
    expect(byBidder.get('B')).toEqual([{ lotTitle: 'South Wyvern', outcome: 'successful', yourPrice: 70_000 }]);
    const mail = lotOutcomeEmail({ ...to, ...buyer, lots: byBidder.get('A') ?? [] });
    expect(mail.subject).toBe('Support: the outcome of your bids (1 of 2 lots awarded to you)');
    expect(mail.text).toContain('NORTH WYVERN: SUCCESSFUL\n\nYou are awarded this lot at your price of £900.00.');
    expect(mail.text).toContain('SOUTH WYVERN: NOT SUCCESSFUL\n\nYour bid of £950.00 was not successful: the lot is awarded to B Group.');
    expect(mail.text).not.toContain('£700.00');
  });

  it('say why, when the tender ended without an award', () => {
    const outcomes = [{ lotId: 'north', status: 'recommended' as const }];
    const lines = lotOutcomes({ lots, outcomes }, [bid('A', { north: 90_000 })]).get('A') ?? [];
    const mail = lotOutcomeEmail({ ...to, ...buyer, lots: lines, ended: 'the funders did not approve the award' });
    expect(mail.to).toEqual(['bids@a.example.org']);
    expect(mail.subject).toBe('Support: your bid for North Wyvern was not awarded');
    expect(mail.text).toContain('"Support" ended without an award: the funders did not approve the award.');
    expect(mail.text).toContain('NORTH WYVERN: NOT AWARDED');
  });
});
