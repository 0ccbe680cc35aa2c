import { describe, expect, it } from 'vitest';
import type { Tender } from '../../shared/tenders/tender';
import { tableProblems } from '../proof/invariants';
import { lotProblems, winnerProblems, workflowProblems } from '../proof/tender-invariants';

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

/**
 * A tender of two lots (£6 and £4) whose one bidder without an identifier won both, for £5 and
 * £3: reserved £10, £8 awarded as two grants to one organisation, £2 released at the end.
 */
const tender = {
  entity: 'tender',
  id: 't',
  attempt: 1,
  status: 'awarded',
  lots: [
    { id: 'a', value: 600 },
    { id: 'b', value: 400 },
  ],
  outcomes: [
    { lotId: 'a', status: 'awarded', grantId: 'g1', winner: { interestId: 'i', price: 500 } },
    { lotId: 'b', status: 'awarded', grantId: 'g2', winner: { interestId: 'i', price: 300 } },
  ],
  reserved: [{ bucket: 'f|core', amount: 0 }],
};
const entry = (type: string, moves: [string, number][], grantId?: string) => ({
  entity: 'ledger-entry',
  pk: 'POOL#p',
  sk: `LEDGER#${type}${grantId ?? ''}`,
  type,
  tenderId: 't',
  ...(grantId ? { grantId } : {}),
  postings: moves.flatMap(([account, amount]) => [
    { account, amount },
    { account: account.startsWith('reserve:') ? 'fund:f|core' : 'reserve:t:f|core', amount: -amount },
  ]),
});
const grant = (id: string, lot: string, amount: number, recipientOrgId = 'o') => ({
  entity: 'grant',
  id,
  tenderId: 't',
  tenderLotId: lot,
  amount,
  recipientOrgId,
});
const org = (id: string, identifier: string) => ({ entity: 'organisation', id, identifier, name: 'Group', contactEmail: 'g@x.org' });
const guard = (identifier: string, orgId: string) => ({ entity: 'organisation-identifier', pk: `ORGID#${identifier}`, orgId });
const tenderTable = () => [
  tender,
  entry('reservation', [['reserve:t:f|core', -1000]]),
  entry('allocation', [['reserve:t:f|core', 500]], 'g1'),
  entry('allocation', [['reserve:t:f|core', 300]], 'g2'),
  entry('unreservation', [['reserve:t:f|core', 200]]),
  grant('g1', 'a', 500),
  grant('g2', 'b', 300),
  org('o', '360G-grantloop-i'),
  guard('360G-grantloop-i', 'o'),
];
const changed = (patch: Record<string, unknown>) => (items: Record<string, unknown>[]) =>
  items.map((i) => (i === tender ? { ...tender, ...patch } : i));
const without = (type: string) => (items: Record<string, unknown>[]) => items.filter((i) => i.type !== type);

