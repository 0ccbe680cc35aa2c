import type { RunFigures } from './demo-year';
import { type Price, prices } from './prices';

export interface CostLine {
  what: string;
  quantity: number;
  unit: string;
  /** Per month, at list price, before any free tier. */
  usd: number;
  /** Per month, after the always-free tier (if it were this workload's alone). */
  afterFree: number;
  source: string;
}

const MEMORY_GB = 0.5;
/** What Lambda writes per invocation (START, END and REPORT lines) plus a line of our own: an estimate, not a count. */
const LOG_BYTES_PER_INVOCATION = 600;

function line(what: string, perMonth: number, price: Price): CostLine {
  const usd = perMonth * price.usd;
  // Only always-free tiers: accounts opened since July 2025 get credits instead of the 12-month offers.
  const afterFree = Math.max(0, perMonth - (price.freeFor12Months ? 0 : (price.free ?? 0))) * price.usd;
  return { what, quantity: perMonth, unit: price.unit, usd, afterFree, source: `${price.source} (${price.asOf})` };
}

/**
 * A run's counted usage per month × published prices (test/bench/prices.ts). Usage, its free
 * tiers and the fixed monthly costs are kept apart: usage is what grows with the work, fixed is
 * what a deployment pays idle.
 */
export function costModel(run: RunFigures, o: { waf: boolean }) {
  const months = run.days / 30.44;
  const m = (n: number) => n / months;
  const u = run.usage;
  const requests = m(u.apiRequests);
  const usage = [
    line('emails sent', m(run.emails), prices.email),
    line('Step Functions state transitions', m(u.stateTransitions), prices.stateTransition),
    line('Lambda requests', m(u.lambdaInvocations), prices.lambdaRequest),
    line('Lambda compute (512 MB, time measured on this machine)', m((u.lambdaMilliseconds / 1000) * MEMORY_GB), prices.lambdaGbSecondArm),
    line('DynamoDB write units', m(u.dynamodbWriteUnits), prices.dynamodbWriteUnit),
    line('DynamoDB read units', m(u.dynamodbReadUnits), prices.dynamodbReadUnit),
    line('HTTP API requests', requests, prices.httpApiRequest),
    line('CloudFront requests', requests, prices.cloudfrontRequest),
    line('EventBridge events', m(run.events), prices.event),
    line('Scheduler invocations', m(u.schedulesFired), prices.scheduleInvocation),
    line('CloudWatch Logs ingested (estimated)', (m(u.lambdaInvocations) * LOG_BYTES_PER_INVOCATION) / 1e9, prices.logsIngestedGb),
    ...(o.waf ? [line('WAF requests inspected', requests, prices.wafRequest)] : []),
  ];
  const fixed = [
    { what: 'Cognito (a consortium has far fewer than the 10,000 free monthly users)', usd: 0 },
    { what: 'KMS: none (tables, queues and logs use AWS-owned keys)', usd: 0 },
    {
      what: 'CloudWatch Logs storage at one month retention (estimated)',
      usd: ((m(u.lambdaInvocations) * LOG_BYTES_PER_INVOCATION) / 1e9) * prices.logsStoredGbMonth.usd,
    },
    { what: 'DynamoDB storage (well inside the free 25 GB)', usd: 0 },
    ...(o.waf ? [{ what: 'WAF web ACL and its rule', usd: prices.wafWebAcl.usd + prices.wafRule.usd }] : []),
  ];
  const sum = (xs: { usd: number }[]) => xs.reduce((a, x) => a + x.usd, 0);
  const emailUsd = usage[0]?.usd ?? 0;
  return {
    months,
    usage,
    usagePerMonth: sum(usage),
    afterFreeTier: usage.reduce((a, x) => a + x.afterFree, 0),
    emailsPerMonth: emailUsd,
    usageToEmails: emailUsd > 0 ? sum(usage) / emailUsd : Number.NaN,
    fixed,
    fixedPerMonth: sum(fixed),
  };
}
