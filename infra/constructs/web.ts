import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aws, type CfnElement, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  CfnManagedLoginBranding,
  ManagedLoginVersion,
  OAuthScope,
  type UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildAssets } from '../assets';

interface WebProps {
  httpApi: HttpApi;
  userPool: UserPool;
  repoRoot: string;
  /** The web ACL (rate limit on the emailed links); none when the deployment turned WAF off. */
  webAclArn?: string;
  /** Headers CloudFront adds to every request to the API: the front door's secret (front-door.ts). */
  originHeaders: Record<string, string>;
}

/**
 * The staff pages' front door: one CloudFront distribution with the HTTP API as its default
 * origin (so the session cookie is first-party to the pages and the API alike) and /assets/*
 * from a private S3 bucket through Origin Access Control; and Cognito's managed login with an
 * app client that allows only the authorisation-code flow (the pages add PKCE).
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly url: string;
  readonly pagesClient: UserPoolClient;
  readonly signInDomain: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const assets = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Built from the repository on every deploy; nothing in it is data.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(assets).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds only the stylesheet and icon built from the repository; CloudFront is the only reader (OAC).',
    });

    const region = Stack.of(this).region;
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: props.originHeaders,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `grantloop staff pages and API (${region})`,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: apiOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        // Pages and API answers are per user: never cached; cookies, query and headers all pass.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
      additionalBehaviors: {
        '/open/*': openDataBehaviour(this, apiOrigin),
        '/assets/*': {
          origin: S3BucketOrigin.withOriginAccessControl(assets),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: new CachePolicy(this, 'AssetsCache', {
            comment: 'grantloop assets: a few minutes, so a deploy shows within minutes without an invalidation',
            defaultTtl: Duration.minutes(10),
            minTtl: Duration.seconds(0),
            maxTtl: Duration.hours(1),
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          }),
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        },
      },
    });
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'WAF turned off for this deployment (-c waf=false) to save its fixed monthly cost: links rely on 256-bit tokens and single use; pages need a session and forms a CSRF token.',
      });
    }
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Staff of English funders travel; access is controlled by sign-in, not by country.' },
      {
        id: 'AwsSolutions-CFR3',
        reason: 'The HTTP API behind it keeps an access log of every request; CloudFront logs would duplicate it.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The default CloudFront certificate (no custom domain yet) fixes the TLS policy; a custom domain will set TLSv1.2_2021.',
      },
    );
    this.url = `https://${this.distribution.distributionDomainName}`;

    const deployment = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(buildAssets(props.repoRoot, mkdtempSync(join(tmpdir(), 'grantloop-assets-'))))],
      destinationBucket: assets,
      destinationKeyPrefix: 'assets/',
      // No invalidation (it would need cloudfront:CreateInvalidation on "*"): the cache policy's short TTL does the same.
      memoryLimit: 256,
    });
    acknowledgeDeploymentHandler(this, deployment, assets);

    const login = managedLogin(this, props.userPool, this.url);
    this.signInDomain = login.domain;
    this.pagesClient = login.client;
  }
}

/** Cognito's managed login for the pages: an app client that allows only the authorisation-code flow. */
function managedLogin(scope: Construct, userPool: UserPool, url: string) {
  const domain = userPool.addDomain('SignIn', {
    // Globally unique per account and region, and the same on every deploy.
    cognitoDomain: { domainPrefix: Fn.join('-', ['grantloop', Aws.ACCOUNT_ID]) },
    managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
  });
  const client = userPool.addClient('PagesClient', {
    generateSecret: false,
    authFlows: {},
    oAuth: {
      // Code flow only (no implicit): the code is exchanged server-side with the PKCE verifier.
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: [`${url}/auth/callback`],
      logoutUrls: [`${url}/sign-in`],
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    preventUserExistenceErrors: true,
    idTokenValidity: Duration.minutes(5),
    accessTokenValidity: Duration.minutes(5),
    refreshTokenValidity: Duration.hours(12),
  });
  new CfnManagedLoginBranding(scope, 'SignInBranding', {
    userPoolId: userPool.userPoolId,
    clientId: client.userPoolClientId,
    useCognitoProvidedValues: true,
  });
  return { domain: domain.baseUrl(), client };
}

/** CDK's asset-deployment handler is one Lambda per stack (a singleton beside the stack's other resources): its findings are CDK's design. */
function acknowledgeDeploymentHandler(scope: Construct, deployment: BucketDeployment, bucket: Bucket): void {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  for (const target of [handler, deployment.handlerRole].filter((c): c is Construct => !!c)) {
    Validations.of(target).acknowledge(
      { id: 'AwsSolutions-L1', reason: "CDK's BucketDeployment handler runs the Python runtime CDK pins; it runs only during deploys." },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's BucketDeployment handler uses AWSLambdaBasicExecutionRole for its own logs (deploy time only).",
      },
      ...[
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        'Action::s3:Abort*',
        'Action::s3:DeleteObject*',
        'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
        `Resource::<${Stack.of(scope).getLogicalId(bucket.node.defaultChild as CfnElement)}.Arn>/*`,
      ].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason:
          "CDK's BucketDeployment copies from the CDK assets bucket to the grantloop assets bucket: wildcards on exactly those two buckets.",
      })),
    );
  }
}

/**
 * A consortium's public page and feeds are the same for everyone: cached as the origin says (a
 * minute), keyed by the path and `page` alone, revalidated with the ETag when stale.
 */
function openDataBehaviour(scope: Construct, origin: HttpOrigin): BehaviorOptions {
  return {
    origin,
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
    cachePolicy: new CachePolicy(scope, 'OpenDataCache', {
      comment: 'grantloop open data: the origin’s Cache-Control decides; no cookie or header varies it',
      defaultTtl: Duration.seconds(60),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      queryStringBehavior: CacheQueryStringBehavior.allowList('page'),
      cookieBehavior: CacheCookieBehavior.none(),
      headerBehavior: CacheHeaderBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    }),
  };
}
