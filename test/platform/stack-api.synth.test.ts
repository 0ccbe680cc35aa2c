import { describe, expect, it } from 'vitest';
import { awsCatalog as catalog } from '../../infra/catalog';

const { functions, routes } = catalog;

import { environmentFor, type NeedValues } from '../../shared/platform/environment';
import { frontDoor } from '../../shared/platform/front-door';
import { keyAttributes, tableDefinition } from '../../shared/platform/table-definition';
import { synthesized } from '../support/assembly';
import type { Json } from '../support/template';

const { t } = synthesized();

/** The variables a function's needs produce (values do not matter here, only names). */
const anyValue = (): string => 'x';
const sentinel: NeedValues = {
  tableName: 'x',
  senderEmail: 'x',
  sesConfigurationSet: 'x',
  appUrl: 'x',
  eventBusName: 'x',
  scheduleGroup: 'x',
  authDomain: 'x',
  authClientId: 'x',
  authIssuer: 'x',
  ocidPrefix: 'x',
  schedulerRoleArn: 'x',
  workflowArn: anyValue,
  functionArn: anyValue,
};
const envOfNeeds = (fnId: string) => Object.keys(environmentFor(catalog.functions[fnId]?.needs ?? [], sentinel));

describe('table', () => {
  it('is built from tableDefinition', () => {
    const tables = t.ofType('AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const [, table] = tables[0]!;
    const p = table.Properties;
    const keySchema = (pk: string, sk: string) => [
      { AttributeName: pk, KeyType: 'HASH' },
      { AttributeName: sk, KeyType: 'RANGE' },
    ];

    expect(p.KeySchema).toEqual(keySchema(tableDefinition.partitionKey, tableDefinition.sortKey));
    const byName = (a: { AttributeName: string }, b: { AttributeName: string }) => a.AttributeName.localeCompare(b.AttributeName);
    expect([...p.AttributeDefinitions].sort(byName)).toEqual(
      [...new Set(keyAttributes())].map((name) => ({ AttributeName: name, AttributeType: 'S' })).sort(byName),
    );
    const byIndex = (a: { IndexName: string }, b: { IndexName: string }) => a.IndexName.localeCompare(b.IndexName);
    expect([...p.GlobalSecondaryIndexes].sort(byIndex)).toEqual(
      tableDefinition.globalSecondaryIndexes
        .map((g) => ({ IndexName: g.indexName, KeySchema: keySchema(g.partitionKey, g.sortKey), Projection: { ProjectionType: 'ALL' } }))
        .sort(byIndex),
    );
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(p.StreamSpecification.StreamViewType).toBe(tableDefinition.streamViewType);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true });
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('HTTP API', () => {
  it('has one JWT authorizer trusting the Cognito pool and its client', () => {
    const authorizers = t.ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [, auth] = authorizers[0]!;
    expect(auth.Properties.AuthorizerType).toBe('JWT');
    const [userPool] = t.ofType('AWS::Cognito::UserPool')[0]!;
    const [client] = t.ofType('AWS::Cognito::UserPoolClient')[0]!;
    expect(auth.Properties.JwtConfiguration).toEqual({
      Audience: [{ Ref: client }],
      Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: userPool }]] },
    });
  });

  it('has exactly the catalog routes, JWT on staff routes and none on public ones, each to its function', () => {
    const [authorizerId] = t.ofType('AWS::ApiGatewayV2::Authorizer')[0]!;
    const apiRoutes = t.ofType('AWS::ApiGatewayV2::Route');
    expect(apiRoutes.map(([, r]) => r.Properties.RouteKey).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());

    for (const route of routes) {
      const [, r] = apiRoutes.find(([, r]) => r.Properties.RouteKey === `${route.method} ${route.path}`)!;
      if (route.auth === 'staff') {
        expect(r.Properties, route.path).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      } else {
        expect(r.Properties.AuthorizationType, route.path).toBe('NONE');
        expect(r.Properties.AuthorizerId, route.path).toBeUndefined();
      }
      const integrationId = r.Properties.Target['Fn::Join'][1][1].Ref;
      expect(t.resources[integrationId]!.Properties.IntegrationUri, route.path).toEqual(t.fnArn(route.fn));
    }
  });

  it('logs every request of the $default stage as JSON', () => {
    const [, stage] = t.ofType('AWS::ApiGatewayV2::Stage')[0]!;
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    const logGroup = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(t.resources[logGroup]!.Type).toBe('AWS::Logs::LogGroup');
  });
});

