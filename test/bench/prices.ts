/**
 * Published AWS list prices the cost model multiplies usage by: one entry per unit, each with its
 * source and when it was read. US dollars. The system deploys in Europe (London), eu-west-2, so
 * each entry is the London price where one could be found, and says "US East" where it could not.
 *
 * Re-read on 2026-12-05 (issue 27 item 5) from this machine, which has no live web access, only
 * stored copies of pages and of public repositories. AWS's pricing pages fill their tables in
 * the browser, so the stored copies of aws.amazon.com/<service>/pricing/ carry the words but not
 * the figures; what each entry rests on:
 * - first-hand AWS text: Step Functions (a stored copy of the pricing page, read 2026-11-22, not
 *   re-read), the CloudFront always-free allowance (likewise), INIT billing (the stored Lambda
 *   pricing page: "Duration charges apply to code that runs in the handler of a function as well
 *   as initialization code that is declared outside of the handler"), and WAF's "consistent across
 *   all AWS Regions" (AWS Networking & Content Delivery blog);
 * - AWS Price List offer files for London, but read in copies or quotations by third parties:
 *   Lambda and the HTTP API (slices of the files in github.com/mooncitizen/togen, published
 *   2026-08-31; Lambda also quoted from the 2026-10-01 file), CloudWatch Logs, SES, Scheduler, the
 *   CloudFront request, Secrets Manager (a hosting-costs document that lists each price-list line
 *   it read on 2026-10-06);
 * - third parties only, US East (no London figure found on 2026-12-05 either): DynamoDB,
 *   EventBridge custom events, WAF, Cognito; CloudFront's flat-rate plans (the plan prices and
 *   allowances as transcribed from AWS's pricing page and developer guide by a third party).
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
    asOf: '2026-11-22 (read in a stored, undated copy of the page: London and US East both $0.0250 per 1,000; 4,000 free a month); not re-read on 2026-12-05',
  },
  lambdaRequest: {
    unit: 'Lambda request, Europe (London) (same as US East)',
    usd: 0.2 / 1e6,
    free: 1e6,
    source: `${offers}/AWSLambda/20260831092318/eu-west-2/index.json`,
    asOf: `price list published 2026-08-31 (EUW2-Request-ARM and EUW2-Request $0.0000002; free: Global-Request 1,000,000), ${togen}/AWSLambda-eu-west-2.csv, read 2026-11-22; ${hostingDoc} (file of 2026-10-01): the same, re-read 2026-12-05`,
  },
  lambdaGbSecondArm: {
    unit: 'Lambda GB-second on arm64, Europe (London) (first 7.5 billion a month; same as US East)',
    usd: 0.0000133334,
    free: 400_000,
    source: `${offers}/AWSLambda/20260831092318/eu-west-2/index.json`,
    asOf: `price list published 2026-08-31 (EUW2-Lambda-GB-Second-ARM tier 1; free: Global-Lambda-GB-Second 400,000), ${togen}/AWSLambda-eu-west-2.csv, read 2026-11-22; ${hostingDoc} (file of 2026-10-01): the same, re-read 2026-12-05. INIT is billed at this rate too: the stored AWS pricing page says duration charges apply to initialization code outside the handler (read 2026-12-05)`,
  },
  // DynamoDB: no London figure found (the stored copies of the AWS page carry no figures).
  dynamodbWriteUnit: {
    unit: 'DynamoDB on-demand write request unit, US East (London not found)',
    usd: 0.625 / 1e6,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf: 'US East, as quoted by third parties (a design note that checked the page on 2026-10-04; airbyte.com, July 2025); read 2026-11-22; re-searched 2026-12-05: the stored AWS page still carries no figures and no London price-list line was found (the London-labelled DynamoDB lines found in one repository are test fixtures with made-up prices, not used)',
  },
  dynamodbReadUnit: {
    unit: 'DynamoDB on-demand read request unit, US East (London not found)',
    usd: 0.125 / 1e6,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf: 'US East, as quoted by third parties (a design note that checked the page on 2026-10-04; airbyte.com, July 2025); read 2026-11-22; re-searched 2026-12-05: the stored AWS page still carries no figures and no London price-list line was found (the London-labelled DynamoDB lines found in one repository are test fixtures with made-up prices, not used)',
  },
  dynamodbStorageGbMonth: {
    unit: 'DynamoDB Standard storage, GB-month, US East (London not found)',
    usd: 0.25,
    free: 25,
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    asOf: 'US East, as quoted by a third-party design note that checked the page on 2026-10-04 (first 25 GB free); read 2026-11-22; re-searched 2026-12-05: the stored AWS page still carries no figures and no London price-list line was found (the London-labelled DynamoDB lines found in one repository are test fixtures with made-up prices, not used)',
  },
  httpApiRequest: {
    unit: 'API Gateway HTTP API request, Europe (London) (first 300 million a month; US East is $1.00 per million)',
    usd: 1.16 / 1e6,
    // A 12-month offer: accounts opened on or after 15 July 2025 get credits instead.
    free: 1e6,
    freeFor12Months: true,
    source: `${offers}/AmazonApiGateway/20260831092134/eu-west-2/index.json`,
    asOf: `price list published 2026-08-31 (EUW2-ApiGatewayHttpRequest $1.16/million, first 300 million), ${togen}/AmazonApiGateway-eu-west-2.csv, read 2026-11-22; the free offer is not in the file; not re-read on 2026-12-05`,
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
    asOf: `price list published 2026-09-11 (EUW2-Recipients $0.0001), ${hostingDoc}; read 2026-11-22, the same line re-read 2026-12-05`,
  },
  event: {
    unit: 'EventBridge custom event published, US East (London not found)',
    usd: 1.0 / 1e6,
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    asOf: 'US East, as quoted by third-party pricing guides (cloudburn.io, March 2026; factualminds.com, June 2026); read 2026-11-22; re-searched 2026-12-05: no London line (EUW2 custom events) found in any stored copy',
  },
  scheduleInvocation: {
    unit: 'EventBridge Scheduler invocation, Europe (London) (after 14 million free a month; US East is $1.00 per million)',
    usd: 1.15 / 1e6,
    free: 14e6,
    source: `${offers}/AWSEvents/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-24 (EUW2-ScheduledInvocation $1.15/million after 14 million free), ${hostingDoc} (one source only); read 2026-11-22, the same line re-read 2026-12-05`,
  },
  // CloudFront is billed by the edge location that serves the request, not by the origin's region:
  // UK viewers are billed at the Europe rate.
  cloudfrontRequest: {
    unit: 'CloudFront HTTPS request (Europe edge locations)',
    usd: 0.012 / 10_000,
    free: 10e6,
    source: 'https://aws.amazon.com/cloudfront/pricing/',
    asOf: 'price list (global) line EU-Requests-Tier2-HTTPS $0.0120 per 10,000, as quoted by two third-party documents (2026-06-30 and 2026-10-06); always-free 10,000,000 requests read in a stored, undated copy of the page; read 2026-11-22; the hosting-costs document re-read 2026-12-05: the same line, from AmazonCloudFront (global) published 2026-10-03',
  },
  logsIngestedGb: {
    unit: 'CloudWatch Logs ingested (Standard class), GB, Europe (London) (US East is $0.50)',
    usd: 0.5985,
    free: 5,
    source: `${offers}/AmazonCloudWatch/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-22 (EUW2-DataProcessing-Bytes $0.5985; free: Global-DataProcessing-Bytes 5 GB), ${hostingDoc}; the same $0.5985 in a second third-party cost model (September 2026); read 2026-11-22, re-read 2026-12-05 (5 GB ingested free, the Global-DataProcessing-Bytes line)`,
  },
  logsStoredGbMonth: {
    unit: 'CloudWatch Logs stored, GB-month, Europe (London) (US East is $0.03)',
    usd: 0.0315,
    free: 5,
    source: `${offers}/AmazonCloudWatch/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-22 (EUW2-TimedStorage-ByteHrs $0.0315), ${hostingDoc} (one source only; the free 5 GB of storage not found); read 2026-11-22, re-read 2026-12-05`,
  },
  // WAF: "The pricing for AWS WAF is consistent across all AWS Regions" (AWS Networking & Content
  // Delivery blog, "Cost-effective ways for securing your web applications using AWS WAF").
  wafWebAcl: {
    unit: 'WAF web ACL (protection pack), month (same in every region)',
    usd: 5,
    source: 'https://aws.amazon.com/waf/pricing/',
    asOf: 'as quoted by third-party guides (c3x.dev; awsnegotiations.com, 2026), page itself not read; read 2026-11-22; re-searched 2026-12-05: the stored AWS page and blog carry no figures (the blog: same in every region, monthly fees prorated by the hour), so still third-party only',
  },
  wafRule: {
    unit: 'WAF rule, month (same in every region)',
    usd: 1,
    source: 'https://aws.amazon.com/waf/pricing/',
    asOf: 'as quoted by third-party guides (c3x.dev; awsnegotiations.com, 2026), page itself not read; read 2026-11-22; re-searched 2026-12-05: the stored AWS page and blog carry no figures (the blog: same in every region, monthly fees prorated by the hour), so still third-party only',
  },
  wafRequest: {
    unit: 'WAF request inspected (same in every region)',
    usd: 0.6 / 1e6,
    source: 'https://aws.amazon.com/waf/pricing/',
    asOf: 'as quoted by third-party guides (c3x.dev; awsnegotiations.com, 2026), page itself not read; read 2026-11-22; re-searched 2026-12-05: the stored AWS page and blog carry no figures (the blog: same in every region, monthly fees prorated by the hour), so still third-party only',
  },
  cognitoMau: {
    unit: 'Cognito Essentials monthly active user beyond the free 10,000, US East (London not found)',
    usd: 0.015,
    free: 10_000,
    source: 'https://aws.amazon.com/cognito/pricing/',
    asOf: "US East, from the page's worked examples as transcribed on 2026-09-20 by a third party (api-evangelist/amazon-cognito); read 2026-11-22; not re-read on 2026-12-05",
  },
  // Secrets Manager: no free tier (only the credits new accounts get).
  secret: {
    unit: 'Secrets Manager secret, month, Europe (London) (prorated by the hour; same as US East)',
    usd: 0.4,
    source: `${offers}/AWSSecretsManager/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-11 (EUW2-AWSSecretsManager-Secrets $0.40 per secret-month), ${hostingDoc}; US East $0.40 in the page's worked examples as transcribed on 2026-09-20 by a third party (api-evangelist/amazon-secrets-manager); read 2026-12-05`,
  },
  secretApiCall: {
    unit: 'Secrets Manager API call (GetSecretValue and the rest), Europe (London) (same as US East)',
    usd: 0.05 / 10_000,
    source: `${offers}/AWSSecretsManager/current/eu-west-2/index.json`,
    asOf: `price list published 2026-09-11 (EUW2-AWSSecretsManagerAPIRequest $0.05 per 10,000), ${hostingDoc}; US East the same per the third-party transcription above; read 2026-12-05`,
  },
} satisfies Record<string, Price>;

/** A CloudFront flat-rate plan: one distribution (and one apex domain) for a monthly price, no overage charges. */
export interface FlatRatePlan {
  name: string;
  usdPerMonth: number;
  /** Requests a month the plan allows; beyond it AWS may slow the distribution or ask for a bigger plan (requests blocked by WAF do not count). */
  requests: number;
  dataTransferGb: number;
  source: string;
  asOf: string;
}

