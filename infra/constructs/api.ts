import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '../../shared/platform/catalog';

// One JSON object per request, with the fields needed to trace a request to its handler's logs.
// The route key (`GET /r/{token}`), never the path: a path carries the emailed link's token or
// the calendar feed's, and a log kept for a month must not hold what opens a provider's report.
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationStatus: '$context.integration.status',
    integrationLatencyMs: '$context.integration.latency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

/** Staff sign in with Cognito; the HTTP API checks their JWT on every staff route. */
export class Api extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  private readonly jwt: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Staff accounts are created by an administrator, never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      signInCaseSensitive: false,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is optional so small funders can onboard without an authenticator app; staff can enrol TOTP at any time.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'The Plus feature plan (threat protection) is billed per monthly active user; Essentials is the chosen cost level for now.',
      },
    );

    this.userPoolClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      // The app signs in with SRP against the pool; no hosted UI, so no OAuth flows to leave open.
      disableOAuth: true,
      preventUserExistenceErrors: true,
    });

    const region = Stack.of(this).region;
    const jwt = new HttpJwtAuthorizer('StaffJwt', `https://cognito-idp.${region}.amazonaws.com/${this.userPool.userPoolId}`, {
      jwtAudience: [this.userPoolClient.userPoolClientId],
    });

    this.httpApi = new HttpApi(this, 'HttpApi', { apiName: 'grantloop', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });

    this.jwt = jwt;
  }

  /**
   * Adds routes in `scope` (their feature's nested stack, with their functions): one integration
   * (and one invoke permission, for the whole API) per function, however many routes it serves.
   */
  addRoutes(scope: Construct, routes: readonly RouteSpec[], functions: Record<string, IFunction>): void {
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationOf = (fn: string) => {
      if (!integrations.has(fn)) {
        integrations.set(fn, new HttpLambdaIntegration(`${fn}Integration`, functions[fn] as IFunction, { scopePermissionToRoute: false }));
      }
      return integrations.get(fn) as HttpLambdaIntegration;
    };
    for (const route of routes) {
      const added = new HttpRoute(scope, `Route-${route.method}-${route.path}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrationOf(route.fn),
        authorizer: route.auth === 'staff' ? this.jwt : new HttpNoneAuthorizer(),
      });
      if (route.auth !== 'staff') {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.auth === 'page'
              ? `${route.method} ${route.path} is a staff page: its handler requires a session cookie (and a CSRF token on POST); no bearer token is sent by browsers.`
              : `${route.method} ${route.path} is public by design in the route catalog (auth: 'public').`,
        });
      }
    }
  }

  /** The base URL clients call (the $default stage has no path prefix). */
  get url(): string {
    return this.stage.url;
  }
}
