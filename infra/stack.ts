import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { streamFilter } from '../shared/platform/catalog';
import { OnePassBundles } from './bundling/one-pass';
import { type Catalog, catalog as defaultCatalog, forTarget, names, scheduleTargets, streamRouter } from './catalog';
import { Api } from './constructs/api';
import { DataTable } from './constructs/data-table';
import { Events } from './constructs/events';
import { FrontDoorSecret, rotationBundle } from './constructs/front-door';
import { GrantloopFunction } from './constructs/grantloop-function';
import { LinkRateLimitStack, wafEnabled } from './constructs/link-rate-limit';
import { Mail } from './constructs/mail';
import { applyNeeds } from './constructs/needs';
import { Scheduling } from './constructs/scheduling';
import { Web } from './constructs/web';
import { Workflow } from './constructs/workflows';

/** Catalog entries name files relative to the repository root, wherever the app is run from. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

interface GrantloopStackProps extends StackProps {
  senderEmail: string;
  /** Base URL put into emails and checked as the pages' origin; defaults to the CloudFront distribution's. */
  appUrl?: string;
  logLevel?: string;
  /** The OCDS ocid prefix registered for this deployment (ocds-xxxxxx). */
  ocidPrefix: string;
  catalog?: Catalog;
}

/**
 * One nested stack per feature, holding its functions (with their roles, log group and
 * dead-letter queues), routes, rules and workflows: a CloudFormation stack takes at most 500
 * resources, and each function alone brings three or four. The stack keeps what features share
 * (table, bus, API, front door, sign-in, scheduling, mail).
 */
class FeatureStacks {
  private readonly stacks = new Map<string, NestedStack>();
  private readonly logGroups = new Map<string, LogGroup>();

  constructor(private readonly parent: Stack) {}

  of(feature = 'platform'): NestedStack {
    let stack = this.stacks.get(feature);
    if (!stack) {
      stack = new NestedStack(this.parent, `Feature-${feature}`, {
        description: `grantloop ${feature}: functions, routes, rules, workflows`,
      });
      this.stacks.set(feature, stack);
    }
    return stack;
  }

  /** The feature's log group, shared by its functions (each log line names its function). */
  logGroup(feature = 'platform'): LogGroup {
    let group = this.logGroups.get(feature);
    if (!group) {
      group = new LogGroup(this.of(feature), `Logs-${feature}`, { retention: RetentionDays.ONE_MONTH });
      this.logGroups.set(feature, group);
    }
    return group;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item) ?? 'platform', [...(groups.get(key(item) ?? 'platform') ?? []), item]);
  return groups;
}

/** Every function of the catalog, in its feature's stack, all bundled in one esbuild pass. */
function catalogFunctions(
  features: FeatureStacks,
  catalog: Catalog,
  bundles: OnePassBundles,
  logLevel?: string,
): Record<string, LambdaFunction> {
  const entries = Object.entries(catalog.functions);
  return Object.fromEntries(
    entries.map(([fnId, spec]) => {
      const built = new GrantloopFunction(features.of(spec.feature), `Fn-${fnId}`, {
        logGroup: features.logGroup(spec.feature),
        spec,
        functionName: names.functionName(fnId),
        bundles,
        logLevel,
      });
      return [fnId, built.fn];
    }),
  );
}

/**
 * CloudFront in front of the API, with the front door's secret: CloudFront sends it, every
 * function that serves a route checks it, and Secrets Manager rotates it (front-door.ts).
 */
function webBehindFrontDoor(
  stack: Stack,
  p: { api: Api; catalog: Catalog; bundles: OnePassBundles; functions: Record<string, LambdaFunction>; webAclArn?: string },
): Web {
  const frontDoor = new FrontDoorSecret(stack, 'FrontDoor');
  const web = new Web(stack, 'Web', {
    httpApi: p.api.httpApi,
    userPool: p.api.userPool,
    repoRoot,
    webAclArn: p.webAclArn,
    originHeaders: frontDoor.originHeaders,
  });
  frontDoor.rotateWith(web.distribution, p.bundles.code(rotationBundle.name));
  for (const fnId of new Set(p.catalog.routes.map((r) => r.fn))) frontDoor.admit(p.functions[fnId] as LambdaFunction);
  return web;
}

