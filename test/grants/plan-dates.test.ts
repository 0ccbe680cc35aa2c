import { describe, expect, it } from 'vitest';
import { checkPlanDates } from '../../shared/grants/grant-plan';
import { defaultReportingPolicy, reportPeriods } from '../../shared/grants/report-schedule';
import { DomainError } from '../../shared/platform/errors';

/**
 * Every date of a plan falls within the grant's own dates, both days included. Dates typed by
 * hand: a grant running 1 April 2026 to 31 March 2027.
 */
const grant = { plannedStart: '2026-04-01', plannedEnd: '2027-03-31', amount: 500_000 };
const tranche = (dueDate: string) => ({ tranches: [{ dueDate }] });
const oneOff = (dueDate: string) => ({ tranches: [{ dueDate: '2026-04-01' }], reporting: { dueDate } });

function issuesOf(run: () => void) {
  try {
    run();
    return [];
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.kind).toBe('validation');
    return e.issues.map((i) => [i.field, i.message]);
  }
}

describe("a plan's dates within the grant's dates", () => {
  it('refuses a report due the day before the grant starts, and allows one due on its first and last days', () => {
    expect(issuesOf(() => checkPlanDates(grant, oneOff('2026-03-31')))).toEqual([
      ['reporting.dueDate', 'the report due date (31 March 2026) must be on or after the day the grant starts, 1 April 2026'],
    ]);
    expect(issuesOf(() => checkPlanDates(grant, oneOff('2026-04-01')))).toEqual([]);
    expect(issuesOf(() => checkPlanDates(grant, oneOff('2027-03-31')))).toEqual([]);
    expect(issuesOf(() => checkPlanDates(grant, oneOff('2027-04-01')))).toEqual([
      ['reporting.dueDate', 'the report due date (1 April 2027) must be on or before the day the grant ends, 31 March 2027'],
    ]);
  });

  it('refuses a tranche paid outside the grant, naming each tranche, and allows the first and last days', () => {
    expect(issuesOf(() => checkPlanDates(grant, tranche('2026-03-31')))).toEqual([
      ['tranches.0.dueDate', 'the payment date of tranche 1 (31 March 2026) must be on or after the day the grant starts, 1 April 2026'],
    ]);
    expect(issuesOf(() => checkPlanDates(grant, { tranches: [{ dueDate: '2026-04-01' }, { dueDate: '2027-03-31' }] }))).toEqual([]);
    // Every date wrong is reported at once, each against its own field.
    const both = { tranches: [{ dueDate: '2026-05-01' }, { dueDate: '2027-04-01' }], reporting: { dueDate: '2025-12-20' } };
    expect(issuesOf(() => checkPlanDates(grant, both)).map(([field]) => field)).toEqual(['tranches.1.dueDate', 'reporting.dueDate']);
  });

  it("accepts the periods a frequency derives from the grant's dates, and refuses a period outside them", () => {
    const quarterly = reportPeriods(grant, defaultReportingPolicy, { frequency: 'quarterly' });
    expect(quarterly.map((p) => [p.periodStart, p.periodEnd])[3]).toEqual(['2027-01-01', '2027-03-31']);
    expect(issuesOf(() => checkPlanDates(grant, tranche('2026-04-01'), quarterly))).toEqual([]);
    const backwards = [{ periodStart: '2027-01-01', periodEnd: '2026-12-20' }];
    expect(issuesOf(() => checkPlanDates(grant, tranche('2026-04-01'), backwards))).toEqual([
      ['reporting', "report period 1 falls outside the grant's dates"],
    ]);
  });
});
