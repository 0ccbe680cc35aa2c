/**
 * Published AWS list prices the cost model multiplies usage by: one entry per unit, each with its
 * source and when it was read. US dollars. The system deploys in Europe (London), eu-west-2, so
 * each entry is the London price where one could be found, and says "US East" where it could not.
 *
 * Re-checked on 2026-11-22 from this machine, which has no live web access, only stored copies:
 * - read in AWS's own material: Step Functions (stored copy of the pricing page: London $0.0250
 *   per 1,000, the same as US East), the CloudFront always-free allowance (stored copy of its page);
 * - read in slices of AWS Price List offer files kept in a third-party repository
 *   (github.com/mooncitizen/togen, internal/cost/cmd/testdata, London files published 2026-08-31):
 *   Lambda (same as US East) and the HTTP API ($1.16 per million in London against $1.00);
 * - taken from third-party documents that quote the price-list files they read (September and
 *   October 2026), not read first-hand: CloudWatch Logs, SES, Scheduler, the CloudFront request;
 * - US East only, from third-party pages (no London figure found): DynamoDB, EventBridge custom
 *   events, WAF (AWS says its WAF prices are the same in every region), Cognito.
 * Two things the figures do not capture: accounts opened on or after 15 July 2025 get credits
 * instead of the 12-month free offers (`freeFor12Months` entries; AWS's agent-toolkit-for-aws
 * free-tier reference), and since 21 July 2026 SES puts new accounts on its "Essentials" plan
 * unless the account chooses per-feature pricing (see `email`). Check the pages before quoting a
 * bill.
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

const offers = 'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws';
/** Where the London offer-file slices were read (a third-party copy of AWS's files). */
const togen = 'third-party copy: github.com/mooncitizen/togen internal/cost/cmd/testdata';
/**
 * A third-party hosting-costs document in a public GitHub repository (the search index did not
 * name the repository), which lists each London price-list line it read on 2026-10-06.
 */
const hostingDoc = 'as quoted by a third-party hosting-costs document that read the London price-list file on 2026-10-06';

