import { NOTIFIABLE_FROM, type RegimeFacts, thresholdsOn } from './regime';

/**
 * Tenders drafted before regimes were decided from their value (stored items in a state folder
 * or a table) carry only the buyer's own `aboveThreshold` flag: read them as the regime that
 * flag meant, so an old tender still shows and runs.
 */
export function legacyRegime(t: { lots?: { value: number }[]; lightTouch?: boolean; aboveThreshold?: boolean }): RegimeFacts {
  const value = (t.lots ?? []).reduce((a, l) => a + l.value, 0);
  const set = thresholdsOn('2026-01-01');
  const lightTouch = t.lightTouch ?? true;
  return {
    regime: t.aboveThreshold ? (lightTouch ? 'light-touch' : 'above-threshold') : 'below-threshold',
    authorityType: 'sub-central',
    estimatedValue: value,
    threshold: lightTouch ? set.lightTouch : set.goodsAndServices['sub-central'],
    thresholdsFrom: set.from,
    notifiable: Boolean(t.aboveThreshold) || value >= NOTIFIABLE_FROM['sub-central'],
  };
}
