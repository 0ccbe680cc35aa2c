import { DAY } from '../../infra/local/example';
import { addDays, londonDate } from '../../shared/platform/london-time';
import { stopTrackingPartitionWrites, trackPartitionWrites, type Usage } from '../../shared/platform/usage';
import { grantFixture } from '../support/grant';
import { startTestStack } from '../support/stack';

/** What `benchScale` measures, as it returns it. */
export type ScaleFigures = Awaited<ReturnType<typeof benchScale>>;

/** The benchmark's reporting policy: quarterly light reports for every grant, due 30 days after the quarter, with three reminders. */
export const QUARTERLY_WITH_THREE_REMINDERS = {
  thresholdPence: 10_000_000,
  small: { frequency: 'quarterly', template: 'light' },
  large: { frequency: 'quarterly', template: 'light' },
  dueDaysAfterPeriodEnd: 30,
  reminderOffsetsDays: [-14, -3, 7],
  veryLateAfterDays: 30,
};

/**
 * How long one settle may take at scale. At 10,000 grants a batch of 20 timers firing at once
 * in the first month outlasted the tests' 30 s and the run stopped.
 */
const SETTLE_MS = 15 * 60_000;

function tally(xs: string[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const x of xs) t[x] = (t[x] ?? 0) + 1;
  return t;
}

const diff = (a: Usage, b: Usage, k: keyof Usage) => b[k] - a[k];

/** Which hour (UTC) had the most writes, and the busiest partition key's share of that hour's writes. */
function peakOf(writes: Map<string, number>) {
  const byHour = new Map<number, number>();
  for (const [key, n] of writes) {
    const hour = Number(key.split('|')[0]);
    byHour.set(hour, (byHour.get(hour) ?? 0) + n);
  }
  const [hourUtc, total] = [...byHour].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  const [busiestKey, most] = [...writes].filter(([k]) => k.startsWith(`${hourUtc}|`)).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { hourUtc, writes: total, busiestKey: busiestKey.split('|')[1] ?? '', busiestShare: total ? most / total : 0 };
}

/**
 * A year of `grants` grants from one pooled fund, each with a tranche and quarterly light reports
 * under a policy of three reminders, on the virtual clock: the providers never report, so every
 * period runs its whole course (request, reminders, overdue, very late, not submitted). Wall
 * time and DynamoDB units are the engines' counts for the year, set-up excluded.
 */
export async function benchScale(grants: number, progress: (line: string) => void = () => {}) {
  const stack = await startTestStack();
  try {
    const f = await grantFixture(stack, await stack.seed());
    await stack.api.call(f.lead.admin, 'PUT', `/consortia/${f.consortiumId}/reporting-policy`, QUARTERLY_WITH_THREE_REMINDERS);
    const before = stack.runtime.usage();
    const emailsBefore = (await stack.runtime.emails()).length;
    const writes = trackPartitionWrites();
    const started = Date.now();
    const today = londonDate(stack.clock.now());
    for (let i = 0; i < grants; i++) {
      const g = await stack.api.call<{ id: string }>(f.lead.admin, 'POST', `/pools/${f.poolId}/allocations`, {
        recipientOrgId: f.recipient.id,
        title: `Scale grant ${i}`,
        amount: 5_000,
        currency: 'GBP',
        durationMonths: 12,
        plannedStart: today,
      });
      await stack.api.call(f.lead.admin, 'POST', `/grants/${g.id}/plan`, { tranches: [{ amount: 5_000, dueDate: addDays(today, 1) }] });
      if (i % 100 === 99) {
        await stack.runtime.settle(SETTLE_MS);
        progress(`${i + 1}/${grants} grants awarded and planned (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    }
    await stack.runtime.settle(SETTLE_MS);
    for (let month = 1; month <= 13; month++) {
      await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 30 * DAY), SETTLE_MS);
      progress(`month ${month}: ${stack.runtime.sfn.list().length} executions (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    const after = stack.runtime.usage();
    stopTrackingPartitionWrites();
    return {
      grants,
      seconds: (Date.now() - started) / 1000,
      readUnits: diff(before, after, 'dynamodbReadUnits'),
      writeUnits: diff(before, after, 'dynamodbWriteUnits'),
      emails: (await stack.runtime.emails()).length - emailsBefore,
      executions: stack.runtime.sfn.list().length,
      // Executions by how they ended (or RUNNING), and the errors of those that failed: a run that quietly failed is not a measurement.
      byStatus: tally(stack.runtime.sfn.list().map((e) => e.status)),
      failures: tally(stack.runtime.sfn.list().flatMap((e) => (e.status === 'FAILED' ? [`${e.error}: ${e.cause?.slice(0, 80)}`] : []))),
      // Everything the engines counted for the year (set-up excluded), for the cost at scale.
      usage: Object.fromEntries(Object.keys(after).map((k) => [k, diff(before, after, k as keyof Usage)])) as unknown as Usage,
      peak: peakOf(writes),
    };
  } finally {
    await stack.stop();
  }
}
