import { describe, expect, it } from 'vitest';
import { plannedEnd } from '../../shared/pools/grant';

describe('a grant’s planned end', () => {
  it('is the start plus whole months, less a day', () => {
    expect(plannedEnd('2026-04-01', 12)).toBe('2027-03-31');
    expect(plannedEnd('2026-07-01', 18)).toBe('2027-12-31');
    expect(plannedEnd('2026-07-15', 1)).toBe('2026-08-14');
  });

  it('never rolls into the month after a shorter month', () => {
    expect(plannedEnd('2026-01-31', 1)).toBe('2026-02-27');
    expect(plannedEnd('2026-08-31', 6)).toBe('2027-02-27');
    expect(plannedEnd('2027-12-31', 2)).toBe('2028-02-28');
    expect(plannedEnd('2026-03-31', 1)).toBe('2026-04-29');
  });
});
