import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLimits, bundleSizes, median } from '../../infra/bundle-sizes';
import { catalog, functions, names, routes, rules, scheduleTargets, streamFilter, workflows } from '../../infra/catalog';
import { GrantloopStack, repoRoot } from '../../infra/stack';
import { environmentFor, type NeedValues } from '../../shared/platform/environment';
import { keyAttributes, tableDefinition } from '../../shared/platform/table-definition';
import { allowedOnAnyResource, asArray, type Json, joinedString, substitute, templateReader, walkStrings } from '../support/template';

const senderEmail = 'noreply@grantloop.example.org';
const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

/** The variables a function's needs produce (values do not matter here, only names). */
const anyValue = (): string => 'x';
const sentinel: NeedValues = {
  tableName: 'x',
  senderEmail: 'x',
  sesConfigurationSet: 'x',
  appUrl: 'x',
  eventBusName: 'x',
  scheduleGroup: 'x',
  schedulerRoleArn: 'x',
  workflowArn: anyValue,
  functionArn: anyValue,
};
const envOfNeeds = (fnId: string) => Object.keys(environmentFor(catalog.functions[fnId]?.needs ?? [], sentinel));

let assembly: CloudAssembly;
let stack: GrantloopStack;
let template: Template;
let t: ReturnType<typeof templateReader>;

const outdirs: string[] = [];
const tempOutdir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  outdirs.push(dir);
  return dir;
};

// One real synth, bundling every function with esbuild (~1 s each through npx): on a loaded
// two-core machine that can take a few minutes, so this hook gets its own timeout.
beforeAll(() => {
  const app = new App({ outdir: tempOutdir('grantloop-cdk-'), context: { ...cdkJson.context, senderEmail } });
  stack = new GrantloopStack(app, names.stack, { senderEmail });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  // Real bundling on purpose: this same assembly is what cfn-lint checks below. Throws on any unacknowledged cdk-nag finding.
  assembly = app.synth();
  template = Template.fromStack(stack);
  t = templateReader(template);
}, 600_000);

// Each synth leaves a bundle per function behind.
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('synthesizes with zero unacknowledged findings', () => {
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
    const violations = report.pluginReports.flatMap((r: Json) => r.violations ?? r.conclusion?.violations ?? []);
    expect(violations).toEqual([]);
  });

  it('really runs: an unacknowledged finding fails synthesis', () => {
    const app = new App({ outdir: tempOutdir('grantloop-nag-') });
    new Queue(new Stack(app, 'Probe'), 'PlainQueue');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});

