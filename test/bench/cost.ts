import { type ColdFigures, personPaceMinutes } from './cold-model';
import type { RunFigures } from './demo-year';
import { cloudfrontPlans, type FlatRatePlan, type Price, prices } from './prices';

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

/**
 * What stands in front of the API: CloudFront alone (WAF off), CloudFront with the WAF web ACL
 * and its one rate-based rule, or CloudFront on a flat-rate plan, whose bundled web ACL carries
 * the rule for no further charge.
 */
export type Front = 'waf off' | 'waf web acl' | 'flat-rate plan';

export interface CostOptions {
  front: Front;
  /**
   * The summed modelled init of the run's cold starts, ms, for the whole run (scaled per month
   * like the rest): `coldInitMs` of the cold-start model's row for the plan "one function per
   * route (now)" at a 15-minute idle lifetime. Lambda bills INIT since 1 August 2025.
   */
  coldInitMs?: number;
  /** GetSecretValue calls in the run: one per cold start of a routed function (the front door's secret). */
  secretReads?: number;
}

const MEMORY_GB = 0.5;
/** What Lambda writes per invocation (START, END and REPORT lines) plus a line of our own: an estimate, not a count. */
const LOG_BYTES_PER_INVOCATION = 600;
/** The front door's monthly rotation (shared/platform/front-door-rotation.ts): its four steps, and the Secrets Manager calls they make. */
const ROTATION_INVOCATIONS = 4;
const ROTATION_CALLS = 6;

function line(what: string, perMonth: number, price: Price): CostLine {
  const usd = perMonth * price.usd;
  // Only always-free tiers: accounts opened since July 2025 get credits instead of the 12-month offers.
  const afterFree = Math.max(0, perMonth - (price.freeFor12Months ? 0 : (price.free ?? 0))) * price.usd;
  return { what, quantity: perMonth, unit: price.unit, usd, afterFree, source: `${price.source} (${price.asOf})` };
}

/** The smallest flat-rate plan whose request allowance covers the month (Pro, beyond which a plan costs $200). */
export function flatRatePlanFor(requestsPerMonth: number): FlatRatePlan {
  return requestsPerMonth <= cloudfrontPlans.free.requests ? cloudfrontPlans.free : cloudfrontPlans.pro;
}

function lambdaLines(u: RunFigures['usage'], o: CostOptions, m: (n: number) => number): CostLine[] {
  const computeGbSeconds = m((u.lambdaMilliseconds / 1000) * MEMORY_GB);
  const initGbSeconds = m(((o.coldInitMs ?? 0) / 1000) * MEMORY_GB);
  // INIT is billed as duration at the same rate, so it shares the free GB-seconds with the handlers' time.
  const initPrice = { ...prices.lambdaGbSecondArm, free: Math.max(0, (prices.lambdaGbSecondArm.free ?? 0) - computeGbSeconds) };
  return [
    line('Lambda requests', m(u.lambdaInvocations), prices.lambdaRequest),
    line('Lambda compute (512 MB, time measured on this machine)', computeGbSeconds, prices.lambdaGbSecondArm),
    line('Lambda INIT of cold starts (512 MB, modelled: one function per route, 15-minute idle lifetime)', initGbSeconds, initPrice),
  ];
}

