import { describe, expect, it } from 'vitest';
import { awsCatalog, catalog } from '../../infra/catalog';
import { names } from '../../shared/platform/catalog';
import { synthesized } from '../support/assembly';
import type { Json } from '../support/template';

const { t, template } = synthesized();
const only = (type: string) => {
  const found = t.ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Json];
};

describe('staff pages on AWS: CloudFront in front of the API and the assets bucket', () => {
  it('serves the API by default (nothing cached, cookies passed) and /assets/* from S3 through Origin Access Control', () => {
    const [, dist] = only('AWS::CloudFront::Distribution');
    const config = dist.Properties.DistributionConfig;
    const apiOrigin = config.Origins.find((o: Json) => o.CustomOriginConfig);
    const s3Origin = config.Origins.find((o: Json) => o.S3OriginConfig);
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiEndpoint');
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: apiOrigin.Id,
      ViewerProtocolPolicy: 'redirect-to-https',
      // Managed policies: CachingDisabled, AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    });
    expect(config.DefaultCacheBehavior.AllowedMethods).toContain('POST');
    const assets = config.CacheBehaviors.find((b: Json) => b.PathPattern === '/assets/*');
    expect(assets).toMatchObject({ TargetOriginId: s3Origin.Id, ViewerProtocolPolicy: 'redirect-to-https' });
    const [, oac] = only('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
  });

  it('keeps the bucket private: all public access blocked, TLS only, readable only by this distribution', () => {
    const [bucketId, bucket] = only('AWS::S3::Bucket');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const [, policy] = only('AWS::S3::BucketPolicy');
    expect(policy.Properties.Bucket).toEqual({ Ref: bucketId });
    const statements = policy.Properties.PolicyDocument.Statement as Json[];
    expect(statements.find((s) => s.Effect === 'Deny')?.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    const read = statements.find((s) => s.Effect === 'Allow' && s.Principal?.Service === 'cloudfront.amazonaws.com');
    expect(read?.Action).toBe('s3:GetObject');
    expect(JSON.stringify(read?.Condition)).toContain('AWS:SourceArn');
    expect(statements.filter((s) => s.Effect === 'Allow' && s.Principal === '*')).toEqual([]);
  });

  it('signs staff in through Cognito managed login: a code-flow-only client without a secret, calling back to the distribution', () => {
    const clients = t.ofType('AWS::Cognito::UserPoolClient').map(([, c]) => c.Properties);
    const pages = clients.find((c) => c.AllowedOAuthFlowsUserPoolClient === true) as Json;
    expect(pages.AllowedOAuthFlows).toEqual(['code']);
    expect(pages.GenerateSecret).toBeFalsy();
    expect(pages.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(JSON.stringify(pages.CallbackURLs)).toContain('/auth/callback');
    expect(JSON.stringify(pages.CallbackURLs)).toMatch(/WebDistribution\w*","DomainName/);
    // No client allows the implicit flow.
    for (const c of clients) expect(c.AllowedOAuthFlows ?? []).not.toContain('implicit');
    const [, domain] = only('AWS::Cognito::UserPoolDomain');
    expect(domain.Properties.ManagedLoginVersion).toBe(2);
    only('AWS::Cognito::ManagedLoginBranding');
  });

  it('has no local sign-in: no such function and no route to it; /sign-in goes to the Cognito redirect', () => {
    expect(catalog.functions.signInLocal?.only).toBe('local');
    expect(awsCatalog.functions.signInLocal).toBeUndefined();
    const lambdaNames = t.ofType('AWS::Lambda::Function').map(([, f]) => f.Properties.FunctionName);
    expect(lambdaNames).not.toContain(names.functionName('signInLocal'));
    expect(lambdaNames).toContain(names.functionName('signIn'));
    const routes = t.ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.map((r) => r.RouteKey)).not.toContain('POST /sign-in');
    const signIn = routes.find((r) => r.RouteKey === 'GET /sign-in') as Json;
    const integrationId = signIn.Target['Fn::Join'][1][1].Ref;
    expect(t.resources[integrationId]!.Properties.IntegrationUri).toEqual(t.fnArn('signIn'));
  });

  it('sends any other path under /app to the function that answers /app (its page-not-found page), without an authorizer', () => {
    const routes = t.ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    const target = (key: string) => {
      const route = routes.find((r) => r.RouteKey === key) as Json;
      expect(route, key).toBeDefined();
      expect(route.AuthorizationType, key).toBe('NONE');
      return t.resources[route.Target['Fn::Join'][1][1].Ref]!.Properties.IntegrationUri;
    };
    const fnId = awsCatalog.routes.find((r) => r.method === 'GET' && r.path === '/app/{proxy+}')?.fn as string;
    expect(fnId).toBeDefined();
    expect(target('GET /app/{proxy+}')).toEqual(t.fnArn(fnId));
    // The same function as /app, which also answers /app/ (API Gateway sends it to either route).
    expect(target('GET /app/{proxy+}')).toEqual(target('GET /app'));
    // The only greedy route, and no $default: the JSON API's unknown paths keep API Gateway's 404.
    expect(routes.map((r) => r.RouteKey as string).filter((k) => k.includes('+}'))).toEqual(['GET /app/{proxy+}']);
    expect(routes.map((r) => r.RouteKey)).not.toContain('$default');
    // Every page keeps its own route: API Gateway picks a full match before a greedy one.
    for (const r of awsCatalog.routes.filter((x) => x.auth === 'page' && x.path !== '/app/{proxy+}'))
      expect(target(`${r.method} ${r.path}`), r.path).toEqual(t.fnArn(r.fn));
  });

  it('gives page functions the distribution URL as APP_URL (the Origin the CSRF check expects, and the cookie scope)', () => {
    for (const fnId of ['overviewPages', 'reportingPages', 'grantsPages', 'signIn', 'authCallback', 'signOut']) {
      const env = t.resources[t.functionLogicalId(fnId)]!.Properties.Environment.Variables;
      expect(JSON.stringify(env.APP_URL), fnId).toMatch(/WebDistribution\w*","DomainName/);
    }
    const env = t.resources[t.functionLogicalId('authCallback')]!.Properties.Environment.Variables;
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['AUTH_DOMAIN', 'AUTH_CLIENT_ID', 'AUTH_ISSUER']));
    expect(Object.keys(template.toJSON().Outputs)).toContain('WebUrl');
  });
});
