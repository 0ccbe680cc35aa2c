import { timeInWords } from '../../shared/platform/format';
import { londonTime, londonWallClock } from '../../shared/platform/london-time';
import type { PostedForm } from '../lib/web/form';
import type { Option } from '../lib/web/govuk';

/** Pieces of the tender journeys' pages: checkboxes, answers as the check page words them. */

export const procedures: Option[] = [
  { value: 'open', label: 'Open procedure', hint: 'Any provider may bid, in one stage.' },
  {
    value: 'competitive-flexible',
    label: 'Competitive flexible procedure',
    hint: 'Stages the consortium designs, such as shortlisting, then negotiation.',
  },
];
export const serviceKinds: Option[] = [
  {
    value: 'yes',
    label: 'Light touch: social and other specified services',
    hint: 'Such as infrastructure support for the voluntary sector: the light-touch threshold applies (Schedule 1).',
  },
  { value: 'no', label: 'Other goods and services' },
];
export const authorityTypes: Option[] = [
  { value: 'sub-central', label: 'Sub-central', hint: 'Councils, NHS bodies and most others.' },
  { value: 'central', label: 'Central government', hint: 'Its thresholds are lower.' },
];
export const advertising: Option[] = [
  { value: 'yes', label: 'Advertised with a tender notice', hint: 'Any provider can register interest.' },
  {
    value: 'no',
    label: 'By invitation only',
    hint: 'Only below the threshold: the consortium invites the providers it chooses (s.86).',
  },
];
export const scopeKinds: Option[] = [
  { value: 'geography', label: 'A place', hint: 'Such as North Wyvern.' },
  { value: 'function', label: 'What it does', hint: 'Such as volunteering support.' },
];
export const criterionKinds: Option[] = [
  { value: 'quality', label: 'Quality', hint: 'Scored from 0 to 100 by the panel, with reasons.' },
  { value: 'price', label: 'Price', hint: 'Scored from the prices bid: the lowest scores highest.' },
];

export const labelOf = (options: Option[], v: unknown) => options.find((o) => o.value === v)?.label ?? String(v ?? '');

/** A date-and-time input's five boxes as typed, in words ("5pm on 11 December 2026") if they make a moment in London. */
export function typedMoment(typed: PostedForm, name: string): string {
  const [d, m, y, h, min] = ['day', 'month', 'year', 'hour', 'minute'].map((p) => String(typed[`${name}-${p}`] ?? '').trim());
  const date = `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  const time = `${(h ?? '').padStart(2, '0')}:${(min ?? '').padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time)) {
    const at = londonTime(date, time);
    const back = londonWallClock(at);
    if (back.date === date && back.time === time) return timeInWords(at);
  }
  return `${[d, m, y].filter(Boolean).join('/')} ${[h, min].filter(Boolean).join(':')}`.trim();
}
