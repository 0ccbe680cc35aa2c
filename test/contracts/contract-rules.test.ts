import { describe, expect, it } from 'vitest';
import { amendContract, changeStatus, decideMilestone, rateKpi, submitEvidence } from '../../shared/contracts/changes';
import type { ContractInput } from '../../shared/contracts/contract';
import { DomainError } from '../../shared/platform/errors';
import { contractInput, registeredContract } from '../support/contract-input';

const build = (over: Partial<ContractInput> = {}) => registeredContract(contractInput(over));

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError)
      return [...error.issues.map((i) => `${i.field} ${i.rule}`), ...(error.details.rule ? [String(error.details.rule)] : [])];
    throw error;
  }
  return [];
};

describe('registering a contract', () => {
  it('numbers milestones, payments and KPIs, links milestones to payments and normalises the supplier', () => {
    const c = build();
    expect(c.milestones.map((m) => [m.id, m.paymentId, m.status, m.sequence])).toEqual([
      ['M1', 'P1', 'scheduled', 0],
      ['M2', 'P2', 'scheduled', 0],
    ]);
    expect(c.kpis[0]).toMatchObject({ id: 'K1', ratings: [] });
    expect(c.supplier.email).toBe('contracts@wyvern-va.example.org');
  });

  it('names every broken rule at once', () => {
    const bad = () =>
      build({
        title: ' ',
        period: { startDate: '2026-04-01', endDate: '2027-03-31' },
        payments: [{ dueDate: '2028-01-01', amount: 1 }],
        milestones: [{ title: 'Late', type: 'delivery', dueDate: '2027-06-01', deliverable: '', evidenceRequested: '', payment: 4 }],
        kpis: [
          { name: 'Reach', target: '1' },
          { name: 'reach', target: '2' },
        ],
        supplier: { name: 'X', email: 'x@example.org', identifier: 'GB-GOR-1' },
      });
    expect(issuesOf(bad).sort()).toEqual(
      [
        'title required',
        'supplier.identifier org-id-retired-prefix',
        'payments sum-to-value',
        'payments.0.dueDate within-period',
        'milestones.0.dueDate within-period',
        'milestones.0.payment known-payment',
        'kpis.1.name unique',
      ].sort(),
    );
  });
});

describe('milestones: evidence and decisions', () => {
  const now = new Date('2026-05-02T10:00:00Z');
  const evidence = {
    text: 'Plan attached',
    url: 'https://wyvern-va.example.org/plan.pdf',
    submittedAt: '2026-04-29T15:00:00Z',
    via: 'link' as const,
  };

  it('met takes its date from the evidence; the sequence counts each status change; met is final', () => {
    const withEvidence = submitEvidence(build(), 'M1', evidence);
    const met = decideMilestone(withEvidence, 'M1', { status: 'met' }, 'user-ruth', now);
    expect(met.milestones[0]).toMatchObject({
      status: 'met',
      dateMet: '2026-04-29',
      sequence: 1,
      decision: { by: 'user-ruth', reason: '' },
    });
    expect(issuesOf(() => decideMilestone(met, 'M1', { status: 'notMet', reason: 'x' }, 'u', now))).toEqual(['met-is-final']);
    expect(issuesOf(() => submitEvidence(met, 'M1', evidence))).toEqual(['milestone-open']);
    // Evidence sent at half past midnight in a London summer is the day before in UTC: the day it was met is London's.
    const afterMidnight = submitEvidence(build(), 'M1', { ...evidence, submittedAt: '2026-04-29T23:30:00Z' });
    expect(decideMilestone(afterMidnight, 'M1', { status: 'met' }, 'u', now).milestones[0]?.dateMet).toBe('2026-04-30');
  });

  it('not met and partly met need a reason; a missed milestone can be met later', () => {
    expect(issuesOf(() => decideMilestone(build(), 'M1', { status: 'notMet' }, 'u', now))).toEqual(['reason required']);
    const missed = decideMilestone(build(), 'M1', { status: 'notMet', reason: 'No plan by the date' }, 'u', now);
    expect(missed.milestones[0]).toMatchObject({ status: 'notMet', sequence: 1 });
    expect(missed.milestones[0]?.dateMet).toBeUndefined();
    const late = decideMilestone(missed, 'M1', { status: 'met', dateMet: '2026-05-01' }, 'u', now);
    expect(late.milestones[0]).toMatchObject({ status: 'met', dateMet: '2026-05-01', sequence: 2 });
    expect(issuesOf(() => decideMilestone(missed, 'M1', { status: 'met', dateMet: '2026-06-01' }, 'u', now))).toEqual([
      'dateMet not-future',
    ]);
  });

  it('refuses evidence that is not a https link, and anything on a terminated contract', () => {
    expect(issuesOf(() => submitEvidence(build(), 'M1', { ...evidence, url: 'http://x.org' }))).toEqual(['url https-url']);
    const ended = changeStatus(build(), 'terminated', 'Ended by agreement', new Date('2026-05-01T10:00:00Z'));
    expect(issuesOf(() => submitEvidence(ended, 'M1', evidence))).toEqual(['contract-open']);
  });
});

