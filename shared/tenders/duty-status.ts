import { londonDate } from '../platform/london-time';
import { type Duty, dutiesFor } from './duties';
import { legacyRegime } from './legacy';
import { contractDetailsDue } from './statutory-periods';
import type { Tender } from './tender';

/** A duty as it stands on one tender: done (when), due (by when, if the Act fixes a day), or not required. */
export interface DutyState extends Duty {
  status: 'done' | 'due' | 'not-required' | 'after-award';
  doneAt?: string;
  /** The last day it may be done (YYYY-MM-DD, London), where the Act fixes one. */
  dueBy?: string;
}

export const regimeOfTender = (t: Pick<Tender, 'regime'> & Partial<Pick<Tender, 'lots' | 'lightTouch'>>) => t.regime ?? legacyRegime(t);

/** The duties of `dutiesFor`, for this tender's regime and choices. */
export const tenderDuties = (t: Tender): Duty[] =>
  dutiesFor(regimeOfTender(t), {
    advertised: t.advertised ?? true,
    voluntaryStandstillDays: t.voluntaryStandstillDays,
    largestContract: Math.max(...t.lots.map((l) => l.value)),
  });

/** The day the first lot's contract was entered into (its award), from which the UK7's period runs. */
const enteredOn = (t: Tender) =>
  t.outcomes
    .map((o) => o.awardedAt)
    .filter((x): x is string => Boolean(x))
    .sort()[0];

/** Each duty of the tender with what has happened: the tender page and the OCDS releases show these. */
export function dutyStates(t: Tender): DutyState[] {
  const notice = (type: 'UK4' | 'UK6' | 'UK7') => t.notices.find((n) => n.type === type)?.publishedAt;
  const done: Partial<Record<Duty['id'], string | undefined>> = {
    UK4: notice('UK4'),
    'assessment-summaries': t.assessmentSummaries?.sentAt,
    UK6: notice('UK6'),
    standstill: t.standstill ? t.standstill.endsAt : undefined,
    UK7: notice('UK7'),
  };
  const entered = enteredOn(t);
  const uk7 = entered ? contractDetailsDue(londonDate(new Date(entered)), regimeOfTender(t)) : undefined;
  return tenderDuties(t).map((d): DutyState => {
    if (d.required === 'no') return { ...d, status: 'not-required' };
    const dueBy = d.id === 'UK7' && uk7 && 'by' in uk7 ? { dueBy: uk7.by } : {};
    const at = done[d.id];
    if (at) return { ...d, status: 'done', doneAt: at, ...dueBy };
    if (d.id === 'UK8' || d.id === 'UK9' || d.id === 'UK10') return { ...d, status: 'after-award' };
    return { ...d, status: 'due', ...dueBy };
  });
}
