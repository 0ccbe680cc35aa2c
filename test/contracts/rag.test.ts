import { describe, expect, it } from 'vitest';
import type { Contract, Milestone } from '../../shared/contracts/contract';
import { contractRag, defaultPolicy, milestoneRag } from '../../shared/contracts/rag';

const milestone = (over: Partial<Milestone> = {}): Milestone => ({
  id: 'M1',
  title: 'Quarterly report',
  type: 'reporting',
  dueDate: '2026-11-30',
  deliverable: 'A report',
  evidenceRequested: 'The report',
  status: 'scheduled',
  sequence: 0,
  ...over,
});
const at = (iso: string) => new Date(iso);
const rag = (m: Milestone, now: string, amberWithinDays = 14) => milestoneRag(m, at(now), { ...defaultPolicy, amberWithinDays });

describe('RAG from dates, in England, by the council policy', () => {
  it('due today is amber (not overdue until the day is over); due tomorrow is amber; overdue the next morning is red', () => {
    expect(rag(milestone(), '2026-11-30T23:59:00Z')).toEqual({ rag: 'amber', why: 'due today, no evidence yet' });
    expect(rag(milestone(), '2026-11-29T09:00:00Z')).toEqual({ rag: 'amber', why: 'due in 1 day, no evidence yet' });
    expect(rag(milestone(), '2026-12-01T00:00:00Z')).toEqual({ rag: 'red', why: 'overdue by 1 day' });
    expect(rag(milestone(), '2026-11-16T12:00:00Z')).toEqual({ rag: 'amber', why: 'due in 14 days, no evidence yet' });
    expect(rag(milestone(), '2026-11-15T12:00:00Z')).toEqual({ rag: 'green', why: 'due in 15 days' });
  });

  it('counts calendar days over a weekend: due Monday, amber within 2 days turns amber on Saturday, not Friday', () => {
    const monday = milestone({ dueDate: '2026-11-30' });
    expect(rag(monday, '2026-11-27T16:00:00Z', 2).rag).toBe('green');
    expect(rag(monday, '2026-11-28T08:00:00Z', 2)).toEqual({ rag: 'amber', why: 'due in 2 days, no evidence yet' });
  });

  // [due date, its last minute in London and the first after it, in UTC]
  it.each([
    // Saturday 24 October 2026 is in BST: its midnight is 23:00 UTC.
    ['2026-10-24', '2026-10-24T22:59:00Z', '2026-10-24T23:00:00Z'],
    // Sunday 25 October 2026 ends in GMT: its midnight is 00:00 UTC.
    ['2026-10-25', '2026-10-25T23:59:00Z', '2026-10-26T00:00:00Z'],
    // The clocks go forward at 01:00 UTC on Sunday 28 March 2027; by the evening London is an hour ahead.
    ['2027-03-28', '2027-03-28T22:59:00Z', '2027-03-28T23:00:00Z'],
    ['2027-03-27', '2027-03-27T23:59:00Z', '2027-03-28T00:00:00Z'],
  ])('due %s turns red at midnight London time across the clock changes: amber at %s, red at %s', (dueDate, lastMinute, midnight) => {
    const due = milestone({ dueDate });
    expect(rag(due, lastMinute).rag).toBe('amber');
    expect(rag(due, midnight).rag).toBe('red');
  });

  it('evidence in hand keeps a milestone due soon green; decisions decide the colour', () => {
    const evidence = { text: 'Sent', submittedAt: '2026-11-20T10:00:00Z', via: 'link' as const };
    expect(rag(milestone({ evidence }), '2026-11-25T12:00:00Z')).toEqual({ rag: 'green', why: 'evidence received, awaiting a decision' });
    expect(rag(milestone({ evidence }), '2026-12-02T12:00:00Z').rag).toBe('red');
    expect(rag(milestone({ status: 'met' }), '2027-01-01T12:00:00Z').rag).toBe('green');
    expect(rag(milestone({ status: 'partiallyMet' }), '2027-01-01T12:00:00Z').rag).toBe('amber');
    expect(rag(milestone({ status: 'notMet' }), '2026-01-01T12:00:00Z').rag).toBe('red');
  });

  it('a contract takes the worst of its milestones and says which; a closed contract has no RAG', () => {
    const c = {
      status: 'active',
      milestones: [
        milestone({ id: 'M1', status: 'met' }),
        milestone({ id: 'M2', title: 'Volunteer fair', dueDate: '2026-11-25' }),
        milestone({ id: 'M3', dueDate: '2027-03-01' }),
      ],
    } as Contract;
    const now = at('2026-11-22T12:00:00Z');
    expect(contractRag(c, now, defaultPolicy)).toEqual({
      rag: 'amber',
      why: 'M2 Volunteer fair: due in 3 days, no evidence yet',
      counts: { green: 2, amber: 1, red: 0 },
    });
    expect(contractRag({ ...c, status: 'terminated' }, now, defaultPolicy)).toBeNull();
    expect(contractRag({ ...c, milestones: [milestone({ status: 'met' })] }, now, defaultPolicy)?.why).toBe('everything due is met');
  });
});