function usageLines(run: RunFigures, o: CostOptions, m: (n: number) => number): CostLine[] {
  const u = run.usage;
  const requests = m(u.apiRequests);
  const flat = o.front === 'flat-rate plan';
  return [
    line('emails sent', m(run.emails), prices.email),
    line('Step Functions state transitions', m(u.stateTransitions), prices.stateTransition),
    ...lambdaLines(u, o, m),
    line('DynamoDB write units', m(u.dynamodbWriteUnits), prices.dynamodbWriteUnit),
    line('DynamoDB read units', m(u.dynamodbReadUnits), prices.dynamodbReadUnit),
    line('HTTP API requests', requests, prices.httpApiRequest),
    // On a flat-rate plan CloudFront's requests, and its web ACL's, are in the plan's price.
    ...(flat ? [] : [line('CloudFront requests', requests, prices.cloudfrontRequest)]),
    line('EventBridge events', m(run.events), prices.event),
    line('Scheduler invocations', m(u.schedulesFired), prices.scheduleInvocation),
    line('CloudWatch Logs ingested (estimated)', (m(u.lambdaInvocations) * LOG_BYTES_PER_INVOCATION) / 1e9, prices.logsIngestedGb),
    line('Secrets Manager GetSecretValue (one per cold start of a routed function)', m(o.secretReads ?? 0), prices.secretApiCall),
    ...(o.front === 'waf web acl' ? [line('WAF requests inspected', requests, prices.wafRequest)] : []),
  ];
}

function frontFixed(front: Front, requestsPerMonth: number): { what: string; usd: number }[] {
  if (front === 'waf web acl') return [{ what: 'WAF web ACL and its rule', usd: prices.wafWebAcl.usd + prices.wafRule.usd }];
  if (front === 'waf off') return [];
  const plan = flatRatePlanFor(requestsPerMonth);
  const share = `${Math.round(requestsPerMonth)} requests a month of its ${plan.requests.toLocaleString('en-GB')}`;
  return [{ what: `${plan.name} (CloudFront, WAF web ACL and DDoS protection; ${share})`, usd: plan.usdPerMonth }];
}

function fixedLines(run: RunFigures, o: CostOptions, m: (n: number) => number) {
  const logsGb = (m(run.usage.lambdaInvocations) * LOG_BYTES_PER_INVOCATION) / 1e9;
  return [
    { what: 'Cognito (a consortium has far fewer than the 10,000 free monthly users)', usd: 0 },
    { what: 'KMS: none (tables, queues and logs use AWS-owned keys)', usd: 0 },
    { what: 'CloudWatch Logs storage at one month retention (estimated)', usd: logsGb * prices.logsStoredGbMonth.usd },
    { what: 'DynamoDB storage (well inside the free 25 GB)', usd: 0 },
    { what: "Secrets Manager: the front door's secret", usd: prices.secret.usd },
    {
      what: `its monthly rotation: ${ROTATION_INVOCATIONS} Lambda requests and ${ROTATION_CALLS} Secrets Manager calls (duration not counted)`,
      usd: ROTATION_INVOCATIONS * prices.lambdaRequest.usd + ROTATION_CALLS * prices.secretApiCall.usd,
    },
    ...frontFixed(o.front, m(run.usage.apiRequests)),
  ];
}

/**
 * The cold-start model's figures the cost model takes: the stack as it is (one function per
 * route) at a 15-minute idle lifetime; a routed function's cold start reads the secret once.
 */
export function coldUsage(rows: readonly ColdFigures[]): Pick<CostOptions, 'coldInitMs' | 'secretReads'> {
  const now15 = rows.find((r) => r.idleMinutes === 15 && r.paceMinutes === personPaceMinutes && r.plan === 'one function per route (now)');
  if (!now15) return {};
  const k = now15.byKind;
  return { coldInitMs: now15.coldInitMs, secretReads: k['staff page'].cold + k['link page'].cold + k.api.cold };
}

/**
 * A run's counted usage per month × published prices (test/bench/prices.ts). Usage, its free
 * tiers and the fixed monthly costs are kept apart: usage is what grows with the work, fixed is
 * what a deployment pays idle.
 */
export function costModel(run: RunFigures, o: CostOptions) {
  const months = run.days / 30.44;
  const m = (n: number) => n / months;
  const usage = usageLines(run, o, m);
  const fixed = fixedLines(run, o, m);
  const sum = (xs: { usd: number }[]) => xs.reduce((a, x) => a + x.usd, 0);
  const emailUsd = usage[0]?.usd ?? 0;
  return {
    front: o.front,
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
