import { describe, expect, it } from 'vitest';
import { defaultReportingPolicy, reportPeriods } from '../../shared/grants/report-schedule';
import { addMonths, londonDate, londonOffsetMinutes, londonTime } from '../../shared/platform/london-time';
import { answersAsTyped, checkAnswers, reportTemplates } from '../../shared/reporting/templates';
import { dueMoment, reminderTimes, veryLateMoment } from '../../shared/reporting/timing';

describe('London time', () => {
  it('knows when the clocks change in 2026 (29 March forward, 25 October back)', () => {
    expect(londonOffsetMinutes(new Date('2026-03-29T00:59:00Z'))).toBe(0);
    expect(londonOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T00:59:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(0);
    expect(londonTime('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(londonTime('2026-12-01', '09:00').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('adds months without running off the end of a short month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('reminder offsets', () => {
  it('keep 09:00 London time across a month boundary and the October clock change', () => {
    // Due 2 November 2026: -14 days is 19 October (BST), -3 is 30 October (GMT, after the change).
    const times = reminderTimes('2026-11-02', defaultReportingPolicy).map((r) => [r.offsetDays, r.at.toISOString()]);
    expect(times).toEqual([
      [-14, '2026-10-19T08:00:00.000Z'],
      [-3, '2026-10-30T09:00:00.000Z'],
      [0, '2026-11-02T09:00:00.000Z'],
      [7, '2026-11-09T09:00:00.000Z'],
    ]);
    expect(times.map(([, at]) => londonTime(londonDate(new Date(at as string)), '09:00').toISOString())).toEqual(times.map(([, at]) => at));
  });

  it('keep 09:00 across the March clock change and from one month into the next', () => {
    const times = reminderTimes('2027-04-02', defaultReportingPolicy).map((r) => r.at.toISOString());
    // 19 March (GMT) → 30 March (BST) → 2 April → 9 April.
    expect(times).toEqual(['2027-03-19T09:00:00.000Z', '2027-03-30T08:00:00.000Z', '2027-04-02T08:00:00.000Z', '2027-04-09T08:00:00.000Z']);
  });

  it('a report is due at midnight London time after its due date, and very late 21 days on', () => {
    expect(dueMoment('2026-07-31').toISOString()).toBe('2026-07-31T23:00:00.000Z');
    expect(dueMoment('2026-12-31').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(veryLateMoment('2026-10-10', defaultReportingPolicy).toISOString()).toBe('2026-10-31T09:00:00.000Z');
  });
});

describe('proportionate reporting', () => {
  it('a small grant reports once a year on the light form; a larger one quarterly on the full form', () => {
    const small = reportPeriods({ amount: 999_999, plannedStart: '2026-07-01', plannedEnd: '2027-06-30' }, defaultReportingPolicy);
    expect(small.map((p) => [p.periodEnd, p.dueDate, p.templateId])).toEqual([['2027-06-30', '2027-07-30', 'light']]);
    const large = reportPeriods({ amount: 4_500_000, plannedStart: '2026-07-01', plannedEnd: '2027-06-30' }, defaultReportingPolicy);
    expect(large.map((p) => [p.periodStart, p.periodEnd, p.dueDate])).toEqual([
      ['2026-07-01', '2026-09-30', '2026-10-30'],
      ['2026-10-01', '2026-12-31', '2027-01-30'],
      ['2027-01-01', '2027-03-31', '2027-04-30'],
      ['2027-04-01', '2027-06-30', '2027-07-30'],
    ]);
    expect(large.every((p) => p.templateId === 'full')).toBe(true);
  });

  it('checks answers against the template, naming each field and rule', () => {
    const { issues, measures } = checkAnswers(reportTemplates.light, {
      measures: { 'groups-supported': '12.5', 'funding-secured': '£1,250.50' },
      questions: { difference: '', next: 'x'.repeat(900) },
    });
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ['measures.groups-supported', 'valid-number'],
      ['questions.difference', 'required'],
      ['questions.next', 'max-length'],
    ]);
    expect(measures['funding-secured']).toBe(125_050);
  });

  it('gives a submission back as the form shows it, money in pounds, and checking it again gives the same answers', () => {
    const sent = {
      measures: { 'groups-supported': 1234, 'funding-secured': 840_025, retired: 3 },
      questions: { difference: 'Three groups won grants & one "merged".', next: 'More of the same.', retired: 'gone' },
    };
    const shown = answersAsTyped(reportTemplates.light, sent);
    expect(shown).toEqual({
      measures: { 'groups-supported': '1234', 'funding-secured': '8,400.25' },
      questions: { difference: 'Three groups won grants & one "merged".', next: 'More of the same.' },
    });
    expect(answersAsTyped(reportTemplates.light, { measures: { 'funding-secured': 1_250_000 }, questions: {} }).measures).toEqual({
      'funding-secured': '12,500.00',
    });
    const again = checkAnswers(reportTemplates.light, shown);
    expect([again.issues, again.measures]).toEqual([[], { 'groups-supported': 1234, 'funding-secured': 840_025 }]);
  });
});
