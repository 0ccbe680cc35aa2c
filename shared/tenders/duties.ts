import type { Regime, RegimeFacts } from './regime';

/**
 * What the Procurement Act 2023 asks of a tender in each regime: which notices, whether there
 * is a standstill, and when. The workflow asks `dutiesFor` what to publish, the tender page and
 * the OCDS releases show the same list with dates, and docs/ARCHITECTURE.md's table of regimes
 * is generated from it (infra/regime-table.ts), so the three cannot disagree.
 *
 * grantloop runs competitive tenders (s.19) only: a direct award's transparency notice (UK5,
 * s.44) never arises, and is listed so the table says so.
 */
export const dutyIds = ['UK4', 'UK5', 'assessment-summaries', 'UK6', 'standstill', 'UK7', 'UK8', 'UK9', 'UK10'] as const;
export type DutyId = (typeof dutyIds)[number];

export interface Duty {
  id: DutyId;
  title: string;
  /** `voluntary`: the consortium chose it though the Act does not require it. */
  required: 'yes' | 'no' | 'voluntary';
  /** When, in plain English, with the section of the Act. */
  when: string;
  section: string;
}

interface DutyOptions {
  advertised: boolean;
  voluntaryStandstillDays?: number | undefined;
  /** The largest lot's value (pence): each lot is its own contract, and KPIs (UK9) start above £5 million. */
  largestContract: number;
}

export const dutyTitles: Record<DutyId, string> = {
  UK4: 'Tender notice (UK4)',
  UK5: 'Transparency notice (UK5)',
  'assessment-summaries': 'Assessment summaries',
  UK6: 'Contract award notice (UK6)',
  standstill: 'Standstill period',
  UK7: 'Contract details notice (UK7)',
  UK8: 'Payments compliance notice (UK8)',
  UK9: 'Contract performance notice (UK9)',
  UK10: 'Contract change notice (UK10)',
};

/** KPIs must be set, and performance published (UK9), for a public contract worth more than £5 million (s.52(1), s.71). */
export const KPI_CONTRACT_VALUE = 500_000_000;

type Rule = Omit<Duty, 'id' | 'title'>;
const yes = (when: string, section: string): Rule => ({ required: 'yes', when, section });
const no = (when: string, section: string): Rule => ({ required: 'no', when, section });

const publicContract = (r: Regime) => r !== 'below-threshold';

function tenderNotice(regime: RegimeFacts, o: DutyOptions): Rule {
  if (publicContract(regime.regime)) return yes('when the tender is published, before any bid is invited', 's.21(1)');
  if (!regime.notifiable) return no('a below-threshold contract under £30,000 (£12,000 for central government) needs no notice', 's.86');
  return o.advertised
    ? yes('when the tender is advertised: a below-threshold tender notice', 's.86')
    : no('not advertised: the buyer invites the providers it chooses', 's.86');
}

function standstillRule(regime: RegimeFacts, o: DutyOptions): Rule {
  if (regime.regime === 'above-threshold')
    return yes('eight working days beginning with the day the UK6 is published; no contract before it ends', 's.51(1)-(2)');
  if (regime.regime === 'light-touch')
    return o.voluntaryStandstillDays
      ? {
          required: 'voluntary',
          when: `${o.voluntaryStandstillDays} working days beginning with the day the UK6 is published, as the consortium chose (at least eight)`,
          section: 's.51(3)(f), s.51(4)-(5)',
        }
      : no('none required for a light-touch contract (a voluntary one must be at least eight working days)', 's.51(3)(f), s.51(5)');
  return no('none: the standstill applies to public contracts only', 's.51');
}

function contractDetails(regime: RegimeFacts): Rule {
  if (regime.regime === 'above-threshold') return yes('within 30 days beginning with the day the contract is entered into', 's.53(1)');
  if (regime.regime === 'light-touch') return yes('within 120 days beginning with the day the contract is entered into', 's.53');
  return regime.notifiable
    ? yes('as soon as reasonably practicable after the contract is entered into', 's.87')
    : no('a below-threshold contract under £30,000 (£12,000 for central government) needs no notice', 's.87');
}

function performance(regime: RegimeFacts, o: DutyOptions): Rule {
  if (regime.regime === 'light-touch') return no('not required for a light-touch contract', 's.52(6)(d), s.71(6)');
  if (regime.regime === 'below-threshold') return no('public contracts only', 's.71');
  return o.largestContract > KPI_CONTRACT_VALUE
    ? yes('at least three KPIs set before the contract; performance against them published at least once a year', 's.52(1), s.71')
    : no('only for a contract worth more than £5 million', 's.52(1), s.71');
}

/** Every duty of a tender in its regime, in the order they fall due. */
export function dutiesFor(regime: RegimeFacts, o: DutyOptions): Duty[] {
  const pc = publicContract(regime.regime);
  const rules: Record<DutyId, Rule> = {
    UK4: tenderNotice(regime, o),
    UK5: no('only for a direct award, which grantloop does not run', 's.44'),
    'assessment-summaries': pc
      ? yes('to each supplier whose tender was assessed, before the UK6 is published', 's.50(3)')
      : no('not required below threshold; grantloop still tells every bidder its scores', 's.50(3)'),
    UK6: pc ? yes('before the contract is entered into, after the assessment summaries', 's.50(1)') : no('none below threshold', 's.50'),
    standstill: standstillRule(regime, o),
    UK7: contractDetails(regime),
    UK8: pc ? yes("the buyer's half-yearly notice covers its payments under the contract", 's.69') : no('public contracts only', 's.69'),
    UK9: performance(regime, o),
    UK10:
      regime.regime === 'above-threshold'
        ? yes('before a change that moves the value by more than 10% or the term by more than 10%', 's.75')
        : regime.regime === 'light-touch'
          ? no('not required for a light-touch contract', 's.75(6)(b)')
          : no('public contracts only', 's.75'),
  };
  return dutyIds.map((id) => ({ id, title: dutyTitles[id], ...rules[id] }));
}

export const requires = (duties: Duty[], id: DutyId) => duties.find((d) => d.id === id)?.required !== 'no';