describe('functions', () => {
  it('every catalog Lambda runs nodejs22.x on arm64 with tracing and its own log group', () => {
    // CDK's own asset-deployment handler (the assets bucket) is not a catalog function.
    const lambdas = t.ofType('AWS::Lambda::Function').filter(([, f]) => String(f.Properties.FunctionName ?? '').startsWith('grantloop-'));
    expect(lambdas).toHaveLength(Object.keys(functions).length);
    for (const [id, fn] of lambdas) {
      expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.MemorySize, id).toBe(512);
      expect(fn.Properties.Environment.Variables, id).toMatchObject({ LOG_LEVEL: 'INFO' });
      // Issue 27: Node parsing the source map at every cold start made the import 1.78× as slow.
      expect(String(fn.Properties.Environment.Variables.NODE_OPTIONS ?? ''), id).not.toContain('--enable-source-maps');
      const logGroup = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(t.resources[logGroup]!.Properties.RetentionInDays, id).toBe(30);
    }
  });

  it('each catalog function has its description, timeout and exactly the environment its needs imply', () => {
    for (const [fnId, spec] of Object.entries(catalog.functions)) {
      const p = t.resources[t.functionLogicalId(fnId)]!.Properties;
      expect(p.Description).toBe(spec.description);
      expect(p.Timeout, fnId).toBe(spec.timeoutSeconds ?? 15);
      const routed = routes.some((r) => r.fn === fnId);
      const expected = new Set(['LOG_LEVEL', ...envOfNeeds(fnId), ...(routed ? [frontDoor.secretEnv] : [])]);
      expect(Object.keys(p.Environment.Variables).sort(), fnId).toEqual([...expected].sort());
    }
  });

  it('a workflow need gives that workflow ARN only, and a schedule need that target ARN only', () => {
    const env = (fnId: string) => t.resources[t.functionLogicalId(fnId)]!.Properties.Environment.Variables as Json;
    const [machineId] = t
      .ofType('AWS::StepFunctions::StateMachine')
      .find(([, m]) => m.Properties.StateMachineName === 'grantloop-consortium-invitation')!;
    expect(Object.keys(env('startConsortiumWorkflow')).sort()).toEqual(['LOG_LEVEL', 'WORKFLOW_ARN_CONSORTIUM_INVITATION']);
    // Built from the fixed name (no reference, so a task may start its own workflow): it ends with the machine's name.
    expect(JSON.stringify(env('startConsortiumWorkflow').WORKFLOW_ARN_CONSORTIUM_INVITATION)).toContain(
      ':stateMachine:grantloop-consortium-invitation',
    );
    expect(machineId).toBeDefined();
    expect(env('scheduleReportReminders').FUNCTION_ARN_SEND_REPORT_REMINDER).toEqual(t.fnArn('sendReportReminder'));
    expect(env('scheduleReportReminders').FUNCTION_ARN_OPEN_REPORT_PERIOD).toBeUndefined();
    expect(Object.keys(env('acceptReport')).sort()).toEqual([
      'APP_URL',
      'LOG_LEVEL',
      'SENDER_EMAIL',
      'SES_CONFIGURATION_SET',
      'TABLE_NAME',
    ]);
  });

  it('async functions have an SSL-only dead-letter queue and two retries; others have none', () => {
    for (const [fnId, spec] of Object.entries(catalog.functions) as [string, Json][]) {
      const logicalId = t.functionLogicalId(fnId);
      const dlq = t.resources[logicalId]!.Properties.DeadLetterConfig;
      const invokeConfig = t.ofType('AWS::Lambda::EventInvokeConfig').find(([, c]) => c.Properties.FunctionName.Ref === logicalId);
      if (spec.async) {
        const queueId = dlq.TargetArn['Fn::GetAtt'][0];
        expect(t.resources[queueId]!.Type).toBe('AWS::SQS::Queue');
        const policy = t.ofType('AWS::SQS::QueuePolicy').find(([, q]) => q.Properties.Queues.some((r: Json) => r.Ref === queueId));
        expect(policy?.[1].Properties.PolicyDocument.Statement[0]).toMatchObject({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        });
        expect(invokeConfig?.[1].Properties.MaximumRetryAttempts, fnId).toBe(2);
      } else {
        expect(dlq, fnId).toBeUndefined();
        expect(invokeConfig, fnId).toBeUndefined();
      }
    }
  });
});

