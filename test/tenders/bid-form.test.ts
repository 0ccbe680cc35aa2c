import { describe, expect, it } from 'vitest';
import { penceOf, readBid } from '../../shared/tenders/bid-link';
import { noProcess } from '../../shared/tenders/process';
import type { Tender } from '../../shared/tenders/tender';

const tender = {
  lots: [
    { id: 'org-support', title: 'Organisational support', value: 300_000, scope: { kind: 'function', label: 'Development' } },
    { id: 'volunteering', title: 'Volunteering support', value: 150_000, scope: { kind: 'function', label: 'Volunteering' } },
  ],
  criteria: [
    { id: 'local-knowledge', title: 'Local knowledge', kind: 'quality', weight: 70 },
    { id: 'price', title: 'Price', kind: 'price', weight: 30 },
  ],
  ...noProcess(),
} as unknown as Tender;

describe('reading a bid from its form', () => {
  it('reads pounds exactly, with or without the pound sign, commas and pence', () => {
    expect(penceOf('£2,800.00')).toBe(280_000);
    expect(penceOf('2950')).toBe(295_000);
    expect(penceOf('1400.5')).toBe(140_050);
    expect(penceOf('0.07')).toBe(7);
    for (const bad of ['', 'twelve', '1.234', '12,34', '-5', '1e3']) expect(penceOf(bad), bad).toBeUndefined();
  });

  it('takes only ticked lots, and names every problem with its field and rule', () => {
    expect(readBid(tender, {}).issues.map((i) => `${i.field} ${i.rule}`)).toEqual(['lots at-least-one']);
    const { lots, issues } = readBid(tender, {
      'lot.org-support.include': 'yes',
      'lot.org-support.price': '3,500',
      'lot.org-support.documents': 'http://insecure.example.org/plan.pdf',
      'lot.volunteering.price': '100',
    });
    expect(issues.map((i) => `${i.field} ${i.rule}`)).toEqual([
      'lot.org-support.price within-lot-value',
      'lot.org-support.local-knowledge required',
      'lot.org-support.documents https-url',
    ]);
    expect(lots.map((l) => l.lotId)).toEqual(['org-support']);
  });

  it('a complete bid for one lot', () => {
    const { lots, issues } = readBid(tender, {
      'lot.volunteering.include': 'yes',
      'lot.volunteering.price': '1,400.00',
      'lot.volunteering.local-knowledge': 'Ten years with the district’s groups.',
      'lot.volunteering.documents': 'https://example.org/a.pdf\nhttps://example.org/b.pdf',
    });
    expect(issues).toEqual([]);
    expect(lots).toEqual([
      {
        lotId: 'volunteering',
        price: 140_000,
        answers: { 'local-knowledge': 'Ten years with the district’s groups.' },
        documents: [
          { title: 'Document 1', url: 'https://example.org/a.pdf' },
          { title: 'Document 2', url: 'https://example.org/b.pdf' },
        ],
      },
    ]);
  });
});
