import { describe, expect, it } from 'vitest';
import { tableProblems } from '../proof/invariants';

const ev = (type: string, subject: string, data: Record<string, unknown>) => ({ entity: 'event', type, subject, data });

/** The rules the fault and crash suites re-derive from the table, shown to catch what they claim to. */
describe('the invariants over a table', () => {
  const good = [
    { entity: 'ledger-entry', pk: 'POOL#p', sk: 'LEDGER#1', postings: [{ amount: 500 }, { amount: -500 }] },
    { entity: 'bucket', bucket: 'b1', available: 0 },
    { entity: 'tranche', grantId: 'g', seq: 1, status: 'released' },
    { entity: 'tranche', grantId: 'g', seq: 2, status: 'scheduled' },
    ev('payment.made', 'grant#g', { grantId: 'g', tranche: 1 }),
    { entity: 'report', id: 'r', submissions: 1 },
    ev('report.submitted', 'report#r', {}),
    ev('report.accepted', 'report#r', {}),
    ev('report.reminder-sent', 'report#r', { offsetDays: -14 }),
    ev('report.reminder-sent', 'report#r', { offsetDays: -7 }),
  ];

  it('finds nothing wrong in a consistent table', () => {
    expect(tableProblems(good)).toEqual([]);
  });

  it.each([
    [
      'a ledger entry that does not balance',
      { entity: 'ledger-entry', pk: 'POOL#p', sk: 'LEDGER#2', postings: [{ amount: 1 }] },
      /off by 1/,
    ],
    ['a negative bucket', { entity: 'bucket', bucket: 'b2', available: -1 }, /negative/],
    ['a tranche paid twice', ev('payment.made', 'grant#g', { grantId: 'g', tranche: 1 }), /paid 2 times/],
    ['a tranche paid but not released', ev('payment.made', 'grant#g', { grantId: 'g', tranche: 2 }), /is scheduled with 1 payment/],
    ['a report accepted twice', ev('report.accepted', 'report#r', {}), /accepted 2 times/],
    ['a reminder sent twice', ev('report.reminder-sent', 'report#r', { offsetDays: -7 }), /reminder recorded 2 times/],
    ['a submission recorded twice', ev('report.submitted', 'report#r', {}), /2 submitted events for 1/],
  ])('finds %s', (_what, extra, problem) => {
    expect(tableProblems([...good, extra]).join('\n')).toMatch(problem);
  });
});