describe('logs keep no secrets', () => {
  it('the API access log has the route key, never the path (which carries link and feed tokens), nor any header', () => {
    const stages = t.ofType('AWS::ApiGatewayV2::Stage');
    expect(stages.length).toBeGreaterThan(0);
    for (const [, stage] of stages) {
      const format = String((stage.Properties.AccessLogSettings as { Format: string }).Format);
      expect(format).toContain('$context.routeKey');
      expect(format).not.toMatch(/\$context\.(path|requestOverride|identity\.(user|caller))|\$input|\$request\.header/);
    }
  });

  it('no function is set to log the events it receives (Powertools would log headers, cookies and paths)', () => {
    for (const [id, fn] of t.ofType('AWS::Lambda::Function')) {
      const vars = ((fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<
        string,
        unknown
      >;
      expect(vars.POWERTOOLS_LOGGER_LOG_EVENT, id).toBeUndefined();
    }
  });
});

describe('the front door (issue 27): the API refuses what did not come through CloudFront', () => {
  const secretId = () => t.ofType('AWS::SecretsManager::Secret').find(([id]) => id.includes('FrontDoor'))?.[0] as string;

  it('CloudFront sends the secret header to the API, resolved from Secrets Manager at deploy (never in the template)', () => {
    const [, distribution] = t.ofType('AWS::CloudFront::Distribution')[0]!;
    const origins = distribution.Properties.DistributionConfig.Origins as Json[];
    const api = origins.find((o) => o.CustomOriginConfig);
    const header = (api?.OriginCustomHeaders as Json[] | undefined)?.find((h) => h.HeaderName === frontDoor.header);
    const value = JSON.stringify(header?.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(secretId());
    expect(value).toContain(':SecretString:current::');
  });

  it('every function that serves a route, and only those, reads that secret and nothing else in Secrets Manager', () => {
    for (const fnId of Object.keys(functions)) {
      const routed = routes.some((r) => r.fn === fnId);
      const env = t.resources[t.functionLogicalId(fnId)]!.Properties.Environment.Variables as Json;
      expect(frontDoor.secretEnv in env, fnId).toBe(routed);
      const reads = t.statementsOfRole(t.roleOfFunction(fnId)).filter((s) => JSON.stringify(s.Action).includes('secretsmanager:'));
      expect(reads.length > 0, fnId).toBe(routed);
      for (const s of reads) {
        expect(s.Action, fnId).toBe('secretsmanager:GetSecretValue');
        expect(JSON.stringify(s.Resource), fnId).not.toContain('*');
      }
    }
  });

  it('Secrets Manager rotates it every 30 days with a function that may change only this distribution', () => {
    const [, schedule] = t.ofType('AWS::SecretsManager::RotationSchedule')[0]!;
    expect(schedule.Properties.SecretId).toEqual({ Ref: secretId() });
    expect(schedule.Properties.RotationRules.ScheduleExpression).toBe('rate(30 days)');
    const rotation = schedule.Properties.RotationLambdaARN['Fn::GetAtt'][0] as string;
    const role = t.resources[rotation]!.Properties.Role['Fn::GetAtt'][0] as string;
    const cloudfront = t.statementsOfRole(role).filter((s) => JSON.stringify(s.Action).includes('cloudfront:'));
    expect(cloudfront).toHaveLength(1);
    expect(cloudfront[0]!.Action).toEqual(['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution']);
    expect(JSON.stringify(cloudfront[0]!.Resource)).toContain(':distribution/');
    expect(t.resources[rotation]!.Properties.Environment.Variables.DISTRIBUTION_ID).toEqual({
      Ref: t.ofType('AWS::CloudFront::Distribution')[0]![0],
    });
  });
});