const plansAsOf =
  "as transcribed on 2026-09-05 from AWS's pricing page (prices) and developer guide (allowances) by a third party (api-evangelist/cloudfront, plans/cloudfront-plans-pricing.yml); the same four prices in aws/aws-cdk issue 37857 and in third-party write-ups of the 18 November 2025 launch; AWS's pages themselves not found in a stored copy with figures; read 2026-12-05";

/**
 * CloudFront's flat-rate plans (since 18 November 2025; Business at $200 and Premium at $1,000 are
 * far beyond a consortium). Each bundles, for one distribution: CloudFront delivery, an AWS WAF
 * web ACL (required, and included), DDoS protection, Route 53 DNS, CloudWatch Logs ingestion of
 * its logs, CloudFront Functions and S3 storage credits. Not in a plan: the HTTP API, Lambda and
 * everything behind CloudFront. Third-party summaries say Free-tier (credit) accounts cannot take
 * a plan and an account may have at most three Free plans; not read in AWS's own words.
 * AWS's own agent-toolkit-for-aws CloudFront skill (July 2026) describes "Flat Rate Pricing" as a
 * monthly commitment with overage at pay-as-you-go rates instead: it disagrees with the above and
 * with the CDK issue, and is not followed here; read the pricing page before choosing.
 */
export const cloudfrontPlans = {
  free: {
    name: 'CloudFront flat-rate Free plan',
    usdPerMonth: 0,
    requests: 1e6,
    dataTransferGb: 100,
    source: 'https://aws.amazon.com/cloudfront/pricing/',
    asOf: plansAsOf,
  },
  pro: {
    name: 'CloudFront flat-rate Pro plan',
    usdPerMonth: 15,
    requests: 10e6,
    dataTransferGb: 50_000,
    source: 'https://aws.amazon.com/cloudfront/pricing/',
    asOf: plansAsOf,
  },
} satisfies Record<string, FlatRatePlan>;