describe('the tender invariants over a table', () => {
  it('find nothing wrong in a tender awarded and closed as it should be', () => {
    expect(tableProblems(tenderTable())).toEqual([]);
  });

  it.each([
    ['a second grant for a lot', grant('g3', 'a', 500), /lot a has 2 grants/],
    [
      'a grant for a lot that is not awarded',
      changed({ outcomes: [tender.outcomes[0], { lotId: 'b', status: 'recommended' }] }),
      /lot b is recommended but has grant g2/,
    ],
    [
      'an awarded lot naming another grant',
      changed({ outcomes: [{ ...tender.outcomes[0], grantId: 'g9' }, tender.outcomes[1]] }),
      /lot a names grant g9, the table has g1/,
    ],
    ['the budget reserved twice', entry('reservation', [['reserve:t:f|core', -1000]]), /reserved 2 times/],
    [
      'a lot paid from the reserve twice',
      entry('allocation', [['reserve:t:f|core', 500]], 'g1'),
      /grant g1 was allocated from the reserve 2 times/,
    ],
    [
      'an allocation for other than the winning price',
      (items: Record<string, unknown>[]) => [
        ...without('allocation')(items),
        entry('allocation', [['reserve:t:f|core', 501]], 'g1'),
        entry('allocation', [['reserve:t:f|core', 300]], 'g2'),
      ],
      /the reserve gave 501 for grant g1, whose winning price is 500/,
    ],
    ['the rest released twice', entry('unreservation', [['reserve:t:f|core', 200]]), /released 2 times/],
    [
      'money left reserved after the tender ended',
      (items: Record<string, unknown>[]) => changed({ reserved: [{ bucket: 'f|core', amount: 200 }] })(without('unreservation')(items)),
      /is awarded with 200 still reserved/,
    ],
    ['the rest never released', without('unreservation'), /reserved 1000 ≠ awarded 800 \+ released 0 \+ still held 0/],
    [
      'a tender item that holds what the ledger does not',
      changed({ status: 'standstill', reserved: [{ bucket: 'f|core', amount: 50 }] }),
      /reserved 1000 ≠ awarded 800 \+ released 200 \+ still held 50/,
    ],
    [
      'a winner whose two lots went to two organisations',
      (items: Record<string, unknown>[]) => [...items.filter((i) => i.id !== 'g2'), grant('g2', 'b', 300, 'o2')],
      /winner i's grants went to 2 organisations/,
    ],
    ['two organisations with one identifier', org('o2', '360G-grantloop-i'), /2 organisations have identifier 360G-grantloop-i/],
    ['an identifier guard naming the wrong organisation', guard('GB-CHC-1', 'o'), /the guard of GB-CHC-1 names o, which does not have it/],
    ['a grant for a lot the tender does not have', grant('g3', 'c', 100), /grant g3 is for lot c, which the tender does not have/],
    ['a grant of the tender not paid from its reserve', grant('g3', 'c', 100), /grant g3 was not allocated from the reserve/],
    [
      'the reserve paying for a grant not of the tender',
      entry('allocation', [['reserve:t:f|core', 0]], 'g9'),
      /the reserve paid for grant g9, which is not a grant/,
    ],
    [
      'a reservation of other than the budget',
      changed({ lots: [tender.lots[0], { id: 'b', value: 500 }] }),
      /reserved 1000 for a budget of 1100/,
    ],
    [
      'a tender holding money the ledger never reserved',
      (items: Record<string, unknown>[]) =>
        changed({ status: 'published', reserved: [{ bucket: 'f|core', amount: 1000 }] })(items.filter((i) => i.entity !== 'ledger-entry')),
      /holds money that was never reserved in the ledger/,
    ],
  ])('finds %s', (_what, damage, problem) => {
    const items = typeof damage === 'function' ? damage(tenderTable()) : [...tenderTable(), damage];
    expect(tableProblems(items).join('\n')).toMatch(problem);
  });

  it('after a plan, finds a lot not awarded, a grant not for the winning price, and a winner with no organisation or two', () => {
    const t = tender as unknown as Tender;
    const grants = [grant('g1', 'a', 499), grant('g2', 'b', 300)];
    expect(lotProblems({ ...t, outcomes: [t.outcomes[0], { lotId: 'b', status: 'failed' }] } as Tender, grants.slice(0, 1), true)).toEqual([
      "lot a's grant is for 499, the winning price 500",
      'lot b is failed, not awarded',
    ]);
    const winner = { id: 'i', orgName: 'Group', email: 'g@x.org' };
    const orgs = [org('o', '360G-grantloop-i')];
    const guards = new Map([['360G-grantloop-i', 'o']]);
    expect(winnerProblems(t, grants, [winner], orgs, guards)).toEqual([]);
    // A retry that made the organisation again under another identifier is still the same bidder's second.
    expect(winnerProblems(t, grants, [winner], [...orgs, org('o2', '360G-other')], guards).join()).toMatch(/has 2 organisations/);
    expect(winnerProblems(t, grants, [winner], [], new Map()).join()).toMatch(/has 0 organisations/);
    expect(winnerProblems(t, [grant('g1', 'a', 500, 'o2')], [winner], orgs, guards).join()).toMatch(
      /grant g1 went to o2, not the winner's organisation o/,
    );
  });

  it("after a plan, finds the tender's workflow failed, lost, or running without waiting on anything", () => {
    const t = tender as unknown as Tender;
    const run = (status: string, waitingOn = 0) => [{ name: 'tender-t-1', status, waitingOn, error: 'LotFailed' }] as never;
    expect(workflowProblems(run('SUCCEEDED'), t)).toEqual([]);
    expect(workflowProblems(run('RUNNING', 1), t)).toEqual([]);
    expect(workflowProblems(run('FAILED'), t)).toEqual(['its workflow tender-t-1 is FAILED LotFailed']);
    expect(workflowProblems(run('RUNNING'), t)).toEqual(['its workflow tender-t-1 is RUNNING and waits on nothing LotFailed']);
    expect(workflowProblems([], t)).toEqual(['its workflow tender-t-1 never started']);
  });
});