/** Everything the catalog declares, on AWS. */
export class GrantloopStack extends Stack {
  readonly functions: Record<string, LambdaFunction>;

  constructor(scope: Construct, id: string, props: GrantloopStackProps) {
    super(scope, id, props);
    const catalog = forTarget(props.catalog ?? defaultCatalog, 'aws');

    const data = new DataTable(this, 'Data');
    const mail = new Mail(this, 'Mail', { senderEmail: props.senderEmail });

    const features = new FeatureStacks(this);
    const bundles = new OnePassBundles(repoRoot, {
      ...Object.fromEntries(
        Object.entries(catalog.functions).map(([fnId, spec]) => [names.functionName(fnId), join(repoRoot, spec.entry)]),
      ),
      [rotationBundle.name]: join(repoRoot, rotationBundle.entry),
    });
    this.functions = catalogFunctions(features, catalog, bundles, props.logLevel);
    const fn = (fnId: string) => this.functions[fnId] as LambdaFunction;

    const scheduling = new Scheduling(this, 'Scheduling', {
      groupName: names.scheduleGroup,
      targets: scheduleTargets(catalog).map(fn),
    });

    const featureOf = (fnId: string) => catalog.functions[fnId]?.feature;
    for (const spec of catalog.workflows) {
      new Workflow(features.of(featureOf(Object.values(spec.substitutions)[0] as string)), `Workflow-${spec.id}`, {
        spec,
        stateMachineName: names.stateMachineName(spec.id),
        repoRoot,
        functions: this.functions,
      });
    }

    const api = new Api(this, 'Api');
    for (const [feature, routes] of groupBy(catalog.routes, (r) => featureOf(r.fn)))
      api.addRoutes(features.of(feature), routes, this.functions);
    const waf = wafEnabled(this)
      ? new LinkRateLimitStack(scope, `${id}Waf`, { routes: catalog.routes, description: 'grantloop: rate limit on the emailed links' })
      : undefined;
    const web = webBehindFrontDoor(this, { api, catalog, bundles, functions: this.functions, webAclArn: waf?.arnFor(this) });

    const events = new Events(this, 'Events', {
      eventBusName: names.eventBus,
      table: data.table,
      router: fn(streamRouter),
      streamFilter,
    });
    for (const [feature, rules] of groupBy(catalog.rules, (r) => featureOf(r.fn)))
      events.addRules(features.of(feature), rules, this.functions);

    for (const [fnId, spec] of Object.entries(catalog.functions)) {
      applyNeeds(fn(fnId), spec.needs, {
        table: data,
        mail,
        appUrl: props.appUrl ?? web.url,
        ocidPrefix: props.ocidPrefix,
        auth: {
          domain: web.signInDomain,
          clientId: web.pagesClient.userPoolClientId,
          issuer: `https://cognito-idp.${this.region}.amazonaws.com/${api.userPool.userPoolId}`,
        },
        bus: events.bus,
        scheduling,
        workflowIds: catalog.workflows.map((w) => w.id),
        functionArn: (id) => fn(id).functionArn,
      });
    }

    new CfnOutput(this, 'ApiUrl', {
      value: web.url,
      description: "The API, through CloudFront: the HTTP API's own execute-api address refuses requests that did not come through it",
    });
    new CfnOutput(this, 'WebUrl', { value: `${web.url}/app`, description: 'Staff pages (sign in with a Cognito user)' });
    new CfnOutput(this, 'UserPoolId', { value: api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: events.bus.eventBusName });
  }
}
