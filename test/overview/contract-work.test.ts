import { describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/contracts/contract';
import { contractTasks, kpiRatingsDue, lastCompleteQuarter } from '../../shared/overview/contract-work';
import { storedContract } from '../support/contract-input';

const rating = (startDate: string, endDate: string) => ({ period: { startDate, endDate }, rating: 'good' as const, by: 'u', at: '' });
const council = { id: 'council', name: 'Wyvernshire County Council' };
// 10 July 2026, 10:00 in London.
const NOW = new Date('2026-07-10T09:00:00Z');

describe('KPI ratings due', () => {
  it('the last complete quarter is the financial year quarter that ended before today', () => {
    expect(lastCompleteQuarter('2026-07-01')).toEqual({ startDate: '2026-04-01', endDate: '2026-06-30' });
    expect(lastCompleteQuarter('2026-06-30')).toEqual({ startDate: '2026-01-01', endDate: '2026-03-31' });
    expect(lastCompleteQuarter('2026-12-31')).toEqual({ startDate: '2026-07-01', endDate: '2026-09-30' });
    expect(lastCompleteQuarter('2027-02-15')).toEqual({ startDate: '2026-10-01', endDate: '2026-12-31' });
    expect(lastCompleteQuarter('2026-01-01')).toEqual({ startDate: '2025-10-01', endDate: '2025-12-31' });
  });

  it('is due for a KPI not rated for any part of that quarter, by the end of the month after it', () => {
    const due = (c: Contract, today = '2026-07-10') => kpiRatingsDue(c, today).map((d) => [d.kpi.id, d.quarter.startDate, d.by]);
    expect(due(storedContract())).toEqual([['K1', '2026-04-01', '2026-07-31']]);
    const rated = (r: ReturnType<typeof rating>) => storedContract([], { kpis: [{ id: 'K1', name: 'n', target: 't', ratings: [r] }] });
    // June alone, or the year so far, overlaps the quarter: rated. The quarter before it does not.
    expect(due(rated(rating('2026-06-01', '2026-06-30')))).toEqual([]);
    expect(due(rated(rating('2026-04-01', '2026-07-09')))).toEqual([]);
    expect(due(rated(rating('2026-01-01', '2026-03-31')))).toEqual([['K1', '2026-04-01', '2026-07-31']]);
    // December's quarter is due by the end of January.
    expect(due(storedContract(), '2027-01-04')).toEqual([['K1', '2026-10-01', '2027-01-31']]);
  });

  it('is not due for a contract that is not active, or did not run in that quarter', () => {
    expect(kpiRatingsDue(storedContract([], { status: 'pending' }), '2026-07-10')).toEqual([]);
    expect(kpiRatingsDue(storedContract([], { status: 'terminated' }), '2026-07-10')).toEqual([]);
    expect(kpiRatingsDue(storedContract([], { period: { startDate: '2026-07-01', endDate: '2027-06-30' } }), '2026-07-10')).toEqual([]);
    expect(kpiRatingsDue(storedContract([], { period: { startDate: '2025-04-01', endDate: '2026-03-31' } }), '2026-07-10')).toEqual([]);
    // Started on the quarter's last day: it ran in it.
    expect(kpiRatingsDue(storedContract([], { period: { startDate: '2026-06-30', endDate: '2027-06-29' } }), '2026-07-10')).toHaveLength(1);
  });
});

describe("a council's contract work", () => {
  const evidence = { text: 'Done', submittedAt: '2026-07-08T10:00:00Z', via: 'link' as const };
  const kinds = (c: Contract) => contractTasks([c], council, NOW).map((t) => [t.kind, t.label, t.when?.label, t.when?.date]);

  it('lists evidence to decide, overdue milestones with none, and KPI ratings due; what is met or not yet due waits on nobody', () => {
    const c = storedContract([
      { dueDate: '2026-07-09' },
      { dueDate: '2026-07-10' },
      { dueDate: '2026-07-05', evidence },
      { dueDate: '2026-08-01', evidence },
      { dueDate: '2026-06-01', status: 'met' },
      { dueDate: '2026-06-01', status: 'notMet' },
    ]);
    expect(kinds(c)).toEqual([
      ['milestone-overdue', 'Overdue: Milestone 1', 'Was due', '2026-07-09'],
      ['decide-milestone', 'Decide: Milestone 3', 'Was due', '2026-07-05'],
      ['decide-milestone', 'Decide: Milestone 4', 'Decide by', '2026-08-01'],
      ['rate-kpi', 'Rate Groups supported: Infrastructure support', 'Rate by', '2026-07-31'],
    ]);
    const [overdue, , , kpi] = contractTasks([c], council, NOW);
    expect(overdue).toMatchObject({
      forWhom: "Wyvernshire County Council's contracts",
      detail: 'No evidence yet from Wyvern Voluntary Action for Infrastructure support.',
      href: '/app/contracts/K1/milestones',
    });
    expect(kpi?.detail).toBe('For 1 April 2026 to 30 June 2026, against its target: 120 a year.');
  });

  it('a milestone is overdue from the day after its due date in England, not before', () => {
    // 23:30 on 9 July in London is 22:30 UTC: still the due date.
    const late = new Date('2026-07-09T22:30:00Z');
    expect(contractTasks([storedContract([{ dueDate: '2026-07-09' }])], council, late).map((t) => t.kind)).toEqual(['rate-kpi']);
    const next = new Date('2026-07-09T23:00:00Z');
    expect(contractTasks([storedContract([{ dueDate: '2026-07-09' }])], council, next).map((t) => t.kind)).toEqual([
      'milestone-overdue',
      'rate-kpi',
    ]);
  });

  it('a cancelled or terminated contract has no work', () => {
    expect(contractTasks([storedContract([{ dueDate: '2026-07-01' }], { status: 'cancelled' })], council, NOW)).toEqual([]);
  });
});
