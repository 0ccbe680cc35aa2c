/**
 * Published AWS list prices the cost model multiplies usage by: one entry per unit, each with
 * its source and when it was read. US dollars, US East (N. Virginia) list prices unless the
 * entry says otherwise; Europe (London), where an English consortium would deploy, is the same
 * for Step Functions (read: $0.0250 per 1,000 in London) and dearer for some others (DynamoDB,
 * CloudWatch Logs and SES run roughly 5–15% higher). Only the Step Functions page could be read
 * from this machine (a stored copy); the others are the list prices last published as known in
 * November 2025 and are marked so: check them against the pages before quoting a bill.
 * Update a figure and its `asOf` together.
 */
export interface Price {
  unit: string;
  usd: number;
  /** What is free each month (always free unless `freeFor12Months`). */
  free?: number;
  freeFor12Months?: boolean;
  source: string;
  asOf: string;
}

const asOf = '2025-11 (list price as known; not re-read)';
const read = '2026-11-22 (stored copy of the page)';

export const prices = {
  stateTransition: {
    unit: 'Step Functions Standard state transition',
    usd: 0.025 / 1000,
    free: 4000,
    source: 'https://aws.amazon.com/step-functions/pricing/',
    asOf: read,
  },
  lambdaRequest: { unit: 'Lambda request', usd: 0.2 / 1e6, free: 1e6, source: 'https://aws.amazon.com/lambda/pricing/', asOf },
  lambdaGbSecondArm: {
    unit: 'Lambda GB-second on arm64 (first 7.5 billion a month)',
    usd: 0.0000133334,
    free: 400_000,
    source: 'https://aws.amazon.com/lambda/pricing/',
    asOf,
  },
  dynamodbWriteUnit: {
    unit: 'DynamoDB on-demand write request unit',
    usd: 0.625 / 1e6,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf,
  },
  dynamodbReadUnit: {
    unit: 'DynamoDB on-demand read request unit',
    usd: 0.125 / 1e6,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf,
  },
  dynamodbStorageGbMonth: {
    unit: 'DynamoDB Standard storage, GB-month',
    usd: 0.25,
    free: 25,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf,
  },
  httpApiRequest: {
    unit: 'API Gateway HTTP API request (first 300 million a month)',
    usd: 1.0 / 1e6,
    free: 1e6,
    freeFor12Months: true,
    source: 'https://aws.amazon.com/api-gateway/pricing/',
    asOf,
  },
  email: {
    unit: 'SES outbound email',
    usd: 0.1 / 1000,
    free: 3000,
    freeFor12Months: true,
    source: 'https://aws.amazon.com/ses/pricing/',
    asOf,
  },
  event: { unit: 'EventBridge custom event published', usd: 1.0 / 1e6, source: 'https://aws.amazon.com/eventbridge/pricing/', asOf },
  scheduleInvocation: {
    unit: 'EventBridge Scheduler invocation',
    usd: 1.0 / 1e6,
    free: 14e6,
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    asOf,
  },
  cloudfrontRequest: {
    unit: 'CloudFront HTTPS request (Europe)',
    usd: 0.012 / 10_000,
    free: 10e6,
    source: 'https://aws.amazon.com/cloudfront/pricing/',
    asOf,
  },
  logsIngestedGb: { unit: 'CloudWatch Logs ingested, GB', usd: 0.5, free: 5, source: 'https://aws.amazon.com/cloudwatch/pricing/', asOf },
  logsStoredGbMonth: {
    unit: 'CloudWatch Logs stored, GB-month',
    usd: 0.03,
    free: 5,
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    asOf,
  },
  wafWebAcl: { unit: 'WAF web ACL, month', usd: 5, source: 'https://aws.amazon.com/waf/pricing/', asOf },
  wafRule: { unit: 'WAF rule, month', usd: 1, source: 'https://aws.amazon.com/waf/pricing/', asOf },
  wafRequest: { unit: 'WAF request inspected', usd: 0.6 / 1e6, source: 'https://aws.amazon.com/waf/pricing/', asOf },
  cognitoMau: {
    unit: 'Cognito Essentials monthly active user beyond the free 10,000',
    usd: 0.015,
    free: 10_000,
    source: 'https://aws.amazon.com/cognito/pricing/',
    asOf,
  },
} satisfies Record<string, Price>;
