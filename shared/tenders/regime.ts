/**
 * Which part of the Procurement Act 2023 a tender falls under, from its estimated value (VAT
 * included), the kind of service and the kind of authority buying it. The thresholds are in one
 * dated table: the amounts in force on the day the procurement begins apply to it.
 *
 * - above threshold (s.3, Schedule 1): a public contract; the full regime;
 * - light touch: a public contract for "social and other specified services" (s.9; local
 *   infrastructure support for charities is one), at or above the light-touch threshold;
 * - below threshold (Part 6, ss.84–88): neither; "notifiable" from £12,000 (central government)
 *   or £30,000 (any other authority), VAT included.
 *
 * All amounts are pence, VAT included (Schedule 1 states them so since 1 January 2024).
 */
export const regimes = ['above-threshold', 'light-touch', 'below-threshold'] as const;
export type Regime = (typeof regimes)[number];

/** Central government authorities (departments, NHS trusts) have a lower threshold than sub-central ones (councils). */
export const authorityTypes = ['sub-central', 'central'] as const;
export type AuthorityType = (typeof authorityTypes)[number];

interface ThresholdSet {
  /** The first day a procurement beginning on it takes these amounts. */
  from: string;
  source: string;
  /** Goods and services other than light touch, by authority type. */
  goodsAndServices: Record<AuthorityType, number>;
  /** Light-touch contracts other than utilities' or concessions. */
  lightTouch: number;
}

/** Schedule 1 of the Act, as in force on each date. The newest set that has begun applies. */
export const THRESHOLDS: readonly ThresholdSet[] = [
  {
    from: '2025-02-24',
    source: 'Procurement Act 2023, Schedule 1, as in force when the Act commenced (24 February 2025)',
    goodsAndServices: { central: 13_968_800, 'sub-central': 21_490_400 },
    lightTouch: 66_354_000,
  },
  {
    from: '2026-01-01',
    source:
      'Procurement Act 2023, Schedule 1, as amended by the Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025 (SI 2025/1200)',
    goodsAndServices: { central: 13_501_800, 'sub-central': 20_772_000 },
    lightTouch: 66_354_000,
  },
];

/** A below-threshold contract is "notifiable" (ss.86–87 apply) from these amounts, VAT included. */
export const NOTIFIABLE_FROM: Record<AuthorityType, number> = { central: 1_200_000, 'sub-central': 3_000_000 };

export interface RegimeFacts {
  regime: Regime;
  authorityType: AuthorityType;
  /** The estimated value the regime was decided on (pence, VAT included). */
  estimatedValue: number;
  /** The threshold it was compared with, and the dated set that threshold comes from. */
  threshold: number;
  thresholdsFrom: string;
  /** Below threshold: whether it is a notifiable below-threshold contract (always true above). */
  notifiable: boolean;
}

export function thresholdsOn(date: string): ThresholdSet {
  const set = [...THRESHOLDS].reverse().find((t) => t.from <= date);
  if (!set) throw new Error(`no Procurement Act thresholds are in force on ${date} (the Act commenced on 24 February 2025)`);
  return set;
}

/**
 * The regime of a contract worth `estimatedValue` (pence, VAT included) for a service that is
 * or is not light touch, bought by an authority of `authorityType`, in a procurement that
 * begins on `on` (YYYY-MM-DD). A value equal to the threshold is above it ("not less than",
 * s.3(2)(b)).
 */
export function regimeOf(input: { estimatedValue: number; lightTouch: boolean; authorityType: AuthorityType; on: string }): RegimeFacts {
  const set = thresholdsOn(input.on);
  const threshold = input.lightTouch ? set.lightTouch : set.goodsAndServices[input.authorityType];
  const above = input.estimatedValue >= threshold;
  return {
    regime: above ? (input.lightTouch ? 'light-touch' : 'above-threshold') : 'below-threshold',
    authorityType: input.authorityType,
    estimatedValue: input.estimatedValue,
    threshold,
    thresholdsFrom: set.from,
    notifiable: above || input.estimatedValue >= NOTIFIABLE_FROM[input.authorityType],
  };
}

export const regimeNames: Record<Regime, string> = {
  'above-threshold': 'Above threshold',
  'light-touch': 'Light touch',
  'below-threshold': 'Below threshold',
};