describe('bundles', () => {
  it('every function bundles only what it uses: each at most 400 KB minified, the median at most 300 KB', () => {
    const sizes = bundleSizes(assembly.directory, stack.templateFile);
    expect(sizes).toHaveLength(Object.keys(catalog.functions).length);
    const over = sizes.filter((s) => s.bytes > bundleLimits.maxBytes);
    expect(over, 'bundles over the limit').toEqual([]);
    expect(median(sizes)).toBeLessThanOrEqual(bundleLimits.medianBytes);
  });

  it('a bundle runs on its own: credentials come from the environment only, and the Lambda context reaches the logs', () => {
    const health = t.resources[t.functionLogicalId('health')]!;
    const bundle = join(assembly.directory, health.Metadata['aws:asset:path'], 'index.mjs');
    const script = `const { handler } = await import(${JSON.stringify(bundle)});
      const out = await handler({ rawPath: '/health', requestContext: { http: { method: 'GET' } } }, { functionName: 'grantloop-health', awsRequestId: 'r1', getRemainingTimeInMillis: () => 1000 });
      console.log(JSON.stringify(out));`;
    // Nothing listens on port 9: the call fails only after credentials were found and the request signed.
    const base = {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-west-2',
      TABLE_NAME: 't',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
      AWS_MAX_ATTEMPTS: '1',
    };
    const run = (env: Record<string, string | undefined>) => {
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 30_000 });
      return `${out.stdout}${out.stderr}`;
    };
    const withKeys = run({ ...base, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });
    expect(withKeys).toContain('"statusCode":500');
    expect(withKeys).toContain('ECONNREFUSED 127.0.0.1:9');
    expect(withKeys).toContain('"function_name":"grantloop-health"');
    // No keys in the environment: the bundle does not go looking in files or instance metadata.
    const withoutKeys = run({ ...base, HOME: '/nonexistent' });
    expect(withoutKeys).toContain('Unable to find environment variable credentials');
  });
});

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
  it('every Lambda runs nodejs22.x on arm64 with tracing and its own log group', () => {
    const lambdas = t.ofType('AWS::Lambda::Function');
    expect(lambdas).toHaveLength(Object.keys(functions).length);
    for (const [id, fn] of lambdas) {
      expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.MemorySize, id).toBe(512);
      expect(fn.Properties.Environment.Variables, id).toMatchObject({ NODE_OPTIONS: '--enable-source-maps', LOG_LEVEL: 'INFO' });
      const logGroup = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(t.resources[logGroup]!.Properties.RetentionInDays, id).toBe(30);
    }
  });

  it('each catalog function has its description, timeout and exactly the environment its needs imply', () => {
    for (const [fnId, spec] of Object.entries(catalog.functions)) {
      const p = t.resources[t.functionLogicalId(fnId)]!.Properties;
      expect(p.Description).toBe(spec.description);
      expect(p.Timeout, fnId).toBe(spec.timeoutSeconds ?? 15);
      const expected = new Set(['NODE_OPTIONS', 'LOG_LEVEL', ...envOfNeeds(fnId)]);
      expect(Object.keys(p.Environment.Variables).sort(), fnId).toEqual([...expected].sort());
    }
  });

  it('a workflow need gives that workflow ARN only, and a schedule need that target ARN only', () => {
    const env = (fnId: string) => t.resources[t.functionLogicalId(fnId)]!.Properties.Environment.Variables as Json;
    const [machineId] = t
      .ofType('AWS::StepFunctions::StateMachine')
      .find(([, m]) => m.Properties.StateMachineName === 'grantloop-consortium-invitation')!;
    expect(Object.keys(env('startConsortiumWorkflow')).sort()).toEqual(['LOG_LEVEL', 'NODE_OPTIONS', 'WORKFLOW_ARN_CONSORTIUM_INVITATION']);
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
      'NODE_OPTIONS',
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

describe('IAM', () => {
  it('grants nothing on Resource "*" except actions that IAM cannot scope', () => {
    for (const { id, roles, statements } of t.allPolicies()) {
      for (const statement of statements) {
        if (!asArray(statement.Resource).includes('*')) continue;
        for (const action of asArray<string>(statement.Action)) {
          expect(allowedOnAnyResource, `${id}: ${action} on "*"`).toHaveProperty([action]);
        }
        if (asArray<string>(statement.Action).includes('dynamodb:ListStreams')) {
          expect(roles, 'only the stream router lists streams').toEqual([{ Ref: t.roleOfFunction('eventRouter') }]);
        }
      }
    }
  });

  it('has no wildcard actions, and no partial-wildcard resource except the reminder schedule group', () => {
    const partial: { roles: unknown; action: unknown; resource: unknown }[] = [];
    for (const { id, roles, statements } of t.allPolicies()) {
      for (const statement of statements) {
        for (const action of asArray<string>(statement.Action)) expect(action, id).not.toContain('*');
        for (const resource of asArray<unknown>(statement.Resource)) {
          if (resource !== '*' && JSON.stringify(resource).includes('*')) partial.push({ roles, action: statement.Action, resource });
        }
      }
    }
    // Schedule names are chosen at run time, so only the group can be named: one such grant for
    // each function that creates schedules, and nothing else.
    const schedulers = Object.entries(catalog.functions)
      .filter(([, spec]) => spec.needs.some((n) => typeof n === 'object' && 'schedules' in n))
      .map(([fnId]) => fnId);
    expect(partial).toEqual(
      schedulers.map((fnId) => ({
        roles: [{ Ref: t.roleOfFunction(fnId) }],
        action: 'scheduler:CreateSchedule',
        resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':scheduler:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              `:schedule/${names.scheduleGroup}/*`,
            ],
          ],
        },
      })),
    );
  });

  it('reads and writes only the table and its named indexes', () => {
    const [tableId] = t.ofType('AWS::DynamoDB::Table')[0]!;
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    for (const [fnId, spec] of Object.entries(catalog.functions) as [string, Json][]) {
      const statements = t
        .statementsOfRole(t.roleOfFunction(fnId))
        .filter((s) => asArray<string>(s.Action).some((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:ListStreams'));
      const actions = statements.flatMap((s) => asArray<string>(s.Action));
      expect(actions.includes('dynamodb:Query'), `${fnId} reads`).toBe(spec.needs.includes('table-read'));
      expect(actions.includes('dynamodb:PutItem'), `${fnId} writes`).toBe(spec.needs.includes('table-write'));
      for (const s of statements) {
        if (
          asArray<string>(s.Action).some((a) => ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream'].includes(a))
        )
          continue;
        expect(asArray(s.Resource)[0], fnId).toEqual(tableArn);
      }
    }
  });
});

describe('workflows', () => {
  it.each(workflows)('$id is a STANDARD state machine running the ASL file with each placeholder bound to its function', (wf) => {
    const machines = t
      .ofType('AWS::StepFunctions::StateMachine')
      .filter(([, m]) => m.Properties.StateMachineName === names.stateMachineName(wf.id));
    expect(machines).toHaveLength(1);
    const [, machine] = machines[0]!;
    const p = machine.Properties;
    expect(p.StateMachineType).toBe('STANDARD');
    expect(p.TracingConfiguration).toEqual({ Enabled: true });
    expect(p.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: true });

    const asl = JSON.parse(readFileSync(join(repoRoot, wf.file), 'utf8'));
    const definition = JSON.parse(joinedString(p.DefinitionString));
    expect(definition).toEqual(asl);

    const placeholders = new Set<string>();
    walkStrings(asl, (s) => {
      for (const m of s.matchAll(/\$\{([^}]+)\}/g)) placeholders.add(m[1]!);
    });
    expect(Object.keys(p.DefinitionSubstitutions).sort()).toEqual([...placeholders].sort());
    expect(Object.keys(wf.substitutions).sort()).toEqual([...placeholders].sort());

    // What Step Functions will run: placeholders replaced by CloudFormation at deploy time.
    const deployed = substitute(definition, p.DefinitionSubstitutions) as Json;
    const bindings = Object.fromEntries(Object.entries(wf.substitutions).map(([name, fnId]) => [name, t.fnArn(fnId)]));
    const expected = substitute(asl, bindings) as Json;
    expect(deployed.States).toEqual(expected.States);
    expect(JSON.stringify(deployed)).not.toContain('${');

    const invoke = t.statementsOfRole(p.RoleArn['Fn::GetAtt'][0]).filter((s) => asArray(s.Action).includes('lambda:InvokeFunction'));
    expect(
      invoke
        .flatMap((s) => asArray(s.Resource))
        .map((r) => JSON.stringify(r))
        .sort(),
    ).toEqual([...new Set(Object.values(wf.substitutions))].map((fnId) => JSON.stringify(t.fnArn(fnId))).sort());
  });
});

describe('events', () => {
  it('routes the table stream to eventRouter through the shared filter', () => {
    const [tableId] = t.ofType('AWS::DynamoDB::Table')[0]!;
    const mappings = t.ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const p = mappings[0]![1].Properties;
    expect(p.EventSourceArn).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(p.FunctionName).toEqual({ Ref: t.functionLogicalId('eventRouter') });
    expect(p.FilterCriteria).toEqual({ Filters: [{ Pattern: JSON.stringify(streamFilter) }] });
    expect(p).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
    });
    const dlq = p.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
    expect(t.resources[dlq]!.Type).toBe('AWS::SQS::Queue');
  });

  it('has the named event bus and one rule per catalog rule, each with a dead-letter queue', () => {
    const buses = t.ofType('AWS::Events::EventBus');
    expect(buses).toHaveLength(1);
    const [busId, bus] = buses[0]!;
    expect(bus.Properties.Name).toBe(names.eventBus);

    const eventRules = t.ofType('AWS::Events::Rule');
    expect(eventRules).toHaveLength(rules.length);
    for (const rule of rules) {
      // Several rules may listen for the same event; each is known by its target.
      const found = eventRules.find(([, r]) => JSON.stringify(r.Properties.Targets?.[0]?.Arn) === JSON.stringify(t.fnArn(rule.fn)));
      expect(found, rule.id).toBeDefined();
      const p = found![1].Properties;
      expect(p.EventBusName).toEqual({ Ref: busId });
      expect(p.EventPattern).toEqual({ source: ['grantloop'], 'detail-type': rule.detailTypes });
      expect(p.Targets).toHaveLength(1);
      expect(p.Targets[0].Arn).toEqual(t.fnArn(rule.fn));
      expect(p.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][1]).toBe('Arn');
      expect(p.Targets[0].RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
    }
  });
});