describe('KPIs, amendments and status', () => {
  const now = new Date('2026-10-05T10:00:00Z');
  const q1 = { startDate: '2026-04-01', endDate: '2026-06-30' };

  it('rates each KPI once per ended period on the statutory scale; "other" needs a reason', () => {
    const rated = rateKpi(build(), 'K1', { period: q1, rating: 'approaching-target' }, 'u', now);
    expect(rated.kpis[0]?.ratings).toHaveLength(1);
    expect(issuesOf(() => rateKpi(rated, 'K1', { period: q1, rating: 'good' }, 'u', now))).toEqual(['one-rating-per-period']);
    expect(issuesOf(() => rateKpi(build(), 'K1', { period: q1, rating: 'other' }, 'u', now))).toEqual(['reason required']);
    const future = { startDate: '2026-10-01', endDate: '2026-12-31' };
    expect(issuesOf(() => rateKpi(build(), 'K1', { period: future, rating: 'good' }, 'u', now))).toEqual(['period.endDate period-ended']);
  });

  it('keeps each amendment as what changed from what to what, why, when and by whom; a moved date bumps the sequence', () => {
    const amended = amendContract(
      build(),
      { why: 'Extended for a second year', value: 24_000_000, endDate: '2028-03-31', dueDates: { M2: '2026-10-15' } },
      { id: 'A1', by: 'user-ruth', now },
    );
    expect(amended.amendments).toEqual([
      {
        id: 'A1',
        at: now.toISOString(),
        by: 'user-ruth',
        why: 'Extended for a second year',
        changes: [
          { field: 'value', from: '12000000', to: '24000000' },
          { field: 'period.endDate', from: '2027-03-31', to: '2028-03-31' },
          { field: 'milestones.M2.dueDate', from: '2026-09-30', to: '2026-10-15' },
        ],
      },
    ]);
    expect(amended.milestones[1]).toMatchObject({ dueDate: '2026-10-15', sequence: 1 });
    expect(issuesOf(() => amendContract(build(), { why: 'Nothing' }, { id: 'A2', by: 'u', now }))).toEqual(['why changes-something']);
    expect(issuesOf(() => amendContract(build(), { why: 'Cut', value: 100 }, { id: 'A2', by: 'u', now }))).toEqual([
      'value covers-payments',
    ]);
  });

  it('adds KPIs after the ones there are, each name once on the contract in any case, kept as changes', () => {
    const added = amendContract(
      build(),
      { why: 'Set after the award', addKpis: [{ name: ' Volunteers placed ', target: '50 a year' }] },
      { id: 'A1', by: 'user-ruth', now },
    );
    expect(added.kpis.map((k) => [k.id, k.name, k.target, k.ratings])).toEqual([
      ['K1', 'Groups supported', '120 a year', []],
      ['K2', 'Volunteers placed', '50 a year', []],
    ]);
    expect(added.amendments[0]?.changes).toEqual([{ field: 'kpis.K2', from: '', to: 'Volunteers placed (target: 50 a year)' }]);
    const again = (addKpis: { name: string; target: string }[]) => () =>
      amendContract(build(), { why: 'More', addKpis }, { id: 'A2', by: 'u', now });
    expect(issuesOf(again([{ name: 'GROUPS SUPPORTED', target: 'x' }]))).toEqual(['addKpis.0.name unique']);
    expect(
      issuesOf(
        again([
          { name: 'Hubs open', target: '3' },
          { name: 'hubs open', target: '3' },
        ]),
      ),
    ).toEqual(['addKpis.1.name unique']);
  });

  it('moves status only in OCDS order, and ending needs a reason', () => {
    const pending = { ...build(), status: 'pending' as const };
    const signed = changeStatus(pending, 'active', undefined, now);
    expect([signed.status, signed.statusChangedAt]).toEqual(['active', '2026-10-05T10:00:00.000Z']);
    expect(issuesOf(() => changeStatus(pending, 'terminated', 'x', now))).toEqual(['status-order']);
    expect(issuesOf(() => changeStatus(build(), 'terminated', ' ', now))).toEqual(['reason required']);
  });
});
