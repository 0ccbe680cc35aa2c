import { describe, expect, it } from 'vitest';
import { amendContract, rateKpi } from '../../shared/contracts/changes';
import { buildContract, type Contract } from '../../shared/contracts/contract';
import { contractPackage, contractRelease } from '../../shared/contracts/ocds';
import type { Regime } from '../../shared/tenders/regime';
import { contractInput } from '../support/contract-input';
import { ocdsValidators, offCodelist } from '../support/ocds';

/**
 * The notices a contract's management publishes, by regime: a performance notice (UK9) only for
 * an above-threshold contract worth more than £5 million (s.52(1), s.71; never light touch,
 * s.71(6)); a change notice (UK10) only above threshold, for a change of more than 10% of the
 * value or the term as awarded (s.75; never light touch, s.75(6)(b)).
 */
const council = { identifier: 'GB-LAE-WYV', name: 'Wyvernshire County Council' };
const supplier = { identifier: 'GB-CHC-1077001', name: 'Wyvern Voluntary Action' };
const now = new Date('2026-10-05T10:00:00Z');

/** A one-year contract (1 April 2026 to 31 March 2027: 364 days from start to end) worth `value` pence. */
function contract(regime: Regime, value: number): Contract {
  const input = contractInput({
    value,
    payments: [
      { dueDate: '2026-04-01', amount: value / 2 },
      { dueDate: '2026-10-01', amount: value / 2 },
    ],
    regime,
  });
  return buildContract(input, {
    id: 'C1',
    councilOrgId: 'org',
    by: 'u',
    now: new Date('2026-03-20T10:00:00Z'),
    source: { kind: 'direct' },
    status: 'active',
  });
}
const rated = (c: Contract) => rateKpi(c, 'K1', { period: { startDate: '2026-04-01', endDate: '2026-06-30' }, rating: 'good' }, 'u', now);
const docs = (c: Contract) => {
  const pkg = contractPackage(contractRelease(c, { prefix: 'ocds-grloop', council, supplier }), {
    uri: 'https://grantloop.test/contracts/C1/ocds',
    publishedDate: now.toISOString(),
    publisher: council.name,
  });
  expect(ocdsValidators().release(pkg)).toBe(true);
  expect(offCodelist(pkg)).toEqual([]);
  const k = pkg.releases[0]?.contracts as {
    documents?: { noticeType: string }[];
    implementation: { documents?: { noticeType: string }[] };
  }[];
  return [...(k[0]?.implementation.documents ?? []), ...(k[0]?.documents ?? [])].map((d) => d.noticeType);
};

describe('UK9, the contract performance notice', () => {
  it('only for an above-threshold contract worth more than £5 million', () => {
    expect(docs(rated(contract('above-threshold', 500_000_002)))).toEqual(['UK9']);
    expect(docs(rated(contract('above-threshold', 500_000_000)))).toEqual([]);
    expect(docs(rated(contract('light-touch', 800_000_000)))).toEqual([]);
    expect(docs(rated(contract('below-threshold', 10_000_000)))).toEqual([]);
  });
});

describe('UK10, the contract change notice', () => {
  const amend = (c: Contract, change: { value?: number; endDate?: string }) =>
    amendContract(c, { why: 'Varied', ...change }, { id: 'A1', by: 'u', now });

  it('above threshold: a change of more than 10% of the value as awarded', () => {
    // Awarded at £300,000: £330,000 is exactly 10% more (no notice); £330,000.01 is more than 10%.
    const c = contract('above-threshold', 30_000_000);
    expect(docs(amend(c, { value: 33_000_000 }))).toEqual([]);
    expect(docs(amend(c, { value: 33_000_001 }))).toEqual(['UK10']);
    expect(amend(c, { value: 33_000_001 }).amendments[0]?.notice).toEqual({ type: 'UK10', publishedAt: now.toISOString() });
  });

  it('above threshold: a change of more than 10% of the term (364 days: 36 days is within it, 37 is not)', () => {
    const c = contract('above-threshold', 30_000_000);
    // 31 March 2027 + 36 days = 6 May 2027 (3.6 × 10 = 360 ≤ 364); + 37 days = 7 May 2027 (370 > 364).
    expect(docs(amend(c, { endDate: '2027-05-06' }))).toEqual([]);
    expect(docs(amend(c, { endDate: '2027-05-07' }))).toEqual(['UK10']);
  });

  it('never for a light-touch or below-threshold contract, however large the change', () => {
    expect(docs(amend(contract('light-touch', 70_000_000), { value: 140_000_000 }))).toEqual([]);
    expect(docs(amend(contract('below-threshold', 10_000_000), { value: 19_000_000 }))).toEqual([]);
  });
});
