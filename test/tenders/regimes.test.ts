import { describe, expect, it } from 'vitest';
import { type DutyId, dutiesFor } from '../../shared/tenders/duties';
import { type AuthorityType, regimeOf } from '../../shared/tenders/regime';

/** £ to pence, so the thresholds below read as the Schedule prints them. */
const pounds = (p: number) => Math.round(p * 100);
const of = (value: number, lightTouch: boolean, authorityType: AuthorityType = 'sub-central', on = '2026-12-05') =>
  regimeOf({ estimatedValue: pounds(value), lightTouch, authorityType, on });

describe('the regime a tender falls under (Procurement Act 2023, Schedule 1 thresholds, VAT included)', () => {
  it('light touch: £663,540 and over is a light-touch contract; a penny less is below threshold', () => {
    expect(of(663_540, true)).toMatchObject({ regime: 'light-touch', threshold: pounds(663_540), notifiable: true });
    expect(of(663_539.99, true)).toMatchObject({ regime: 'below-threshold', notifiable: true });
  });

  it('a council’s goods and services: £207,720 from 1 January 2026, £214,904 before it', () => {
    expect(of(207_720, false)).toMatchObject({ regime: 'above-threshold', threshold: pounds(207_720), thresholdsFrom: '2026-01-01' });
    expect(of(207_719.99, false).regime).toBe('below-threshold');
    // A procurement that began in 2025 takes 2025's amount.
    expect(of(207_720, false, 'sub-central', '2025-12-31')).toMatchObject({ regime: 'below-threshold', threshold: pounds(214_904) });
    expect(of(214_904, false, 'sub-central', '2025-12-31').regime).toBe('above-threshold');
  });

  it('central government’s goods and services: £135,018 from 1 January 2026', () => {
    expect(of(135_018, false, 'central')).toMatchObject({ regime: 'above-threshold', threshold: pounds(135_018) });
    expect(of(135_017.99, false, 'central').regime).toBe('below-threshold');
  });

  it('a below-threshold contract is notifiable from £30,000 (£12,000 for central government)', () => {
    expect(of(30_000, true).notifiable).toBe(true);
    expect(of(29_999.99, true).notifiable).toBe(false);
    expect(of(12_000, true, 'central').notifiable).toBe(true);
    expect(of(11_999.99, true, 'central').notifiable).toBe(false);
  });

  it('has no thresholds before the Act commenced', () => {
    expect(() => of(1_000_000, true, 'sub-central', '2025-02-23')).toThrow(/commenced/);
  });
});

const required = (regime: ReturnType<typeof of>, o: { advertised?: boolean; voluntaryStandstillDays?: number; largest?: number } = {}) =>
  Object.fromEntries(
    dutiesFor(regime, {
      advertised: o.advertised ?? true,
      voluntaryStandstillDays: o.voluntaryStandstillDays,
      largestContract: pounds(o.largest ?? 500_000),
    }).map((d) => [d.id, d.required]),
  ) as Record<DutyId, string>;

describe('what each regime asks for', () => {
  it('above threshold: tender notice, summaries, award notice, mandatory standstill, details notice, UK8 and UK10; UK9 only over £5 million', () => {
    expect(required(of(800_000, false))).toEqual({
      UK4: 'yes',
      UK5: 'no',
      'assessment-summaries': 'yes',
      UK6: 'yes',
      standstill: 'yes',
      UK7: 'yes',
      UK8: 'yes',
      UK9: 'no',
      UK10: 'yes',
    });
    expect(required(of(6_000_000, false), { largest: 5_000_000.01 }).UK9).toBe('yes');
    expect(required(of(6_000_000, false), { largest: 5_000_000 }).UK9).toBe('no');
  });

  it('light touch: no mandatory standstill (a voluntary one if chosen), no UK9, no UK10', () => {
    const lt = of(700_000, true);
    expect(required(lt)).toEqual({
      UK4: 'yes',
      UK5: 'no',
      'assessment-summaries': 'yes',
      UK6: 'yes',
      standstill: 'no',
      UK7: 'yes',
      UK8: 'yes',
      UK9: 'no',
      UK10: 'no',
    });
    expect(required(lt, { voluntaryStandstillDays: 10 }).standstill).toBe('voluntary');
    expect(dutiesFor(lt, { advertised: true, largestContract: 1 }).find((d) => d.id === 'UK7')?.when).toContain('120 days');
  });

  it('below threshold: a tender notice only if advertised, a details notice after award, nothing else', () => {
    const below = of(150_000, true);
    const none = { UK5: 'no', 'assessment-summaries': 'no', UK6: 'no', standstill: 'no', UK8: 'no', UK9: 'no', UK10: 'no' };
    expect(required(below)).toEqual({ UK4: 'yes', UK7: 'yes', ...none });
    expect(required(below, { advertised: false })).toEqual({ UK4: 'no', UK7: 'yes', ...none });
    // Under £30,000 it is not notifiable: no notice at all.
    expect(required(of(20_000, true))).toEqual({ UK4: 'no', UK7: 'no', ...none });
  });
});
