import { type Contract, isClosed, type Kpi } from '../contracts/contract';
import { isOverdue } from '../contracts/rag';
import { dayInWords } from '../platform/format';
import { addDays, addMonths, londonDate } from '../platform/london-time';
import { staffPaths } from '../platform/pages';
import type { Task } from './tasks';

interface Period {
  startDate: string;
  endDate: string;
}

/**
 * The last quarter (January–March, April–June, July–September, October–December: the local
 * government financial year's quarters) to have ended before `today` (YYYY-MM-DD).
 */
export function lastCompleteQuarter(today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const current = Math.floor((month - 1) / 3);
  const startMonth = ((current + 3) % 4) * 3 + 1;
  const startDate = `${current === 0 ? year - 1 : year}-${String(startMonth).padStart(2, '0')}-01`;
  return { startDate, endDate: addDays(addMonths(startDate, 3), -1) };
}

const overlaps = (a: Period, b: Period) => a.startDate <= b.endDate && b.startDate <= a.endDate;

/**
 * KPI ratings due, by one rule: each KPI of an active contract is rated for the last complete
 * quarter in which the contract ran (it began by the quarter's last day and had not ended before
 * its first). A rating for any period that overlaps the quarter counts, so a council that rates
 * monthly or for the year so far is not asked again. It is due by the end of the month after
 * the quarter (30 June → 31 July), and stays on the list until it is rated or the next quarter
 * ends, which then takes its place.
 */
export function kpiRatingsDue(c: Contract, today: string): { kpi: Kpi; quarter: Period; by: string }[] {
  if (c.status !== 'active') return [];
  const quarter = lastCompleteQuarter(today);
  if (!overlaps(quarter, c.period)) return [];
  const by = addDays(addMonths(quarter.startDate, 4), -1);
  return c.kpis.filter((k) => !k.ratings.some((r) => overlaps(r.period, quarter))).map((kpi) => ({ kpi, quarter, by }));
}

/**
 * What waits on a council's officers in its contracts: evidence a supplier sent for a milestone
 * (decide it), milestones overdue with no evidence (red, from dates alone: rag.ts), and KPI
 * ratings due. A milestone decided "not met" is red too but waits on nobody.
 */
export function contractTasks(contracts: Contract[], council: { id: string; name: string }, now: Date): Task[] {
  const today = londonDate(now);
  const forWhom = `${council.name}'s contracts`;
  return contracts
    .filter((c) => !isClosed(c))
    .flatMap((c): Task[] => {
      // Each task opens the contract's sub-page where it is done.
      const href = staffPaths.contract(c.id);
      const milestones = c.milestones.flatMap((m): Task[] => {
        if (m.status !== 'scheduled') return [];
        if (m.evidence)
          return [
            {
              kind: 'decide-milestone',
              label: `Decide: ${m.title}`,
              forWhom,
              detail: `${c.supplier.name} sent evidence for ${c.title}.`,
              href,
              when: { label: m.dueDate < today ? 'Was due' : 'Decide by', date: m.dueDate },
            },
          ];
        if (!isOverdue(m, now)) return [];
        return [
          {
            kind: 'milestone-overdue',
            label: `Overdue: ${m.title}`,
            forWhom,
            detail: `No evidence yet from ${c.supplier.name} for ${c.title}.`,
            href,
            when: { label: 'Was due', date: m.dueDate },
          },
        ];
      });
      const ratings = kpiRatingsDue(c, today).map(
        ({ kpi, quarter, by }): Task => ({
          kind: 'rate-kpi',
          label: `Rate ${kpi.name}: ${c.title}`,
          forWhom,
          detail: `For ${dayInWords(quarter.startDate)} to ${dayInWords(quarter.endDate)}, against its target: ${kpi.target}.`,
          href: staffPaths.contractKpis(c.id),
          when: { label: 'Rate by', date: by },
        }),
      );
      return [...milestones, ...ratings];
    });
}
