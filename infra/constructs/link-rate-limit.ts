import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { RouteSpec } from '../../shared/platform/catalog';
import { linkPathPrefixes, linkRateLimit, tooManyRequests } from '../link-rate-limit';

/** CloudFront takes only web ACLs created in us-east-1, whatever region the rest of the system is in. */
const webAclRegion = 'us-east-1';
const outputName = 'WebAclArn';
const bodyKey = 'too-many-requests';

/** Matches a request whose path starts with one prefix: the URL decoded first, so an encoded prefix counts too. */
const startsWith = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: prefix,
    textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
  },
});

/** WAF refuses an OR of fewer than two statements. */
const anyOf = (statements: CfnWebACL.StatementProperty[]): CfnWebACL.StatementProperty =>
  statements.length === 1 ? (statements[0] as CfnWebACL.StatementProperty) : { orStatement: { statements } };

const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

/**
 * The web ACL for the CloudFront distribution: a rate-based rule per client address on the
 * emailed-link paths (`infra/link-rate-limit.ts` holds the numbers), everything else allowed.
 * It is its own small stack, pinned to us-east-1, so the main stack can stay
 * environment-agnostic and be deployed to any region (London, for English funders' data).
 */
export class LinkRateLimitStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps & { routes: readonly RouteSpec[] }) {
    const { routes, ...stackProps } = props;
    super(scope, id, { ...stackProps, env: { region: webAclRegion } });
    const prefixes = linkPathPrefixes(routes);
    if (!prefixes.length) throw new Error('no public link routes in the catalog: nothing for the link rate limit to cover');
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: `grantloop: at most ${linkRateLimit.limit} requests per ${linkRateLimit.windowSeconds} s per client address to the emailed links`,
      defaultAction: { allow: {} },
      visibilityConfig: visibility('grantloop-web'),
      customResponseBodies: { [bodyKey]: { contentType: 'TEXT_HTML', content: tooManyRequests.html } },
      rules: [
        {
          name: 'link-rate-limit',
          priority: 0,
          statement: {
            rateBasedStatement: {
              limit: linkRateLimit.limit,
              evaluationWindowSec: linkRateLimit.windowSeconds,
              // The address CloudFront sees: X-Forwarded-For is the client's to write.
              aggregateKeyType: 'IP',
              scopeDownStatement: anyOf(prefixes.map(startsWith)),
            },
          },
          action: {
            block: {
              customResponse: {
                responseCode: tooManyRequests.status,
                customResponseBodyKey: bodyKey,
                responseHeaders: Object.entries(tooManyRequests.headers).map(([name, value]) => ({ name, value })),
              },
            },
          },
          visibilityConfig: visibility('grantloop-link-rate-limit'),
        },
      ],
    });
    new CfnOutput(this, outputName, { value: this.webAcl.attrArn, description: 'The web ACL on the CloudFront distribution' });
  }

  /**
   * The web ACL's ARN as another stack in any region reads it: `Fn::GetStackOutput` resolves it
   * at deploy time with no custom resource, where CDK's own cross-region references would need
   * both stacks pinned to a region.
   */
  arnFor(consumer: Stack): string {
    consumer.addStackDependency(this, 'the distribution names the web ACL, which must exist first');
    return Fn.getStackOutput(this.stackName, outputName, webAclRegion);
  }
}

/**
 * `-c waf=false` (or `"waf": false` in cdk.json) leaves the web ACL out, for a consortium that
 * prefers to save its fixed monthly cost; anything but true or false is a mistake worth stopping for.
 */
export function wafEnabled(scope: Construct): boolean {
  const value: unknown = scope.node.tryGetContext('waf');
  if (value === undefined || value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`context "waf" must be true or false, not ${JSON.stringify(value)}`);
}