export const prices = {
  stateTransition: {
    unit: 'Step Functions Standard state transition, Europe (London) (same as US East)',
    usd: 0.025 / 1000,
    free: 4000,
    source: 'https://aws.amazon.com/step-functions/pricing/',
    asOf: '2026-11-22 (read in a stored, undated copy of the page: London and US East both $0.0250 per 1,000; 4,000 free a month)',
  },
  lambdaRequest: {
    unit: 'Lambda request, Europe (London) (same as US East)',
    usd: 0.2 / 1e6,
    free: 1e6,
    source: `${offers}/AWSLambda/20260831092318/eu-west-2/index.json`,
    asOf: `price list published 2026-08-31 (EUW2-Request-ARM and EUW2-Request $0.0000002; free: Global-Request 1,000,000), ${togen}/AWSLambda-eu-west-2.csv, read 2026-11-22`,
  },
  lambdaGbSecondArm: {
    unit: 'Lambda GB-second on arm64, Europe (London) (first 7.5 billion a month; same as US East)',
    usd: 0.0000133334,
    free: 400_000,
    source: `${offers}/AWSLambda/20260831092318/eu-west-2/index.json`,
    asOf: `price list published 2026-08-31 (EUW2-Lambda-GB-Second-ARM tier 1; free: Global-Lambda-GB-Second 400,000), ${togen}/AWSLambda-eu-west-2.csv, read 2026-11-22`,
  },
  // DynamoDB: no London figure found (the stored copies of the AWS page carry no figures).
  dynamodbWriteUnit: {
    unit: 'DynamoDB on-demand write request unit, US East (London not found)',
    usd: 0.625 / 1e6,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf: 'US East, as quoted by third parties (a design note that checked the page on 2026-10-04; airbyte.com, July 2025); read 2026-11-22',
  },
  dynamodbReadUnit: {
    unit: 'DynamoDB on-demand read request unit, US East (London not found)',
    usd: 0.125 / 1e6,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf: 'US East, as quoted by third parties (a design note that checked the page on 2026-10-04; airbyte.com, July 2025); read 2026-11-22',
  },
  dynamodbStorageGbMonth: {
    unit: 'DynamoDB Standard storage, GB-month, US East (London not found)',
    usd: 0.25,
    free: 25,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf: 'US East, as quoted by a third-party design note that checked the page on 2026-10-04 (first 25 GB free); read 2026-11-22',
  },
  httpApiRequest: {
    unit: 'API Gateway HTTP API request, Europe (London) (first 300 million a month; US East is $1.00 per million)',
    usd: 1.16 / 1e6,
    // A 12-month offer: accounts opened on or after 15 July 2025 get credits instead.
    free: 1e6,
    freeFor12Months: true,
    source: `${offers}/AmazonApiGateway/20260831092134/eu-west-2/index.json`,
    asOf: `price list published 2026-08-31 (EUW2-ApiGatewayHttpRequest $1.16/million, first 300 million), ${togen}/AmazonApiGateway-eu-west-2.csv, read 2026-11-22; the free offer is not in the file`,
  },
  // SES: since 2026-07-21 an account is on a pricing plan; per-feature pricing (plan NONE) is the
  // $0.10 per 1,000 below. New accounts start on "Essentials", $0.16 per 1,000 in US East (London
  // not found), as read from the US East price list by api-evangelist/amazon-ses
  // (plans/amazon-ses-plans-pricing.yml, a third-party file); the plans themselves are in AWS's
  // SES API reference (PutAccountPricingAttributes). The 3,000 free a month is the legacy
  // 12-month offer, withdrawn for new accounts.
  email: {
    unit: 'SES outbound email (recipient), Europe (London), per-feature pricing (same as US East)',
    usd: 0.1 / 1000,
    free: 3000,
    freeFor12Months: true,
    source: `${offers}/AmazonSES/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-11 (EUW2-Recipients $0.0001), ${hostingDoc}; read 2026-11-22`,
  },
  event: {
    unit: 'EventBridge custom event published, US East (London not found)',
    usd: 1.0 / 1e6,
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    asOf: 'US East, as quoted by third-party pricing guides (cloudburn.io, March 2026; factualminds.com, June 2026); read 2026-11-22',
  },
  scheduleInvocation: {
    unit: 'EventBridge Scheduler invocation, Europe (London) (after 14 million free a month; US East is $1.00 per million)',
    usd: 1.15 / 1e6,
    free: 14e6,
    source: `${offers}/AWSEvents/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-24 (EUW2-ScheduledInvocation $1.15/million after 14 million free), ${hostingDoc} (one source only); read 2026-11-22`,
  },
  // CloudFront is billed by the edge location that serves the request, not by the origin's region:
  // UK viewers are billed at the Europe rate.
  cloudfrontRequest: {
    unit: 'CloudFront HTTPS request (Europe edge locations)',
    usd: 0.012 / 10_000,
    free: 10e6,
    source: 'https://aws.amazon.com/cloudfront/pricing/',
    asOf: 'price list (global) line EU-Requests-Tier2-HTTPS $0.0120 per 10,000, as quoted by two third-party documents (2026-06-30 and 2026-10-06); always-free 10,000,000 requests read in a stored, undated copy of the page; read 2026-11-22',
  },
  logsIngestedGb: {
    unit: 'CloudWatch Logs ingested (Standard class), GB, Europe (London) (US East is $0.50)',
    usd: 0.5985,
    free: 5,
    source: `${offers}/AmazonCloudWatch/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-22 (EUW2-DataProcessing-Bytes $0.5985; free: Global-DataProcessing-Bytes 5 GB), ${hostingDoc}; the same $0.5985 in a second third-party cost model (September 2026); read 2026-11-22`,
  },
  logsStoredGbMonth: {
    unit: 'CloudWatch Logs stored, GB-month, Europe (London) (US East is $0.03)',
    usd: 0.0315,
    free: 5,
    source: `${offers}/AmazonCloudWatch/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-22 (EUW2-TimedStorage-ByteHrs $0.0315), ${hostingDoc} (one source only; the free 5 GB not re-read); read 2026-11-22`,
  },
  // WAF: "The pricing for AWS WAF is consistent across all AWS Regions" (AWS Networking & Content
  // Delivery blog, "Cost-effective ways for securing your web applications using AWS WAF").
  wafWebAcl: {
    unit: 'WAF web ACL (protection pack), month (same in every region)',
    usd: 5,
    source: 'https://aws.amazon.com/waf/pricing/',
    asOf: 'as quoted by third-party guides (c3x.dev; awsnegotiations.com, 2026), page itself not read; read 2026-11-22',
  },
  wafRule: {
    unit: 'WAF rule, month (same in every region)',
    usd: 1,
    source: 'https://aws.amazon.com/waf/pricing/',
    asOf: 'as quoted by third-party guides (c3x.dev; awsnegotiations.com, 2026), page itself not read; read 2026-11-22',
  },
  wafRequest: {
    unit: 'WAF request inspected (same in every region)',
    usd: 0.6 / 1e6,
    source: 'https://aws.amazon.com/waf/pricing/',
    asOf: 'as quoted by third-party guides (c3x.dev; awsnegotiations.com, 2026), page itself not read; read 2026-11-22',
  },
  cognitoMau: {
    unit: 'Cognito Essentials monthly active user beyond the free 10,000, US East (London not found)',
    usd: 0.015,
    free: 10_000,
    source: 'https://aws.amazon.com/cognito/pricing/',
    asOf: "US East, from the page's worked examples as transcribed on 2026-09-20 by a third party (api-evangelist/amazon-cognito); read 2026-11-22",
  },
} satisfies Record<string, Price>;