describe('scheduler', () => {
  it('has the schedule group and a role that may invoke only the schedule targets in the catalog', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: names.scheduleGroup });

    const roles = t
      .ofType('AWS::IAM::Role')
      .filter(([, r]) =>
        r.Properties.AssumeRolePolicyDocument.Statement.some((s: Json) => s.Principal?.Service === 'scheduler.amazonaws.com'),
      );
    expect(roles).toHaveLength(1);
    const statements = t.statementsOfRole(roles[0]![0]);
    const targets = scheduleTargets()
      .map((fnId) => JSON.stringify(t.fnArn(fnId)))
      .sort();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: 'lambda:InvokeFunction' });
    expect(
      asArray<unknown>(statements[0]?.Resource)
        .map((r) => JSON.stringify(r))
        .sort(),
    ).toEqual(targets);
  });
});

describe('mail and outputs', () => {
  it('has an SES configuration set with reputation metrics', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { ReputationOptions: { ReputationMetricsEnabled: true } });
  });

  it('lets mail functions send only as the sender (address or domain) through the configuration set', () => {
    const domain = senderEmail.split('@')[1]!;
    for (const [fnId, spec] of Object.entries(catalog.functions) as [string, Json][]) {
      const ses = t.statementsOfRole(t.roleOfFunction(fnId)).filter((s) => asArray(s.Action).includes('ses:SendEmail'));
      expect(ses.length > 0, fnId).toBe(spec.needs.includes('mail'));
      for (const s of ses) {
        const text = JSON.stringify(s.Resource);
        expect(text).toContain(`:identity/${senderEmail}`);
        expect(text).toContain(`:identity/${domain}`);
        expect(text).toContain(':configuration-set/');
        expect(text).not.toContain('*');
      }
    }
  });

  it('exports the values a client and an operator need', () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(
      expect.arrayContaining(['ApiUrl', 'EventBusName', 'TableName', 'UserPoolClientId', 'UserPoolId']),
    );
  });
});

const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const cfnLintMissing = cfnLint.error !== undefined || cfnLint.status !== 0;
if (cfnLintMissing) console.warn('cfn-lint is not on PATH: the cfn-lint test is skipped');

describe('cfn-lint', () => {
  it.skipIf(cfnLintMissing)(cfnLintMissing ? 'skipped: cfn-lint is not on PATH' : 'finds no errors in the synthesized template', () => {
    const templatePath = join(assembly.directory, stack.templateFile);
    const run = spawnSync('cfn-lint', [templatePath, '--ignore-checks', 'W3005'], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    // Exit status is a bit mask: 1 = cfn-lint failed, 2 = error, 4 = warning, 8 = informational.
    if (run.status === null || (run.status & 0b11) !== 0) console.error(output);
    expect(run.status, output).not.toBeNull();
    expect((run.status ?? 1) & 0b11, output).toBe(0);
  });
});
